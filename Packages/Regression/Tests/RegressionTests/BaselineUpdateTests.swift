import Foundation
import PerfResult
import PerfSupport
import Regression
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--update-baseline`: the only writer of baselines, atomic, release numbers only.
@Suite struct BaselineUpdateTests {
    @Test func updatingWritesEachSuiteWithItsSamplesAndEnvironment() throws {
        let workspace = try Workspace()
        let micro = try microReport([("a/one", 100), ("a/two", 200)])
        try write(micro, to: workspace.results)
        try write(try report("pools", [Result(name: "pool/acquire", metrics: [.hitRate(0.9)])]), to: workspace.results)
        let output = CheckRun.run(try workspace.options(["--update-baseline"]))
        #expect(output.exitCode == 0)
        #expect(
            output.standardOutput.contains(
                "wrote \(workspace.baselines)/micro.json: 2 results from \(workspace.results)/micro.json"))
        let written = try Report.read(from: workspace.baselines + "/micro.json")
        #expect(written == micro)
        #expect(written.results[0]["nsPerOp"]?.samples == samples(around: 100))
        #expect(written.environment == environment())
        #expect(FileManager.default.fileExists(atPath: workspace.baselines + "/pools.json"))
    }

    @Test func aSuiteFilterUpdatesOnlyThatSuite() throws {
        let workspace = try Workspace()
        try write(try microReport([("a/one", 100)]), to: workspace.results)
        try write(try report("pools", [Result(name: "pool/acquire", metrics: [.hitRate(0.9)])]), to: workspace.results)
        let output = CheckRun.run(try workspace.options(["--update-baseline", "--suite", "pools"]))
        #expect(output.exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: workspace.baselines + "/pools.json"))
        #expect(!FileManager.default.fileExists(atPath: workspace.baselines + "/micro.json"))
    }

    @Test func aSuiteSplitOverFilesBecomesOneBaseline() throws {
        let workspace = try Workspace()
        try write(try microReport([("a/one", 100)]), to: workspace.results, as: "micro-a.json")
        try write(try microReport([("a/two", 100)]), to: workspace.results, as: "micro-b.json")
        #expect(CheckRun.run(try workspace.options(["--update-baseline"])).exitCode == 0)
        let written = try Report.read(from: workspace.baselines + "/micro.json")
        #expect(written.results.map(\.name) == ["a/one", "a/two"])
    }

    @Test func debugResultsAreNeverStoredAsABaseline() throws {
        let workspace = try Workspace()
        try write(try microReport([("a/one", 100)]), to: workspace.baselines)
        let before = try readText(workspace.baselines + "/micro.json")
        try write(try microReport([("a/one", 50)], environment: environment(build: .debug)), to: workspace.results)
        let output = CheckRun.run(try workspace.options(["--update-baseline"]))
        #expect(output.exitCode == 2)
        #expect(
            output.standardError
                == "perf-check: \(workspace.results)/micro.json: the results come from a debug build; baselines hold "
                + "release numbers only. Re-run the suite with -c release (the Makefile's perf targets do), then update "
                + "the baseline\n")
        #expect(try readText(workspace.baselines + "/micro.json") == before)
    }

    @Test func theBaselinesDirectoryIsCreatedWhenMissing() throws {
        let workspace = try Workspace()
        try FileManager.default.removeItem(atPath: workspace.baselines)
        try write(try microReport([("a/one", 100)]), to: workspace.results)
        #expect(CheckRun.run(try workspace.options(["--update-baseline"])).exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: workspace.baselines + "/micro.json"))
    }

    @Test func comparingFlagsDoNotMixWithUpdating() throws {
        #expect(
            throws: UsageError(
                "--markdown does not apply to --update-baseline, which only writes baselines; run them separately")
        ) {
            try CheckOptions.parse(["--update-baseline", "--markdown", "r.md"], environment: [:])
        }
        #expect(throws: UsageError.self) {
            try CheckOptions.parse(["--update-baseline", "--strict"], environment: [:])
        }
        #expect(throws: Never.self) {
            try CheckOptions.parse(["--update-baseline"], environment: ["STRICT_PERF": "1"])
        }
    }

    /// A real failing write: the file-size limit makes write(2) fail with EFBIG part-way through the new
    /// baseline. Runs in a child process so the limit touches nothing else.
    @Test func aFailingWriteLeavesTheOldBaselineIntact() async {
        await #expect(processExitsWith: .success) {
            let workspace = try Workspace()
            let old = try microReport([("a/one", 100)])
            try write(old, to: workspace.baselines)
            let before = try readText(workspace.baselines + "/micro.json")
            // A current report far larger than the limit.
            let names = (0..<200).map { ("big/case\($0)", 100.0 + Double($0)) }
            try write(try microReport(names), to: workspace.results)
            signal(SIGXFSZ, SIG_IGN)
            var limit = rlimit()
            guard getrlimit(fileSizeLimitResource, &limit) == 0 else { exit(3) }
            limit.rlim_cur = 16 * 1024
            guard setrlimit(fileSizeLimitResource, &limit) == 0 else { exit(3) }
            let output = CheckRun.run(try workspace.options(["--update-baseline"]))
            guard output.exitCode == 2,
                output.standardError.hasPrefix(
                    "perf-check: \(workspace.baselines)/micro.json: cannot write: File too large"),
                output.standardError.hasSuffix("; the previous file, if any, is unchanged\n")
            else { exit(4) }
            guard try readText(workspace.baselines + "/micro.json") == before else { exit(5) }
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.baselines)
            guard leftovers == ["micro.json"] else { exit(6) }
            exit(0)
        }
    }
}

/// `RLIMIT_FSIZE` as the `setrlimit` parameter type of this platform.
#if canImport(Glibc)
let fileSizeLimitResource = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
#else
let fileSizeLimitResource = RLIMIT_FSIZE // a plain Int32 on Darwin
#endif
