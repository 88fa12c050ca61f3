import DemoService

/// One pipeline task's state: a demo service, the request's bytes, a parser and reused output buffers.
struct PipelineFixture {
    let service: DemoService
    let request: [UInt8]
    var parser: HTTPRequestParser
    /// The parsed head, for the stages timed alone.
    let head: HTTPRequestHead
    /// The handler's answer, for `encode` alone.
    let response: DemoService.Response
    var body: [UInt8] = []
    var output: [UInt8] = []

    /// Builds the service and checks, untimed, that the request parses and is answered 200.
    ///
    /// The service has the demo server's defaults (1,000 users, 4,096 hash rounds, 64 messages per topic) but
    /// 1,024 sessions instead of 100,000, so that the session cache reaches its steady state (every login
    /// evicts the least recent session) during warmup instead of growing through the whole run. `pool` picks its
    /// allocator, as `demo-service --pool on|off` does.
    init(_ request: PipelineRequest, pool: Bool = true) {
        var configuration = ServiceConfiguration()
        configuration.sessionCapacity = 1024
        configuration.pool = pool
        do {
            service = try DemoService(configuration: configuration)
        } catch {
            preconditionFailure("the pipeline's service configuration is invalid: \(error)")
        }
        self.request = request.bytes
        let configured = service.configuration
        var parser = HTTPRequestParser(maxHeadBytes: configured.maxHeaderBytes, maxBodyBytes: configured.maxBodyBytes)
        guard case .complete(let head) = request.bytes.withUnsafeBufferPointer({ parser.parse($0) }) else {
            preconditionFailure("the pipeline's \(request.name) request does not parse")
        }
        parser.reset()
        self.parser = parser
        precondition(head.headLength + head.contentLength == self.request.count, "the request has a stray tail")
        self.head = head
        var answer: [UInt8] = []
        answer.reserveCapacity(512)
        response = self.request.withUnsafeBufferPointer { [service] bytes in
            service.respond(
                route: head.route, method: head.method, body: UnsafeBufferPointer(rebasing: bytes[head.headLength...]),
                into: &answer)
        }
        precondition(response.status == .ok, "the pipeline's \(request.name) request was answered \(response.status)")
        body = answer
        output.reserveCapacity(1024)
    }

    /// Parse, route, handle, encode: returns the number of response bytes.
    mutating func serve() -> Int {
        output.removeAll(keepingCapacity: true)
        body.removeAll(keepingCapacity: true)
        let request = self.request
        return request.withUnsafeBufferPointer { bytes in
            guard case .complete(let head) = parser.parse(bytes) else { preconditionFailure("unparseable request") }
            parser.reset()
            let requestBody = UnsafeBufferPointer(
                rebasing: bytes[head.headLength..<(head.headLength + head.contentLength)])
            let response = service.respond(route: head.route, method: head.method, body: requestBody, into: &body)
            ResponseEncoding.appendHead(response, length: body.count, keepAlive: head.keepAlive, to: &output)
            output.append(contentsOf: body)
            return output.count
        }
    }

    /// Parses the head alone (the route is resolved while parsing the request line); returns its length.
    mutating func parse() -> Int {
        let request = self.request
        return request.withUnsafeBufferPointer { bytes in
            guard case .complete(let head) = parser.parse(bytes) else { preconditionFailure("unparseable request") }
            parser.reset()
            return head.headLength &+ head.route.rawValue
        }
    }

    /// Runs the handler alone on the parsed request; returns the body's length.
    mutating func handle() -> Int {
        body.removeAll(keepingCapacity: true)
        let request = self.request
        let head = self.head
        return request.withUnsafeBufferPointer { bytes in
            let requestBody = UnsafeBufferPointer(rebasing: bytes[head.headLength...])
            _ = service.respond(route: head.route, method: head.method, body: requestBody, into: &body)
            return body.count
        }
    }

    /// Encodes the response head and appends the last body alone; returns the output's length.
    mutating func encode() -> Int {
        output.removeAll(keepingCapacity: true)
        ResponseEncoding.appendHead(response, length: body.count, keepAlive: head.keepAlive, to: &output)
        output.append(contentsOf: body)
        return output.count
    }
}
