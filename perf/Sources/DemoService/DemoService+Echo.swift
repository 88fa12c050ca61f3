/// `POST /echo`.
extension DemoService {
    /// Checks that the body is one JSON value (any shape, up to `--max-body` bytes) and answers it back unchanged.
    ///
    /// The route for payload sweeps: its cost grows with the body (one validating pass over the request, one
    /// copy into the response), so request and response bodies of 1 to 50 KB measure the cost per KB of the
    /// parser, the handler and the response path. A body that is not valid JSON gets a 400 and is not echoed.
    /// - Complexity: O(body length).
    func echo(body: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], counters: CounterBlock) -> Response {
        var reader = JSONReader(body)
        guard reader.skipValue(), reader.finish() else {
            return fail(.syntax(reader.error!), into: &output, counters: counters)
        }
        output.append(contentsOf: body)
        return Response(status: .ok)
    }
}
