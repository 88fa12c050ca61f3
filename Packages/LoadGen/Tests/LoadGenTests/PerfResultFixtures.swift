import PerfResult

/// Small PerfResult results for threshold tests.
enum PerfResultFixtures {
    static func result(p95: Double, rate: Double) throws -> PerfResult.Result {
        try PerfResult.Result(name: "sample/total", metrics: [.latencyP95Ms(p95), .requestsPerSec(rate)])
    }
}
