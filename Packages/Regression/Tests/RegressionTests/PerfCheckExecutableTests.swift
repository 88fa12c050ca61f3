import Foundation
import PerfResult
import Testing

/// The built `perf-check` binary: the exit status a CI step sees.
@Suite struct PerfCheckExecutableTests {
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        try runPerfCheck(arguments, environment: environment)
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

    @Test func anExtraAllocationFailsAgainstABaselineFromAnotherMachineWhileSlowerTimingOnlyWarns() throws {
        let workspace = try Workspace()
        let otherMachine = environment(cpu: "Baseline CPU @ 2.00GHz", cores: 8, perfEnv: "local", profile: "full")
        let baseline = try report(
            "micro",
            [
                Result(name: "a/slower", metrics: [.nsPerOp(100, samples: samples(around: 100)), .allocsPerOp(1)]),
                Result(name: "a/allocates", metrics: [.nsPerOp(50, samples: samples(around: 50)), .allocsPerOp(0)]),
            ], environment: otherMachine)
        let current = try report(
            "micro",
            [
                Result(name: "a/slower", metrics: [.nsPerOp(300, samples: samples(around: 300)), .allocsPerOp(1)]),
                Result(name: "a/allocates", metrics: [.nsPerOp(50, samples: samples(around: 50)), .allocsPerOp(1)]),
            ])
        try write(baseline, to: workspace.baselines)
        try write(current, to: workspace.results)
        let arguments = [
            "--results", workspace.results, "--baselines", workspace.baselines, "--thresholds",
            repositoryRoot + "/perf/regression/thresholds.json", "--strict",
        ]
        let (status, output) = try run(arguments)
        #expect(status == 1, "\(output)")
        #expect(output.contains("FAILED: 1 regression (strict mode"))
        #expect(
            output.contains(
                "micro  a/allocates  allocsPerOp  count         0        1    from 0           ✗ REGRESSION (limit exact)"
            ))
        #expect(
            output.contains(
                "! warning (CPU model, core count, PERF_ENV differ, profile full → quick, limit +10 %)"))
        #expect(output.contains("timing report-only: CPU model, core count, PERF_ENV differ, profile full → quick"))
        let (refused, message) = try run(arguments + ["--require-same-env"])
        #expect(refused == 2)
        #expect(message.contains("--require-same-env was given"))
    }

    @Test func helpExitsZeroWithTheUsageOfEveryForm() throws {
        let (status, output) = try run(["--help"])
        #expect(status == 0)
        #expect(
            output.hasPrefix(
                "Usage: perf-check [options]\n       perf-check ab --base REV [--suite NAME]... [options]\n"
                    + "       perf-check trend --history DIR [options]\n       perf-check coverage RUN.json... [options]\n"
            ))
        #expect(output.contains("Exit status: 0 no regression"))
    }

    @Test func badUsageExitsTwo() throws {
        let (status, output) = try run(["--no-such-flag"])
        #expect(status == 2)
        #expect(output == "perf-check: unknown option --no-such-flag; see perf-check --help\n")
    }
}
