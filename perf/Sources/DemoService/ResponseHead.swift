/// Writing response heads: status line, content headers, framing, connection handling.
enum ResponseHead {
    private static let jsonType = Array("Content-Type: application/json\r\n".utf8)
    private static let prometheusType = Array("Content-Type: text/plain; version=0.0.4; charset=utf-8\r\n".utf8)
    private static let contentLength = Array("Content-Length: ".utf8)
    private static let close = Array("Connection: close\r\n".utf8)
    private static let keepAlive = Array("Connection: keep-alive\r\n".utf8)
    private static let allowPost = Array("Allow: POST\r\n".utf8)
    private static let allowGet = Array("Allow: GET\r\n".utf8)
    private static let crlf = Array("\r\n".utf8)

    /// `HTTP/1.1 100 Continue`, sent once when a client that expects it may send its body.
    static let continueLine = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Appends a complete head for a body of `length` bytes.
    ///
    /// `close` adds `Connection: close`; `announceKeepAlive` adds `Connection: keep-alive` (for HTTP/1.0).
    /// - Complexity: O(1); appends into existing capacity.
    static func append(
        _ response: DemoService.Response, length: Int, close: Bool, announceKeepAlive: Bool,
        to output: inout [UInt8]
    ) {
        output.append(contentsOf: HTTPStatus.statusLines[response.status.ordinal])
        output.append(contentsOf: response.contentType == .json ? jsonType : prometheusType)
        output.append(contentsOf: contentLength)
        JSONWriter.appendInteger(length, to: &output)
        output.append(contentsOf: crlf)
        switch response.allow {
        case .post: output.append(contentsOf: allowPost)
        case .get: output.append(contentsOf: allowGet)
        default: break
        }
        if close {
            output.append(contentsOf: Self.close)
        } else if announceKeepAlive {
            output.append(contentsOf: keepAlive)
        }
        output.append(contentsOf: crlf)
    }

    /// Appends a complete JSON error response that closes the connection: `{"error":"<message>"}`.
    static func appendError(_ status: HTTPStatus, message: String, to output: inout [UInt8]) {
        var body: [UInt8] = []
        JSONWriter.appendError(message, to: &body)
        append(
            DemoService.Response(status: status), length: body.count, close: true, announceKeepAlive: false,
            to: &output)
        output.append(contentsOf: body)
    }
}
