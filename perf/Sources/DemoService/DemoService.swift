/// Series for `/metrics` that the service cannot measure itself: the executable plugs MemProbe in here.
///
/// Each hook is read at the start of a `/metrics` page, before the page itself allocates.
public struct MetricsHooks: Sendable {
    /// Heap allocations since the start (a process-wide counter), shown as `demo_allocations_total`.
    public var allocationCount: (@Sendable () -> UInt64)?
    /// Allocations not yet freed (allocations − frees since the start), shown as `demo_live_allocations`.
    public var liveAllocations: (@Sendable () -> Int64)?
    /// Bytes malloc has handed out and not taken back (`mallinfo2`), shown as `demo_heap_in_use_bytes`.
    public var heapInUseBytes: (@Sendable () -> UInt64?)?

    /// No hooks, or the given ones.
    public init(
        allocationCount: (@Sendable () -> UInt64)? = nil, liveAllocations: (@Sendable () -> Int64)? = nil,
        heapInUseBytes: (@Sendable () -> UInt64?)? = nil
    ) {
        self.allocationCount = allocationCount
        self.liveAllocations = liveAllocations
        self.heapInUseBytes = heapInUseBytes
    }
}

/// The demo service's state and handlers, independent of sockets: the server calls it for every request, and
/// tests and benchmarks call it in-process.
///
/// ```swift
/// let service = try DemoService(configuration: ServiceConfiguration())
/// let (response, body) = service.respond(route: .login, method: .post,
///                                        body: Array(#"{"user":"user0","password":"password0"}"#.utf8))
/// // response.status == .ok, body == {"token":"<64 hex digits>","user":"user0"}
/// ```
public final class DemoService: Sendable {
    /// The content type of a response body.
    public enum ContentType: Sendable {
        /// `application/json`.
        case json
        /// `text/plain; version=0.0.4` (Prometheus exposition format).
        case prometheus
    }

    /// What a handler answered; the body went to the caller's buffer.
    public struct Response: Equatable, Sendable {
        /// The status.
        public var status: HTTPStatus
        /// The body's content type.
        public var contentType: ContentType
        /// For a 405, the method the route allows (the `Allow` header).
        public var allow: HTTPMethod?

        /// Creates a response description.
        public init(status: HTTPStatus, contentType: ContentType = .json, allow: HTTPMethod? = nil) {
            self.status = status
            self.contentType = contentType
            self.allow = allow
        }
    }

    /// The settings the service was built with.
    public let configuration: ServiceConfiguration
    /// Where the hot path's buffers and objects come from: plain or pooled.
    public let allocator: any HotPathAllocator
    /// The seeded users.
    public let users: UserTable
    /// The session LRU cache.
    public let sessions: SessionCache
    /// The per-topic message rings.
    public let topics: TopicStore
    /// The counters behind `/metrics`.
    public let metrics: ServiceMetrics
    let hooks: MetricsHooks

    /// Builds the service: validates the configuration, seeds the users (O(users × hash rounds)).
    ///
    /// - Parameter allocator: Where the hot path's buffers and objects come from; `nil` (the default) follows
    ///   `configuration.pool`: a `PooledAllocator` when it is on, a `PlainAllocator` when it is off.
    /// - Throws: `DemoServiceError.invalidValue` naming the setting out of range.
    public init(
        configuration: ServiceConfiguration, allocator: (any HotPathAllocator)? = nil,
        hooks: MetricsHooks = MetricsHooks()
    ) throws(DemoServiceError) {
        try configuration.validate()
        self.configuration = configuration
        self.allocator =
            allocator ?? (configuration.pool ? PooledAllocator(configuration: configuration) : PlainAllocator())
        self.hooks = hooks
        users = UserTable(count: configuration.users, rounds: configuration.hashRounds)
        sessions = SessionCache(capacity: configuration.sessionCapacity)
        topics = TopicStore(maxTopics: configuration.maxTopics, ringCapacity: configuration.ringCapacity)
        metrics = ServiceMetrics(eventLoops: configuration.threads)
    }

    /// Answers one request in-process, appending the response body to `body`; counts into the in-process block.
    ///
    /// Does not record the request in the request and latency series (the server does, around the call).
    public func respond(route: Route, method: HTTPMethod, body: UnsafeBufferPointer<UInt8>, into output: inout [UInt8])
        -> Response
    {
        respond(route: route, method: method, body: body, into: &output, counters: metrics.inProcessBlock)
    }

    /// Answers one request in-process and returns the response body.
    public func respond(route: Route, method: HTTPMethod, body: [UInt8]) -> (Response, [UInt8]) {
        var output: [UInt8] = []
        let response = body.withUnsafeBufferPointer { respond(route: route, method: method, body: $0, into: &output) }
        return (response, output)
    }

    /// Routes a request to its handler.
    func respond(
        route: Route, method: HTTPMethod, body: UnsafeBufferPointer<UInt8>, into output: inout [UInt8],
        counters: CounterBlock
    ) -> Response {
        guard let allowed = route.method else {
            counters.countError(.notFound)
            JSONWriter.appendError(
                "no such route; try POST /login, POST /messages, POST /echo, GET /health or GET /metrics", to: &output)
            return Response(status: .notFound)
        }
        guard method == allowed else {
            counters.countError(.methodNotAllowed)
            JSONWriter.appendError("use \(allowed == .post ? "POST" : "GET") for \(route.label)", to: &output)
            return Response(status: .methodNotAllowed, allow: allowed)
        }
        switch route {
        case .login: return login(body: body, into: &output, counters: counters)
        case .messages: return messages(body: body, into: &output, counters: counters)
        case .echo: return echo(body: body, into: &output, counters: counters)
        case .health:
            JSONWriter.appendRaw("{\"status\":\"ok\"}", to: &output)
            return Response(status: .ok)
        case .metrics:
            appendMetricsPage(to: &output)
            return Response(status: .ok, contentType: .prometheus)
        case .unknown:
            preconditionFailure("unknown routes have no method")
        }
    }

    /// Answers a body failure with its status and a JSON error, and counts it.
    func fail(_ failure: BodyFailure, into output: inout [UInt8], counters: CounterBlock) -> Response {
        counters.countError(failure.kind)
        JSONWriter.appendError(failure.message, to: &output)
        return Response(status: failure.status)
    }
}
