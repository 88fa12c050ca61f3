import Foundation
import PerfResult
import SuiteTestSupport
import Testing

/// The `perf-verify` executable, run from the build folder next to the test bundle, on its deterministic checks:
/// MemProbe's heap totals against valgrind's (skipped with a note where valgrind is missing), LatencyHistogram
/// against HdrHistogram's vectors, Mann–Whitney against SciPy's cases. None of them depends on timing.
@Suite struct ExecutableTests {
    let perfVerify = BuiltExecutable("perf-verify")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    func workDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "perf-verify-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func theDeterministicChecksPassAndTheReportSaysSo() throws {
        let work = try workDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        // Not the heap check in a sanitizer build: MemProbe's counter is compiled out there (and valgrind
        // gives up on sanitized executables), so there is nothing to compare.
        let heap = SanitizerBuild.isActive ? [] : ["--check", "heap"]
        let run = try perfVerify.run(
            heap + [
                "--check", "histogram", "--check", "mann-whitney", "--work-dir", work, "--scenario",
                Self.repository + "/perf/verify/coordinated-omission.json", "--json", work + "/verify.json",
            ])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        let report = try Report.read(from: work + "/verify.json")
        #expect(report.suite == "verify")
        let mannWhitney = try #require(report.result(named: "regression/mannWhitney[reference=scipy]"))
        #expect(mannWhitney["passed"]?.value == 1 && mannWhitney["ours"]?.value == 140)
        #expect(report.result(named: "loadgen/latencyHistogram[vector=corrected]")?["passed"]?.value == 1)
        guard !SanitizerBuild.isActive else { return }
        let allocations = try #require(report.result(named: "memprobe/heapTotals[figure=allocs]"))
        if run.stdout.contains("valgrind is not installed") {
            #expect(allocations.metrics.isEmpty, "a skipped row has no figures")
        } else {
            // Identical counts from two independent counters: MemProbe's malloc hooks and valgrind's.
            #expect(allocations["passed"]?.value == 1)
            #expect(allocations["ours"]?.value == allocations["reference"]?.value)
            #expect((allocations["ours"]?.value ?? 0) > 1_000)
        }
    }

    @Test func aMissingFixtureFailsItsRowNamingTheFile() throws {
        let work = try workDirectory()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let run = try perfVerify.run([
            "--check", "mann-whitney", "--work-dir", work, "--scenario", work + "/missing/coordinated-omission.json",
        ])
        #expect(run.status == 1)
        #expect(run.stdout.contains("FAIL") && run.stdout.contains(work + "/missing/mannwhitney-scipy.json"))
    }

    @Test func anUnknownCheckIsBadUsageNamingTheFlag() throws {
        let run = try perfVerify.run(["--check", "everything"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--check"))
    }

    @Test func listNamesEveryCheck() throws {
        let run = try perfVerify.run(["--list"])
        #expect(run.status == 0)
        for name in ["heap", "instructions", "hand-loop", "coordinated-omission", "wrk", "histogram", "mann-whitney"] {
            #expect(run.stdout.contains("\(name): "), "\(name)")
        }
    }
}
