import Foundation
import Testing

/// The `perf-pools` executable, run from the build folder next to the test bundle, for what happens
/// before anything is measured: help, the list, and bad usage (exit 2, nothing on standard output).
@Suite struct ExecutableTests {
    @Test func helpExitsZero() throws {
        let run = try PerfPoolsProcess.run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("perf-pools: the pools suite."))
        #expect(run.stderr.isEmpty)
    }

    @Test func listPrintsTheCasesAndBarsAndExitsZero() throws {
        let run = try PerfPoolsProcess.run(["--list", "--filter", "object"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Cases (result names):")
        #expect(lines[1].hasPrefix("  object/alloc  "))
        #expect(lines[2].hasPrefix("  object/pool   "))
        #expect(lines[3] == "Bars and references (metric on the first case):")
        #expect(lines.contains("  object/pool ÷ object/alloc: poolToAllocRatio, ≤ 0.50×"))
    }

    @Test func anUnknownFlagExitsTwoNamingTheFlag() throws {
        let run = try PerfPoolsProcess.run(["--quick", "--bogus"])
        #expect(run.status == 2)
        #expect(run.stderr == "perf-pools: unknown flag '--bogus' (see --help)\n")
        #expect(run.stdout.isEmpty)
    }

    @Test func aBadPerfProfileExitsTwo() throws {
        let run = try PerfPoolsProcess.run(["--list"], environment: ["PERF_PROFILE": "long"])
        #expect(run.status == 2)
        #expect(run.stderr == "perf-pools: PERF_PROFILE: expected quick or full, got 'long'\n")
    }

    @Test func aFilterThatMatchesNothingExitsTwo() throws {
        let run = try PerfPoolsProcess.run(["--filter", "tiny"])
        #expect(run.status == 2)
        #expect(run.stderr == "perf-pools: --filter 'tiny' matches no case (see --list)\n")
        #expect(run.stdout.isEmpty)
    }

    @Test func aJSONPathInAMissingDirectoryExitsTwoBeforeMeasuring() throws {
        let run = try PerfPoolsProcess.run(["--json", "/nonexistent-perf-pools/pools.json"])
        #expect(run.status == 2)
        #expect(
            run.stderr
                == "perf-pools: --json /nonexistent-perf-pools/pools.json: cannot write in /nonexistent-perf-pools: "
                + "No such file or directory\n")
        #expect(run.stdout.isEmpty)
    }
}

/// One finished run of the executable.
struct PerfPoolsProcess {
    var status: Int32
    var stdout: String
    var stderr: String

    static var executable: URL {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let bundle = String(decoding: buffer[0..<max(0, length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return URL(fileURLWithPath: bundle).deletingLastPathComponent().appendingPathComponent("perf-pools")
    }

    /// Runs the executable to its end; every run here stops before measuring anything.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> PerfPoolsProcess {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        variables["PERF_PROFILE"] = nil
        variables.merge(environment) { $1 }
        process.environment = variables
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return PerfPoolsProcess(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
