import Foundation
import PerfResult
import Testing

@testable import MicroBench

/// Captures what a runner writes, and plays terminal or not.
final class CapturedConsole {
    var output = ""
    var error = ""

    func console(outputIsTerminal: Bool = false, errorIsTerminal: Bool = false) -> Console {
        Console(
            write: { self.output += $0 }, writeError: { self.error += $0 }, outputIsTerminal: outputIsTerminal,
            errorIsTerminal: errorIsTerminal)
    }
}

struct RunnerFixture {
    let clock = FakeClock()
    let captured = CapturedConsole()
    var variables: [String: String] = [:]
    var buildConfiguration = Environment.BuildConfiguration.release
    var outputIsTerminal = false
    var errorIsTerminal = false
    var probes: [any Probe] = []
    var siteRecorder: (any AllocationSiteRecorder)?

    var environment: Environment {
        Environment(
            swiftVersion: "6.3.1", buildConfiguration: buildConfiguration, kernel: "Linux 6.1", architecture: "x86_64",
            logicalCores: 2, timestamp: "2026-11-22T14:00:00Z")
    }

    /// Two suites: `stringOps` with a 1 µs closure task and a sweep, `routing` with a batch task.
    var suites: [Suite] {
        let clock = self.clock
        return [
            Suite("stringOps") { suite in
                suite.bench("concat") { clock.advance(1_000) }
                suite.bench("scan", sweeping: "size", over: [16, 256], throughput: { .bytes($0) }) { size in
                    size
                } body: { size in
                    clock.advance(UInt64(size) * 10)
                }
            },
            Suite("routing") { suite in
                suite.benchBatch("trie") { batch in batch.measure { clock.advance(UInt64(batch.iterations) * 2_000) } }
            },
        ]
    }

    /// Runs with `arguments`, returning the exit status.
    func run(_ arguments: [String]) -> Int32 {
        let environment = self.environment
        var runner = Runner(
            suites: suites, reportName: "micro", probes: probes, clocks: clock.clocks,
            console: captured.console(outputIsTerminal: outputIsTerminal, errorIsTerminal: errorIsTerminal),
            variables: variables, captureEnvironment: { environment }, measureHarnessFloor: nil)
        runner.siteRecorder = siteRecorder
        return runner.run(arguments: arguments, programName: "perf-micro")
    }
}

func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("microbench-\(UUID().uuidString)-\(name)").path
}

@Suite struct RunnerTests {
    @Test func helpPrintsTheUsageAndExitsZero() {
        let fixture = RunnerFixture()
        #expect(fixture.run(["--help"]) == 0)
        #expect(fixture.captured.output.hasPrefix("Usage: perf-micro [--filter PATTERN]..."))
        #expect(fixture.captured.output.contains("--json writes suite \"micro\"."))
        #expect(fixture.captured.error.isEmpty)
    }

    @Test func anUnknownFlagExitsTwoWithAMessageNamingIt() {
        let fixture = RunnerFixture()
        #expect(fixture.run(["--bogus"]) == 2)
        #expect(fixture.captured.error == "perf-micro: unknown option --bogus; see perf-micro --help\n")
        #expect(fixture.captured.output.isEmpty)
    }

    @Test func aBadProfileExitsTwo() {
        var fixture = RunnerFixture()
        fixture.variables["PERF_PROFILE"] = "fast"
        #expect(fixture.run([]) == 2)
        #expect(fixture.captured.error == "perf-micro: PERF_PROFILE: \"fast\" is not quick or full\n")
    }

    @Test func aMistakeIsPaintedOnlyOnATerminal() {
        var fixture = RunnerFixture()
        fixture.errorIsTerminal = true
        #expect(fixture.run(["--bogus"]) == 2)
        #expect(fixture.captured.error.hasPrefix("\u{1B}[1;31mperf-micro:\u{1B}[0m unknown option --bogus"))
    }

