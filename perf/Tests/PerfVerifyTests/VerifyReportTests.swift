import PerfResult
import Testing

@testable import perf_verify

/// perf-verify's rows as a table and as a PerfResult report.
@Suite struct VerifyReportTests {
    let rows: [VerifyRow] = [
        .judged(
            "memprobe/heapTotals[figure=allocs]", ours: 1_122, reference: 1_122, unit: .count, bar: "identical",
            note: "valgrind", holds: true),
        .judged(
            "loadgen/againstWrk[figure=requestsPerSec]", ours: 80_000, reference: 100_000, unit: .requestsPerSecond,
            bar: "≥ 0.9 × wrk", note: "medians", holds: false),
        .skipped("loadgen/againstWrk[figure=p99]", bar: "≤ 1.25 × wrk", why: "wrk is not installed"),
    ]

    @Test func eachRowBecomesAResultWithOursTheReferenceAndWhetherItPassed() throws {
        let report = try VerifyRow.report(
            rows, environment: Environment(buildConfiguration: .release, timestamp: "2026-12-07T20:00:00Z"))
        #expect(report.suite == "verify")
        let heap = try #require(report.result(named: "memprobe/heapTotals[figure=allocs]"))
        #expect(heap["ours"]?.value == 1_122 && heap["reference"]?.value == 1_122 && heap["passed"]?.value == 1)
        let rate = try #require(report.result(named: "loadgen/againstWrk[figure=requestsPerSec]"))
        #expect(rate["passed"]?.value == 0 && rate["ours"]?.unit == .requestsPerSecond)
        // A skipped row has no figures and no verdict: it was not measured.
        let skipped = try #require(report.result(named: "loadgen/againstWrk[figure=p99]"))
        #expect(skipped.metrics.isEmpty)
    }

    @Test func theTableLeadsWithTheVerdictAndSaysWhyARowWasSkipped() {
        let lines = VerifyRow.table(rows).split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix("PASS") && lines[1].contains("1,122"))
        #expect(lines[2].hasPrefix("FAIL") && lines[2].contains("≥ 0.9 × wrk"))
        #expect(lines[3].hasPrefix("SKIP") && lines[3].hasSuffix("wrk is not installed"))
    }

    @Test func aTaskNameGetsTheCheckAsAParameter() {
        #expect(named("harness/fnv1a[bytes=48]", check: "handLoop") == "harness/fnv1a[bytes=48,check=handLoop]")
        #expect(named("harness/empty", check: "callgrindRepeat") == "harness/empty[check=callgrindRepeat]")
    }
}
