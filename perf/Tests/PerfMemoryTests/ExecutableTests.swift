import Foundation
import PerfResult
import Testing

/// The `perf-memory` executable, run from the build folder next to the test bundle. The leak verdicts
/// asserted here rest on exact allocation counts (one leaked block per iteration), never on timing.
@Suite struct ExecutableTests {
    @Test func helpExitsZero() throws {
        let run = try PerfMemoryProcess.run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("perf-memory: leak checks"))
    }

    @Test func listExitsZeroWithoutRunningAnything() throws {
        let run = try PerfMemoryProcess.run(["--list"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Specs (result memory/<name>):"))
    }

    @Test func anUnknownFlagExitsTwoNamingTheFlag() throws {
        let run = try PerfMemoryProcess.run(["--bogus"])
        #expect(run.status == 2)
        #expect(run.stderr == "perf-memory: unknown flag '--bogus' (see --help)\n")
        #expect(run.stdout.isEmpty)
    }

    @Test func anUnknownSpecExitsTwo() throws {
        let run = try PerfMemoryProcess.run(["--spec", "nothing"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("perf-memory: --spec 'nothing' matches no spec"))
    }

    @Test func aBadPerfProfileExitsTwo() throws {
        let run = try PerfMemoryProcess.run(["--list"], environment: ["PERF_PROFILE": "long"])
        #expect(run.status == 2)
        #expect(run.stderr == "perf-memory: PERF_PROFILE: expected quick or full, got 'long'\n")
    }

    @Test func anInjectedLeakExitsOneWithASnapshotAndTheReport() throws {
        let directory = try TemporaryDirectory()
        let json = directory.path + "/memory.json"
        let run = try PerfMemoryProcess.run([
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

/// A finished run of `perf-memory`.
struct PerfMemoryProcess {
    var status: Int32
    var stdout: String
    var stderr: String

    static var executable: URL {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let bundle = String(decoding: buffer[0..<max(0, length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return URL(fileURLWithPath: bundle).deletingLastPathComponent().appendingPathComponent("perf-memory")
    }

    /// Runs the executable to its end (every run here is bounded by its iterations).
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> PerfMemoryProcess {
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
        return PerfMemoryProcess(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A fresh directory under the system's temporary directory, removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "perf-memory-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
