import SuiteTestSupport
import Testing

/// The `perf-pools` executable, run from the build folder next to the test bundle, for what happens
/// before anything is measured: help, the list, and bad usage (exit 2, nothing on standard output).
@Suite struct ExecutableTests {
    @Test func helpExitsZero() throws {
        let run = try perfPools.run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Usage: perf-pools [options]\n"))
        #expect(run.stdout.contains("The pools suite: Pooling's Pool and BufferPool against plain allocation"))
        #expect(run.stderr.isEmpty)
    }

    @Test func listPrintsTheCasesAndBarsAndExitsZero() throws {
        let run = try perfPools.run(["--list", "--filter", "object"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Cases (result names):")
        #expect(lines[1].hasPrefix("  case          measures"))
        #expect(lines[2].hasPrefix("  object/alloc  "))
        #expect(lines[3].hasPrefix("  object/pool   "))
        #expect(lines[4] == "Bars and references (metric on the first case):")
        #expect(lines.contains("  object/pool ÷ object/alloc: poolToAllocRatio, ≤ 0.50×"))
    }

    @Test func anUnknownFlagExitsTwoNamingTheFlag() throws {
        let run = try perfPools.run(["--quick", "--bogus"])
        #expect(run.status == 2)
        #expect(run.stderr == "perf-pools: unknown option --bogus; see perf-pools --help\n")
        #expect(run.stdout.isEmpty)
    }

    @Test func aBadPerfProfileExitsTwo() throws {
        let run = try perfPools.run(["--list"], environment: ["PERF_PROFILE": "long"])
        #expect(run.status == 2)
        #expect(run.stderr == "perf-pools: PERF_PROFILE: \"long\" is not quick or full\n")
    }

    @Test func aFilterThatMatchesNothingExitsTwo() throws {
        let run = try perfPools.run(["--filter", "tiny"])
        #expect(run.status == 2)
        #expect(run.stderr == "perf-pools: --filter 'tiny' matches no case (see --list)\n")
        #expect(run.stdout.isEmpty)
    }

    @Test func aJSONPathInAMissingDirectoryExitsTwoBeforeMeasuring() throws {
        let run = try perfPools.run(["--json", "/nonexistent-perf-pools/pools.json"])
        #expect(run.status == 2)
        #expect(
            run.stderr
                == "perf-pools: --json /nonexistent-perf-pools/pools.json: cannot write in /nonexistent-perf-pools: "
                + "No such file or directory\n")
        #expect(run.stdout.isEmpty)
    }
}

/// `perf-pools` in the build folder, run without the developer's `PERF_PROFILE` (every run here stops before
/// measuring anything).
private let perfPools = BuiltExecutable("perf-pools", unsetting: ["PERF_PROFILE"])
