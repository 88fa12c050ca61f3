/// One whole request in-process: the server's steps without a socket.
extension DemoService {
    /// Parses `request` (head and body, as a client sends it), answers it and appends the response (head as the
    /// server writes it, then the body) to `output`; returns the status, or `nil` when `request` is not one
    /// complete, valid request. `body` is the caller's scratch for the response body (emptied first, capacity
    /// kept), so that a caller that reuses its buffers allocates nothing here.
    ///
    /// For in-process load (perf-service's concurrent clients): each caller owns its parser and buffers; the
    /// service is shared, as the server's event loops share it.
    /// - Complexity: O(request length + response length).
    public func serve(
        request: UnsafeBufferPointer<UInt8>, parser: inout HTTPRequestParser, body: inout [UInt8],
        output: inout [UInt8]
    ) -> HTTPStatus? {
        guard case .complete(let head) = parser.parse(request), head.headLength + head.contentLength <= request.count
        else {
            parser.reset()
            return nil
        }
        parser.reset()
        body.removeAll(keepingCapacity: true)
        let requestBody = UnsafeBufferPointer(
            rebasing: request[head.headLength..<(head.headLength + head.contentLength)])
        let response = respond(
            route: head.route, method: head.method, body: requestBody, into: &body, counters: metrics.inProcessBlock)
        ResponseHead.append(
            response, length: body.count, close: !head.keepAlive, announceKeepAlive: false, to: &output)
        output.append(contentsOf: body)
        return response.status
    }
}
