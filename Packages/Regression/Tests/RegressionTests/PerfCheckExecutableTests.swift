import Foundation
import Testing

/// The built `perf-check` binary: the exit status a CI step sees.
@Suite struct PerfCheckExecutableTests {
    /// `perf-check` next to this test bundle (the test target depends on it, so SwiftPM builds it).
    func executable() throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent("perf-check")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "perf-check next to \(candidates)"])
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        variables.removeValue(forKey: "STRICT_PERF")
        variables.removeValue(forKey: "GITHUB_STEP_SUMMARY")
        process.environment = variables.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    var fixtureArguments: [String] {
        let doubled = fixturesDirectory + "/double-regression"
        return [
            "--results", doubled + "/results", "--baselines", doubled + "/baselines", "--thresholds",
            repositoryRoot + "/perf/regression/thresholds.json",
        ]
    }

    @Test func theDoubledFixtureMakesPerfCheckStrictExitOne() throws {
        let (status, output) = try run(fixtureArguments + ["--strict"])
        #expect(status == 1, "\(output)")
        #expect(output.hasPrefix("perf-check · Swift "))
        #expect(output.contains("FAILED: 3 regressions"))
    }

    @Test func strictPerfInTheEnvironmentFailsTheGateToo() throws {
        #expect(try run(fixtureArguments, environment: ["STRICT_PERF": "1"]).status == 1)
        #expect(try run(fixtureArguments).status == 0)
    }

    @Test func listRegressionsPrintsOnlyTheListForAScript() throws {
        let (status, output) = try run(fixtureArguments + ["--list-regressions"])
        #expect(status == 0)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("micro\t") }, "\(output)")
        #expect(lines.count > 1)
    }

    @Test func badUsageExitsTwo() throws {
        let (status, output) = try run(["--no-such-flag"])
        #expect(status == 2)
        #expect(output == "perf-check: unknown argument \"--no-such-flag\"; see perf-check --help\n")
    }
}
