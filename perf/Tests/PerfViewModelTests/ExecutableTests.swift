import Foundation
import PerfResult
import Testing

/// The `perf-viewmodel` executable, run from the build folder next to the test bundle, with short runs.
/// Outcomes asserted here rest on counts, never on timing.
@Suite struct ExecutableTests {
    @Test func helpExitsZero() throws {
        let run = try PerfViewModelProcess.run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("perf-viewmodel: the view-model churn suite"))
    }

    @Test func anUnknownFlagExitsTwoNamingTheFlag() throws {
        let run = try PerfViewModelProcess.run(["--bogus"])
        #expect(run.status == 2)
        #expect(run.stderr == "perf-viewmodel: unknown flag '--bogus' for perf-viewmodel (see --help)\n")
        #expect(run.stdout.isEmpty)
    }

    @Test func aBadPerfProfileExitsTwo() throws {
        let run = try PerfViewModelProcess.run([], environment: ["PERF_PROFILE": "long"])
        #expect(run.status == 2)
        #expect(run.stderr == "perf-viewmodel: PERF_PROFILE: expected quick or full, got 'long'\n")
    }

    @Test func aShortSuiteRunPrintsTheEnvironmentFirstAndWritesTheReport() throws {
        let directory = NSTemporaryDirectory() + "perf-viewmodel-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let json = directory + "/viewmodel.json"
        let run = try PerfViewModelProcess.run(["--ticks", "100", "--cycles", "100", "--json", json])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Swift ") == true)
        #if DEBUG
        #expect(lines.dropFirst().first?.hasPrefix("WARNING: this is a DEBUG build") == true)
        #endif
        #expect(lines.last == "viewmodel: 8 cases, every check passed")
        let report = try Report.read(from: json)
        #expect(report.suite == "viewmodel")
        #expect(report.results.count == 8)
        let names = Set(report.results.map(\.baseName))
        #expect(names == ["churn/plain", "churn/pooled", "mountUnmount/plain", "mountUnmount/pooled"])
        let pooled = try #require(report.result(named: "churn/pooled[churnPercent=10,model=class,rows=1000]"))
        #expect(pooled["viewModelAllocsPerOp"]?.value == 0)
        #expect(pooled["leakDetected"]?.value == 0)
    }

    @Test func theDemoPrintsPlainLinesWhenNotATerminal() throws {
        let run = try PerfViewModelProcess.run(
            ["demo", "--duration", "0.3", "--rows", "20"], environment: ["NO_COLOR": "1"])
        #expect(run.status == 0)
        #expect(!run.stdout.contains("\u{1B}["))
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Swift ") == true)
        #expect(lines.filter { $0.hasPrefix("frame ") }.count == 3)
        #expect(lines.last?.hasPrefix("demo: 3 frames, ") == true)
        #expect(lines.last?.hasSuffix("live 0") == true)
    }
}

/// A finished run of `perf-viewmodel`.
struct PerfViewModelProcess {
    var status: Int32
    var stdout: String
    var stderr: String

    static var executable: URL {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let bundle = String(decoding: buffer[0..<max(0, length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return URL(fileURLWithPath: bundle).deletingLastPathComponent().appendingPathComponent("perf-viewmodel")
    }

    /// Runs the executable to its end (every run here is bounded by its ticks, cycles or duration).
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> PerfViewModelProcess {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        variables["PERF_PROFILE"] = nil
        variables["NO_COLOR"] = nil
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
        return PerfViewModelProcess(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
