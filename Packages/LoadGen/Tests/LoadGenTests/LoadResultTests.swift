import PerfResult
import Testing

@testable import LoadGen

/// Figures derived from a result: built by hand, so the expected values are exact.
@Suite struct LoadResultTests {
    /// One second, 1000 responses that each took 2 ms from their send (or `seconds` as the per-second series).
    private func result(model: LoadModel, seconds: [UInt64] = [], bytes: UInt64 = 0) -> LoadResult {
        var uncorrected = LatencyHistogram()
        _ = uncorrected.record(2_000_000, count: 1000)
        var corrected = LatencyHistogram()
        _ = corrected.record(2_500_000, count: 1000)
        return LoadResult(
            target: "http://127.0.0.1:8080/", model: model, connections: 4, threads: 1, pipelining: 1,
            targetRate: nil, startedAtEpochNs: 0, windowNs: 1_000_000_000 * max(1, UInt64(seconds.count)), sent: 1000,
            warmupSent: 0,
            warmupSkipped: 0, completed: 1000, completedInWindow: 1000, drained: 0, abandoned: 0, late: 0,
            dropped: 0, censored: 0, bytesInWindow: bytes, httpErrors: 0, outOfRange: 0, errors: ErrorCounts(),
            statusCounts: [200: 1000],
            latency: corrected, uncorrectedLatency: uncorrected,
            perSecond: seconds.enumerated().map {
                SecondSample(
                    second: $0.offset, requests: $0.element, errors: 0, bytes: 0, latencyP50Ns: nil, latencyP99Ns: nil)
            }, clientCPUNs: 0)
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

    @Test func theMedianPerSecondOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        let table = result(model: .closed, seconds: [400, 100, 300, 200]).summaryTable()
        #expect(table.contains("(per second: min 100, median 250, max 400)"))
        #expect(result(model: .closed, seconds: [5, 1, 3]).summaryTable().contains("median 3, max 5"))
    }

    @Test func bytesPerSecondPrintInDecimalUnitsWithThreeSignificantDigits() {
        #expect(result(model: .closed, bytes: 18_500_000).summaryTable().contains("Bytes/s       18.5 MB/s\n"))
        #expect(result(model: .closed, bytes: 999).summaryTable().contains("Bytes/s       999 B/s\n"))
        #expect(result(model: .closed, bytes: 1_250).summaryTable().contains("Bytes/s       1.25 kB/s\n"))
    }

    @Test func theLatencyTableAlignsNumbersToTheRight() throws {
        let lines = result(model: .closed).summaryTable().split(separator: "\n")
        let header = try #require(lines.first { $0.hasPrefix("Latency (ms)") })
        let corrected = try #require(lines.first { $0.hasPrefix("corrected") })
        #expect(header.hasSuffix("  stdev"))
        #expect(corrected.count == header.count)
        #expect(corrected.hasSuffix("  2.500  2.500  0.000"))
    }
}
