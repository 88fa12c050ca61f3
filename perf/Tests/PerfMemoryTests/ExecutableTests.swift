import Foundation
import PerfResult
import SuiteTestSupport
import Testing

/// The `perf-memory` executable, run from the build folder next to the test bundle. The leak verdicts
/// asserted here rest on exact allocation counts (one leaked block per iteration), never on timing.
@Suite struct ExecutableTests {
    @Test func helpExitsZero() throws {
        let run = try perfMemory.run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Usage: perf-memory [options]\n"))
        #expect(run.stdout.contains("leak checks of healthy workloads (which must pass)"))
        #expect(run.stderr.isEmpty)
    }

    @Test func listExitsZeroWithoutRunningAnything() throws {
        let run = try perfMemory.run(["--list"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Specs (result memory/<name>):"))
    }

    @Test func anUnknownFlagExitsTwoNamingTheFlag() throws {
        let run = try perfMemory.run(["--bogus"])
        #expect(run.status == 2)
        #expect(run.stderr == "perf-memory: unknown option --bogus; see perf-memory --help\n")
        #expect(run.stdout.isEmpty)
    }

    @Test func anUnknownSpecExitsTwo() throws {
        let run = try perfMemory.run(["--spec", "nothing"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("perf-memory: --spec 'nothing' matches no spec"))
    }

    @Test func aBadPerfProfileExitsTwo() throws {
        let run = try perfMemory.run(["--list"], environment: ["PERF_PROFILE": "long"])
        #expect(run.status == 2)
        #expect(run.stderr == "perf-memory: PERF_PROFILE: \"long\" is not quick or full\n")
    }

    @Test func moreThanOneForkExitsTwoBeforeRunning() throws {
        let run = try perfMemory.run(["--forks", "3"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("perf-memory: --forks 3: the leak checks count allocations"))
        #expect(run.stdout.isEmpty)
    }

    @Test(.disabled(if: SanitizerBuild.isActive, "sanitizer build: MemProbe's allocation counter is compiled out"))
    func theLeakUnderALargeLiveSetIsCaughtAsExpectedAndExitsZero() throws {
        let directory = try TemporaryDirectory(prefix: "perf-memory-tests")
        let json = directory.path + "/memory.json"
        let run = try perfMemory.run([
            "--spec", "largeLiveSetLeak", "--iterations", "5000", "--json", json,
            "--snapshot-dir", directory.path + "/snapshots",
        ])
        #expect(run.status == 0, "\(run.stdout)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.contains(
                "memory/largeLiveSetLeak: LEAK (expected: the spec leaks by design) — live allocations grow steadily; "
                    + "all four checks hold"))
        #expect(lines.contains("  no snapshot: the leak is the spec's own"))
        #expect(lines.contains("memory: 1 spec(s), 1 leak(s): memory/largeLiveSetLeak (expected)"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/snapshots"))
        let result = try #require(try Report.read(from: json).results.first)
        #expect(result.name == "memory/largeLiveSetLeak")
        #expect(result["leakDetected"]?.value == 1)
        // The leak is small next to the 300,000 records held: growth under 20 % of the start.
        #expect((result["heapGrowthRatio"]?.value ?? 1) < 0.2)
    }

    @Test(.disabled(if: SanitizerBuild.isActive, "sanitizer build: MemProbe's allocation counter is compiled out"))
    func anInjectedLeakExitsOneWithASnapshotAndTheReport() throws {
        let directory = try TemporaryDirectory(prefix: "perf-memory-tests")
        let json = directory.path + "/memory.json"
        let run = try perfMemory.run([
            "--spec", "sessionCache", "--inject-leak", "64-bytes", "--iterations", "5000", "--json", json,
            "--snapshot-dir", directory.path + "/snapshots",
        ])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Swift ") == true)
        #expect(lines.contains { $0.hasPrefix("memory/sessionCache[injectLeak=64-bytes]: LEAK") })
        let snapshotLine = try #require(lines.first { $0.hasPrefix("  snapshot: ") })
        let snapshot = String(snapshotLine.dropFirst("  snapshot: ".count))
        #expect(snapshot.hasPrefix(directory.path + "/snapshots/sessionCache-injected-64-bytes-"))
        #expect(FileManager.default.fileExists(atPath: snapshot))
        let command = try #require(lines.first { $0.hasPrefix("  call stacks: heaptrack ") })
        #expect(command.hasSuffix("perf-memory --spec sessionCache --inject-leak 64-bytes --iterations 5000"))

        let report = try Report.read(from: json)
        #expect(report.suite == "memory")
        let result = try #require(report.results.first)
        #expect(report.results.count == 1)
        #expect(result.name == "memory/sessionCache[injectLeak=64-bytes]")
        #expect(result["leakDetected"]?.value == 1)
        #expect(result["heapBytes"]?.samples?.count == 101)
        for key in ["heapGrowthRatio", "heapSlopeBytesPerIter", "liveAllocsSlopePerIter", "peakRssBytes"] {
            #expect(result[key] != nil, "\(key)")
        }
    }
}

/// `perf-memory` in the build folder, run without the developer's `PERF_PROFILE` (every run here is bounded
/// by its iterations).
private let perfMemory = BuiltExecutable("perf-memory", unsetting: ["PERF_PROFILE"])
