import LoadGen

/// One measured run of the A/B comparison: a fresh service in one mode under one scenario.
struct RunMeasurement: Equatable {
    /// The scenario's name.
    var scenario: String
    /// Whether the service ran pooled (`--pool on`).
    var pool: Bool
    /// The round, from 1.
    var round: Int
    /// Responses per second in the measured window (LoadGen).
    var requestsPerSec: Double
    /// Latency percentiles in milliseconds (LoadGen; corrected in the open model).
    var p50Ms: Double
    var p95Ms: Double
    var p99Ms: Double
    /// Errors over attempts (LoadGen).
    var errorRate: Double
    /// Heap allocations of the service per request it answered in the window; `nil` when the service has no
    /// allocation counter (`demo_allocations_total` absent).
    var allocsPerRequest: Double?
    /// Hits over takes of every pool in the window; `nil` for the plain allocator.
    var hitRate: Double?

    /// The measurement from a LoadGen result and four scrapes of the service: an idle pair right after the
    /// start (what a pair of scrapes costs by itself), then the window's start and end.
    init(
        scenario: String, pool: Bool, round: Int, result: LoadResult, idle: (MetricsScrape, MetricsScrape),
        window: (MetricsScrape, MetricsScrape)
    ) {
        self.scenario = scenario
        self.pool = pool
        self.round = round
        requestsPerSec = result.requestsPerSecond
        p50Ms = Double(result.latency.value(atPercentile: 50)) / 1e6
        p95Ms = Double(result.latency.value(atPercentile: 95)) / 1e6
        p99Ms = Double(result.latency.value(atPercentile: 99)) / 1e6
        errorRate = result.errorRate
        allocsPerRequest = Self.allocationsPerRequest(idle: idle, window: window)
        hitRate = pool ? window.1.allPools.since(window.0.allPools).hitRate : nil
    }

    /// Creates a measurement from its numbers (for tests and tables).
    init(
        scenario: String, pool: Bool, round: Int, requestsPerSec: Double, p50Ms: Double, p95Ms: Double,
        p99Ms: Double, errorRate: Double, allocsPerRequest: Double?, hitRate: Double?
    ) {
        self.scenario = scenario
        self.pool = pool
        self.round = round
        self.requestsPerSec = requestsPerSec
        self.p50Ms = p50Ms
        self.p95Ms = p95Ms
        self.p99Ms = p99Ms
        self.errorRate = errorRate
        self.allocsPerRequest = allocsPerRequest
        self.hitRate = hitRate
    }

    /// (Δ allocations − the idle pair's Δ) ÷ (Δ requests − the idle pair's Δ): the scrapes' own allocations
    /// and requests cancel, since both windows are bounded by one scrape at each end.
    static func allocationsPerRequest(idle: (MetricsScrape, MetricsScrape), window: (MetricsScrape, MetricsScrape))
        -> Double?
    {
        guard let idleStart = idle.0.allocations, let idleEnd = idle.1.allocations,
            let windowStart = window.0.allocations, let windowEnd = window.1.allocations
        else { return nil }
        let requests = Double(window.1.requests &- window.0.requests) - Double(idle.1.requests &- idle.0.requests)
        guard requests > 0 else { return nil }
        let allocations = Double(windowEnd &- windowStart) - Double(idleEnd &- idleStart)
        return max(0, allocations) / requests
    }
}
