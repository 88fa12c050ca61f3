import Foundation
import PerfResult
import PerfSupport
import Regression

/// A fresh directory under the system's temporary directory, unique per test.
func makeTemporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "regression-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// The committed fixtures of this test target.
let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Fixtures"

/// The repository root (four levels above this file).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

func environment(
    build: Environment.BuildConfiguration = .release, cpu: String? = "Test CPU @ 3.00GHz", cores: Int? = 2,
    swift: String? = "6.3.1", perfEnv: String? = "ci", architecture: String? = "x86_64", profile: String? = "quick"
) -> Environment {
    Environment(
        swiftVersion: swift, buildConfiguration: build, os: "Debian GNU/Linux 12 (bookworm)", kernel: "Linux 6.1.0",
        architecture: architecture, cpuModel: cpu, logicalCores: cores, memoryBytes: 8_589_934_592,
        timestamp: "2026-11-22T13:57:47Z", perfEnv: perfEnv, profile: profile)
}

/// Samples around `centre` with a fixed ±`spread` pattern (deterministic, no ties).
func samples(around centre: Double, count: Int = 10, spread: Double = 0.02) -> [Double] {
    (0..<count).map { index in
        let offset = (Double(index) - Double(count - 1) / 2) / Double(count)
        return centre * (1 + spread * offset * 2)
    }
}

func report(_ suite: String, _ results: [Result], environment: Environment = environment()) throws -> Report {
    try Report(suite: suite, environment: environment, results: results)
}

/// Writes `report` into `directory/name`, creating the directory.
func write(_ report: Report, to directory: String, as name: String? = nil) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try report.write(to: directory + "/" + (name ?? "\(report.suite).json"))
}

func writeText(_ text: String, to path: String) throws {
    try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

func readText(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
}

/// A results directory and a baselines directory under one temporary root.
struct Workspace {
    let root: String
    var results: String { root + "/results" }
    var baselines: String { root + "/baselines" }

    init() throws {
        root = try makeTemporaryDirectory()
        try FileManager.default.createDirectory(atPath: root + "/results", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/baselines", withIntermediateDirectories: true)
    }

    func options(_ arguments: [String] = [], environment: [String: String] = [:]) throws -> CheckOptions {
        var options = try CheckOptions.parse(arguments, environment: environment)
        options.resultsDirectory = results
        options.baselinesDirectory = baselines
        if options.thresholdsPath == nil {
            options.thresholdsPath = repositoryRoot + "/perf/regression/thresholds.json"
        }
        return options
    }
}

/// A micro report with one nsPerOp-only result per (name, centre) pair, samples included.
func microReport(_ entries: [(String, Double)], environment: Environment = environment()) throws -> Report {
    try report(
        "micro", entries.map { try Result(name: $0.0, metrics: [.nsPerOp($0.1, samples: samples(around: $0.1))]) },
        environment: environment)
}

/// `perf-check` next to this test bundle (the test target depends on it, so SwiftPM builds it).
func perfCheckExecutable() throws -> URL {
    let candidates = [
        URL(fileURLWithPath: try ExecutablePath.directory()),
        Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
    ]
    for directory in candidates {
        let url = directory.appendingPathComponent("perf-check")
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "perf-check next to \(candidates)"])
}

/// Runs the built `perf-check` with `arguments` and the test's environment without `STRICT_PERF` and
/// `GITHUB_STEP_SUMMARY`, plus `environment`; what it wrote to standard output, then to standard error.
func runPerfCheck(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String)
{
    var variables = ProcessEnvironment.current()
    variables.removeValue(forKey: "STRICT_PERF")
    variables.removeValue(forKey: "GITHUB_STEP_SUMMARY")
    return try runProgram(try perfCheckExecutable().path, arguments, environment: variables.merging(environment) { $1 })
}

/// Runs `executable` with `arguments` and exactly `environment` to its end, at most two minutes: its exit status
/// (-1 when a signal or the time limit ended it) and what it wrote to standard output, then to standard error.
func runProgram(_ executable: String, _ arguments: [String], environment: [String: String]) throws
    -> (status: Int32, output: String)
{
    let outcome = try ChildProcess(executable, arguments, environment: environment).run(timeout: .seconds(120))
    let output = outcome.standardOutputText + outcome.standardErrorText
    guard case let .exited(status) = outcome.termination else { return (-1, "\(outcome.termination)\n\(output)") }
    return (status, output)
}
