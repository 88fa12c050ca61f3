import Synchronization

/// The service's counters: one `CounterBlock` per event loop (plus one for in-process callers), summed on read.
///
/// Layout of a block: requests by route and status, latency buckets by route, latency sums by route, error
/// kinds, close reasons, then the scalar counters. Counting is a relaxed atomic add into the caller's own
/// block: no locks, no contention, no allocation.
public final class ServiceMetrics: Sendable {
    /// Upper bounds of the latency histogram buckets, in nanoseconds (a last `+Inf` bucket follows).
    static let latencyBounds: [UInt64] = [
        10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 2_500_000, 5_000_000, 10_000_000,
        25_000_000, 50_000_000, 100_000_000, 250_000_000, 500_000_000, 1_000_000_000,
    ]
    /// The same bounds in seconds, as the `le` label writes them.
    static let latencyBoundLabels: [String] = [
        "0.00001", "0.000025", "0.00005", "0.0001", "0.00025", "0.0005", "0.001", "0.0025", "0.005", "0.01",
        "0.025", "0.05", "0.1", "0.25", "0.5", "1",
    ]

    static let statusCount = HTTPStatus.allCases.count
    static let bucketCount = latencyBounds.count + 1
    static let requestsBase = 0
    static let bucketsBase = requestsBase + Route.allCases.count * statusCount
    static let sumsBase = bucketsBase + Route.allCases.count * bucketCount
    static let errorsBase = sumsBase + Route.allCases.count
    static let closesBase = errorsBase + ErrorKind.allCases.count
    static let scalarsBase = closesBase + CloseReason.allCases.count
    static let counterCount = scalarsBase + ScalarCounter.allCases.count

    let blocks: [CounterBlock]
    /// Connections open now, over every event loop; the connection limit is checked against it.
    let openConnections = Atomic<Int>(0)

    /// Creates counters for `eventLoops` loops plus one block for in-process callers.
    init(eventLoops: Int) {
        blocks = (0...eventLoops).map { _ in CounterBlock(count: ServiceMetrics.counterCount) }
    }

    /// The block of in-process callers (tests, micro benchmarks): the last one.
    var inProcessBlock: CounterBlock { blocks[blocks.count - 1] }

    func total(_ index: Int) -> UInt64 {
        blocks.reduce(0) { $0 &+ $1.load(index) }
    }

    /// Requests answered on `route` with `status` since the start.
    public func requests(route: Route, status: HTTPStatus) -> UInt64 {
        total(Self.requestsBase + route.rawValue * Self.statusCount + status.ordinal)
    }

    /// Errors of `kind` since the start.
    public func errors(_ kind: ErrorKind) -> UInt64 {
        total(Self.errorsBase + kind.rawValue)
    }

    /// Connections closed for `reason` since the start.
    public func closes(_ reason: CloseReason) -> UInt64 {
        total(Self.closesBase + reason.rawValue)
    }

    /// Connections open now.
    public var connectionsOpen: Int { openConnections.load(ordering: .relaxed) }

    func scalar(_ counter: ScalarCounter) -> UInt64 {
        total(Self.scalarsBase + counter.rawValue)
    }

    /// Latency histogram of a route: non-cumulative bucket counts (the last is `+Inf`) and the sum in ns.
    func latency(route: Route) -> (buckets: [UInt64], sumNanoseconds: UInt64) {
        let base = Self.bucketsBase + route.rawValue * Self.bucketCount
        return ((0..<Self.bucketCount).map { total(base + $0) }, total(Self.sumsBase + route.rawValue))
    }
}

extension CounterBlock {
    /// Counts one answered request and its service time.
    ///
    /// - Complexity: O(*b*) for *b* latency buckets; no allocation.
    func recordRequest(route: Route, status: HTTPStatus, nanoseconds: UInt64) {
        add(ServiceMetrics.requestsBase + route.rawValue * ServiceMetrics.statusCount + status.ordinal)
        var bucket = 0
        let bounds = ServiceMetrics.latencyBounds
        while bucket < bounds.count, nanoseconds > bounds[bucket] { bucket += 1 }
        add(ServiceMetrics.bucketsBase + route.rawValue * ServiceMetrics.bucketCount + bucket)
        add(ServiceMetrics.sumsBase + route.rawValue, nanoseconds)
    }

    /// Counts an error.
    func countError(_ kind: ErrorKind, _ amount: UInt64 = 1) {
        add(ServiceMetrics.errorsBase + kind.rawValue, amount)
    }

    /// Counts a closed connection.
    func countClose(_ reason: CloseReason) {
        add(ServiceMetrics.closesBase + reason.rawValue)
    }

    /// Adds to a scalar counter.
    func count(_ counter: ScalarCounter, _ amount: UInt64 = 1) {
        add(ServiceMetrics.scalarsBase + counter.rawValue, amount)
    }
}