    @Test func aFilterThatMatchesNothingExitsTwo() {
        let fixture = RunnerFixture()
        #expect(fixture.run(["--filter", "nothing", "--filter", "none"]) == 2)
        #expect(
            fixture.captured.error
                == "perf-micro: no task matches --filter 'nothing', 'none'; run with --list to see the task names\n")
    }

    @Test func forksAboveOneAreRefusedWithListBeforeAnythingRuns() {
        let fixture = RunnerFixture()
        #expect(fixture.run(["--list", "--forks", "2"]) == 2)
        #expect(fixture.captured.error.hasPrefix("perf-micro: --forks does not apply to --list"))
        #expect(fixture.captured.output.isEmpty)
    }

    @Test func anUnwritableReportPathExitsTwoBeforeAnythingRuns() {
        let fixture = RunnerFixture()
        let wallBefore = fixture.clock.wall
        #expect(fixture.run(["--json", "/nonexistent-directory/micro.json"]) == 2)
        #expect(
            fixture.captured.error.hasPrefix(
                "perf-micro: cannot write the report to /nonexistent-directory/micro.json: /nonexistent-directory: "
                    + "No such file or directory; pass --json a path"))
        #expect(fixture.clock.wall == wallBefore)
        #expect(fixture.captured.output.isEmpty)
    }

    @Test func aDirectoryAsReportPathExitsTwo() {
        let fixture = RunnerFixture()
        #expect(fixture.run(["--json", FileManager.default.temporaryDirectory.path]) == 2)
        #expect(fixture.captured.error.contains("it is a directory"))
    }

    @Test func listPrintsTheSelectedNamesOnly() {
        let fixture = RunnerFixture()
        #expect(fixture.run(["--list"]) == 0)
        #expect(
            fixture.captured.output
                == "stringOps/concat\nstringOps/scan[size=16]\nstringOps/scan[size=256]\nrouting/trie\n")
        let filtered = RunnerFixture()
        #expect(filtered.run(["--list", "--filter", "size=2"]) == 0)
        #expect(filtered.captured.output == "stringOps/scan[size=256]\n")
    }

    @Test func theEnvironmentLineComesFirstThenAnAlignedTable() throws {
        let fixture = RunnerFixture()
        #expect(fixture.run([]) == 0)
        let lines = fixture.captured.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var expected = fixture.environment
        expected.profile = "full"
        #expect(lines[0] == expected.description)
        #expect(lines[1].hasPrefix("MicroBench · profile full · warmup 0.10 s · 0.50 s per task · samples ≥ 1.00 ms"))
        let header = try #require(lines.first { $0.hasPrefix("name") })
        for column in ["ops/s", "ns/op p50", "±rme", "p99", "samples", "batch", "throughput", "clean", "1st call"] {
            #expect(header.contains(column))
        }
        #expect(!header.contains("allocs/op"))
        let rows = lines.filter { $0.hasPrefix("stringOps/") || $0.hasPrefix("routing/") }
        #expect(rows.count == 4)
        let concat = try #require(rows.first)
        #expect(concat.hasPrefix("stringOps/concat  "))
        #expect(concat.contains("1,000,000")) // ops/s at 1 µs per operation
        #expect(concat.contains("1,000.0")) // ns/op
        // Aligned: the ns/op column ends at the same offset in the header and every row.
        let end = try #require(header.range(of: "ns/op p50")).upperBound.utf16Offset(in: header)
        for row in rows {
            let cell = row.prefix(end)
            #expect(cell.last != " ", "row \(row) is not aligned with the header")
        }
        #expect(fixture.captured.error.isEmpty, "progress must not go to a non-terminal")
    }

    @Test func aDebugBuildWarnsLoudlyOnBothStreamsWhenOutputIsRedirected() {
        var fixture = RunnerFixture()
        fixture.buildConfiguration = .debug
        #expect(fixture.run(["--filter", "concat"]) == 0)
        let lines = fixture.captured.output.split(separator: "\n").map(String.init)
        #expect(lines[0].contains("DEBUG BUILD"))
        #expect(lines[1].hasPrefix("WARNING: this is a DEBUG build; its numbers are not meaningful."))
        #expect(fixture.captured.error.hasPrefix("WARNING: this is a DEBUG build"))
    }

    @Test func colourIsUsedOnATerminalUnlessNoColorIsSet() {
        var colored = RunnerFixture()
        colored.outputIsTerminal = true
        #expect(colored.run(["--filter", "concat"]) == 0)
        #expect(colored.captured.output.contains("\u{1B}["))

        var plain = RunnerFixture()
        plain.outputIsTerminal = true
        plain.variables["NO_COLOR"] = "1"
        #expect(plain.run(["--filter", "concat"]) == 0)
        #expect(!plain.captured.output.contains("\u{1B}["))
    }

    @Test func progressGoesToStandardErrorOnlyWhenItIsATerminal() {
        var fixture = RunnerFixture()
        fixture.errorIsTerminal = true
        #expect(fixture.run(["--filter", "routing"]) == 0)
        #expect(fixture.captured.error.contains("[1/1] routing/trie"))
        #expect(!fixture.captured.output.contains("[1/1]"))
    }

    @Test func quickAndTimeChangeTheBudget() {
        let quick = RunnerFixture()
        #expect(quick.run(["--quick", "--filter", "concat"]) == 0)
        #expect(quick.captured.output.contains("profile quick · warmup 0.02 s · 0.10 s per task"))

        var variable = RunnerFixture()
        variable.variables["PERF_PROFILE"] = "quick"
        #expect(variable.run(["--filter", "concat", "--time", "0.01"]) == 0)
        // 10 ms / 30 samples = 333 µs per sample, so 334 operations of 1 µs per batch.
        #expect(variable.captured.output.contains("0.01 s per task · samples ≥ 333.33 µs"))
        #expect(variable.captured.output.contains("  334  "))
    }

    @Test func anAllocationProbeAddsColumns() {
        var fixture = RunnerFixture()
        fixture.probes = [RecordingProbe("allocations", log: .init())]
        #expect(fixture.run(["--filter", "concat"]) == 0)
        #expect(fixture.captured.output.contains("allocs/op"))
        #expect(fixture.captured.output.contains("bytes/op"))
    }

    @Test func anUnavailableProbeIsReportedAndAddsNoColumn() {
        var fixture = RunnerFixture()
        fixture.probes = [RecordingProbe("allocations", log: .init(), availability: .unavailable(reason: "no hook"))]
        #expect(fixture.run(["--filter", "concat"]) == 0)
        #expect(fixture.captured.output.contains("probe allocations unavailable: no hook"))
        #expect(!fixture.captured.output.contains("allocs/op"))
    }

    @Test func jsonWritesAPerfResultReportWithTheSharedKeysAndRawSamples() throws {
        let path = temporaryPath("micro.json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var fixture = RunnerFixture()
        fixture.variables["PERF_PROFILE"] = "quick"
        #expect(fixture.run(["--json", path]) == 0)
        #expect(fixture.captured.output.hasSuffix("wrote \(path) (4 results)\n"))

        let report = try Report.read(from: path)
        #expect(report.suite == "micro")
        #expect(report.environment.profile == "quick")
        #expect(
            report.results.map(\.name) == [
                "stringOps/concat", "stringOps/scan[size=16]", "stringOps/scan[size=256]", "routing/trie",
            ])
        let concat = try #require(report.result(named: "stringOps/concat"))
        for key in [
            "opsPerSec", "nsPerOp", "p50Ns", "p99Ns", "rme", "meanNs", "minNs", "maxNs", "p75Ns", "sdNs",
            "madNs", "coldStartNs", "cleanFraction", "outliers",
        ] {
            #expect(concat[key] != nil, "missing \(key)")
        }
        let nsPerOp = try #require(concat["nsPerOp"])
        #expect(nsPerOp.value == 1_000 && nsPerOp.unit == .nanoseconds && nsPerOp.better == .lower)
        let samples = try #require(nsPerOp.samples)
        #expect(samples.count == 100 && samples.allSatisfy { $0 == 1_000 }) // 0.1 s of 1 ms samples
        #expect(concat["opsPerSec"]?.value == 1_000_000)
        #expect(concat["rme"]?.unit == .percent)
        let scan = try #require(report.result(named: "stringOps/scan[size=256]"))
        #expect(scan.parameters == ["size": "256"])
        #expect(scan["bytesPerSec"]?.value == 1e8) // 256 bytes per 2,560 ns
        #expect(scan["nsPerOp"]?.value == 2_560)
    }
}

@Suite struct RunnerMisuseTests {
    @Test func twoSuitesDefiningTheSameResultNameTrap() async {
        await #expect(processExitsWith: .failure) {
            let first = Suite("same") { suite in suite.bench("task") {} }
            let second = Suite("same") { suite in suite.bench("task") {} }
            _ = MicroBench.run([first, second], arguments: ["--list"])
        }
    }

    @Test func anInvalidReportNameTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = MicroBench.run(
                [Suite("ok") { suite in suite.bench("task") {} }], arguments: ["--list"], reportName: "a b")
        }
    }
}
