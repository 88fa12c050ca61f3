import PerfResult
import PerfSupport
import Testing

@testable import LoadGen

/// The count of censored (unsent) requests in a result: merged, written and read back, and shown.
@Suite struct CensoredResultTests {
    /// An open-model result of 1 000 scheduled requests: 600 answered in 2 ms, 400 never sent and censored
    /// at 100 ms … 499 ms.
    private func result(startedAt start: Int64 = 0, censoring: Bool = true) -> LoadResult {
        var uncorrected = LatencyHistogram()
        uncorrected.record(2_000_000, count: 600)
        var corrected = uncorrected
        if censoring { corrected.record(linearFrom: 100_000_000, to: 499_000_000, count: 400) }
        return LoadResult(
            target: "http://127.0.0.1:8080/", model: .open, connections: 4, threads: 1, pipelining: 1,
            targetRate: 1000, startedAtEpochNs: start, windowNs: 1_000_000_000, sent: 600, warmupSent: 0,
            warmupSkipped: 0, completed: 600, completedInWindow: 600, drained: 0, abandoned: 0, late: 12,
            dropped: 400, censored: censoring ? 400 : 0, bytesInWindow: 0, httpErrors: 0, outOfRange: 0,
            errors: ErrorCounts(), statusCounts: [200: 600], latency: corrected, uncorrectedLatency: uncorrected,
            perSecond: [], clientCPUNs: 0)
    }

    @Test func mergingAddsTheCountsAndTheCensoredValuesExactly() {
        let first = result()
        let second = result(startedAt: 500_000_000)
        let merged = first.merged(with: second)
        #expect(merged.dropped == 800)
        #expect(merged.censored == 800)
        #expect(merged.sent == 1200)
        var latencies = first.latency
        latencies.merge(second.latency)
        #expect(merged.latency == latencies)
        #expect(merged.latency.totalCount == merged.completed + merged.censored)
    }

    @Test func theSidecarKeepsTheCountAndOlderSidecarsReadAsNoneCensored() throws {
        let original = result()
        let path = temporaryPath("censored.json")
        defer { removeFile(path) }
        try LoadReport.write(
            [.init(name: "overload/total", result: original)], suite: "macro-overload",
            environment: .init(buildConfiguration: .debug, timestamp: "2026-01-01T00:00:00Z"), to: path)
        let (_, entries) = try LoadReport.read(from: path)
        #expect(entries.first?.result == original)
        #expect(entries.first?.result.censored == 400)
        // A report written before the count existed: its dropped requests are in no histogram.
        let older = removingCensoredCount(from: result(censoring: false).sidecar)
        let read = try LoadResult(sidecar: older, path: "old.json", field: "results.old")
        #expect(read.censored == 0)
        #expect(read == result(censoring: false))
    }

    @Test func theTableMarksCorrectedFiguresAsLowerBoundsAndCountsTheUnsent() throws {
        let lines = result().summaryTable().split(separator: "\n")
        let corrected = try #require(lines.first { $0.hasPrefix("corrected") })
        let uncorrected = try #require(lines.first { $0.hasPrefix("uncorrected") })
        #expect(corrected.contains("≥"))
        #expect(!uncorrected.contains("≥"))
        #expect(corrected.count == uncorrected.count)
        let unsent = try #require(lines.first { $0.hasPrefix("Unsent") })
        #expect(unsent.contains("400 of 1000 scheduled requests (40.00 %) never sent"))
        #expect(unsent.contains("lower bounds (≥)"))
        #expect(!unsent.contains("in no latency"))
        #expect(corrected.split(separator: " ").last?.hasPrefix("≥") == false) // the stdev is not a bound
        let older = result(censoring: false).summaryTable().split(separator: "\n")
        #expect(try #require(older.first { $0.hasPrefix("corrected") }).contains("≥") == false)
        #expect(
            older.contains { $0.contains("400 of 1000 scheduled requests (40.00 %) never sent · 400 of them in no") })
    }

    private func removingCensoredCount(from sidecar: JSONValue) -> JSONValue {
        guard case let .object(members) = sidecar else { return sidecar }
        return .object(
            members.map { member in
                guard member.key == "counts", case let .object(counts) = member.value else { return member }
                return .init(key: "counts", value: .object(counts.filter { $0.key != "censored" }))
            })
    }
}
