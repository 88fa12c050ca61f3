import PerfResult
import Testing

@testable import LoadGen

/// Figures derived from a result: built by hand, so the expected values are exact.
@Suite struct LoadResultTests {
    /// One second, 1000 responses that each took 2 ms from their send.
    private func result(model: LoadModel) -> LoadResult {
        var uncorrected = LatencyHistogram()
        _ = uncorrected.record(2_000_000, count: 1000)
        var corrected = LatencyHistogram()
        _ = corrected.record(2_500_000, count: 1000)
        return LoadResult(
            target: "http://127.0.0.1:8080/", model: model, connections: 4, threads: 1, pipelining: 1,
            targetRate: nil, startedAtEpochNs: 0, windowNs: 1_000_000_000, sent: 1000, warmupSent: 0,
            warmupSkipped: 0, completed: 1000, completedInWindow: 1000, drained: 0, abandoned: 0, late: 0,
            dropped: 0, bytesInWindow: 0, httpErrors: 0, outOfRange: 0, errors: ErrorCounts(),
            statusCounts: [200: 1000],
            latency: corrected, uncorrectedLatency: uncorrected, perSecond: [], clientCPUNs: 0)
    }

    @Test func requestsInFlightIsThroughputTimesMeanLatencyFromTheSend() throws {
        let closed = result(model: .closed)
        #expect(closed.meanRequestsInFlight == 2)
        let metric = try #require(closed.metrics().first { $0.key == "requestsInFlight" })
        #expect(metric.value == 2)
        #expect(metric.unit == .count)
        #expect(metric.better == .higher)
        #expect(closed.summaryTable().contains("In flight     2.0 requests on average"))
        #expect(closed.summaryTable().contains("at most 4 = 4 connections × pipelining 1"))
    }

    @Test func moreRequestsInFlightIsWorseInTheOpenModel() throws {
        let metric = try #require(result(model: .open).metrics().first { $0.key == "requestsInFlight" })
        #expect(metric.better == .lower)
    }
}
