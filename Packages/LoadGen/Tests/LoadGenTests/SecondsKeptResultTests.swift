import PerfResult
import PerfSupport
import Testing

@testable import LoadGen

/// A result that kept only its last seconds says so: in its table and its sidecar (read back the same), and a
/// merge with another run starts its series after the dropped stretch. Results built by hand: exact.
@Suite struct SecondsKeptResultTests {
    /// A 10-second run of 100 responses a second whose series holds seconds `kept` only (`dropped` before them).
    private func result(kept: Range<Int>, dropped: Int, startedAtEpochNs: Int64 = 0) -> LoadResult {
        var latency = LatencyHistogram()
        _ = latency.record(1_000_000, count: 1000)
        var result = LoadResult(
            target: "http://127.0.0.1:8080/", model: .closed, connections: 4, threads: 1, pipelining: 1,
            targetRate: nil, startedAtEpochNs: startedAtEpochNs, windowNs: 10_000_000_000, sent: 1000, warmupSent: 0,
            warmupSkipped: 0, completed: 1000, completedInWindow: 1000, drained: 0, abandoned: 0, late: 0, dropped: 0,
            censored: 0, bytesInWindow: 0, httpErrors: 0, outOfRange: 0, errors: ErrorCounts(),
            statusCounts: [200: 1000],
            latency: latency, uncorrectedLatency: latency,
            perSecond: kept.map {
                SecondSample(
                    second: $0, requests: 100, errors: 0, bytes: 0, latencyP50Ns: 1_000_000, latencyP99Ns: 1_000_000)
            }, clientCPUNs: 0)
        result.secondsDropped = dropped
        return result
    }

    @Test func theTableSaysWhichSecondsTheSeriesHolds() {
        let table = result(kept: 7..<10, dropped: 7).summaryTable()
        #expect(table.contains("per second of the last 3 s: min 100"))
        #expect(table.contains("Per second    kept the last 3 s only (secondsKept): the first 7 s are in the totals"))
        let whole = result(kept: 0..<10, dropped: 0).summaryTable()
        #expect(!whole.contains("Per second    kept"))
        #expect(whole.contains("(per second: min 100"))
    }

    @Test func theSidecarKeepsTheDroppedSecondsThroughARoundTrip() throws {
        let kept = result(kept: 7..<10, dropped: 7)
        let read = try LoadResult(sidecar: kept.sidecar, path: "r.json", field: "results.r")
        #expect(read == kept)
        #expect(read.secondsDropped == 7)
        let whole = result(kept: 0..<10, dropped: 0)
        #expect(whole.sidecar["secondsDropped"] == nil)
        #expect(try LoadResult(sidecar: whole.sidecar, path: "r.json", field: "results.r") == whole)
    }

    @Test func theMetricsCarryTheKeptSecondsOnly() throws {
        let metric = try #require(result(kept: 7..<10, dropped: 7).metrics().first { $0.key == "requestsPerSec" })
        #expect(metric.samples == [100, 100, 100])
        #expect(metric.value == 100)
    }

    @Test func aMergeStartsAfterTheLaterDroppedStretch() {
        // The second run started 2 s later and dropped its first 5 s: merged seconds 0...6 would miss its part.
        let first = result(kept: 0..<10, dropped: 0)
        let second = result(kept: 5..<10, dropped: 5, startedAtEpochNs: 2_000_000_000)
        let merged = first.merged(with: second)
        #expect(merged.secondsDropped == 7)
        #expect(merged.perSecond.map(\.second) == [7, 8, 9, 10, 11])
        #expect(merged.perSecond.map(\.requests) == [200, 200, 200, 100, 100])
        #expect(first.merged(with: first).secondsDropped == 0)
        #expect(merged.completed == 2000)
    }
}
