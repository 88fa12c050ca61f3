import Foundation
import PerfResult
import PerfSupport
import Regression
import Testing

/// Re-runs decide whether a regression is real: it must reproduce in each fresh process.
@Suite struct ConfirmationTests {
    let comparer = Comparer(thresholds: .shipped)

    func regressedComparison() throws -> SuiteComparison {
        let baseline = try microReport([("a/slow", 100), ("a/same", 100)])
        let current = try microReport([("a/slow", 150), ("a/same", 100)])
        let comparison = try comparer.compare(
            SuiteInput(
                suite: "micro", current: current, currentPaths: ["results/micro.json"], baseline: baseline,
                baselinePath: "baselines/micro.json"))
        #expect(comparison.rows.map(\.verdict) == [.regression, .insignificant])
        return comparison
    }

    @Test func aRegressionThatReproducesInEveryRerunStands() throws {
        var comparison = try regressedComparison()
        comparer.confirm(&comparison, reruns: [try microReport([("a/slow", 148)]), try microReport([("a/slow", 152)])])
        #expect(comparison.rows[0].verdict == .regression)
        #expect(comparison.rows[0].note == "reproduced in 2 re-runs: +48.0 %, +52.0 %")
        #expect(comparison.count(.regression) == 1)
    }

    @Test func aRegressionThatOneRerunDoesNotReproduceBecomesAWarning() throws {
        var comparison = try regressedComparison()
        comparer.confirm(&comparison, reruns: [try microReport([("a/slow", 149)]), try microReport([("a/slow", 101)])])
        #expect(comparison.rows[0].verdict == .warning)
        #expect(
            comparison.rows[0].verdictText == "! warning (not reproduced in a re-run: +49.0 %, +1.0 %, limit +10 %)")
        #expect(comparison.count(.regression) == 0)
        // The first run's figures stay in the row; only the verdict changes.
        #expect(comparison.rows[0].currentValue == 150)
    }

    @Test func rerunsOfOtherSuitesResultsOrMetricsChangeNothing() throws {
        var comparison = try regressedComparison()
        let otherSuite = try report(
            "pools", [Result(name: "a/slow", metrics: [.nsPerOp(100, samples: samples(around: 100))])])
        let otherResult = try microReport([("a/same", 100)])
        let otherMetric = try report("micro", [Result(name: "a/slow", metrics: [.allocsPerOp(0)])])
        comparer.confirm(&comparison, reruns: [otherSuite, otherResult, otherMetric])
        #expect(comparison.rows.map(\.verdict) == [.regression, .insignificant])
        #expect(comparison.rows[0].note == nil)
    }

    @Test func listRegressionsPrintsEachRegressedResultOnceForAScriptToRerun() throws {
        let workspace = try Workspace()
        let baseline = try report(
            "micro",
            [Result(name: "a/slow[n=1]", metrics: [.nsPerOp(100, samples: samples(around: 100)), .allocsPerOp(1)])])
        let current = try report(
            "micro",
            [Result(name: "a/slow[n=1]", metrics: [.nsPerOp(200, samples: samples(around: 200)), .allocsPerOp(2)])])
        try write(baseline, to: workspace.baselines)
        try write(current, to: workspace.results)
        let output = CheckRun.run(try workspace.options(["--list-regressions", "--strict"]))
        #expect(output.exitCode == 0)
        #expect(output.standardOutput == "micro\ta/slow[n=1]\n")
    }

    @Test func confirmReadsTheRerunsDirectoryAndTheGatePassesWhenNothingReproduces() throws {
        let workspace = try Workspace()
        try write(try microReport([("a/slow", 100)]), to: workspace.baselines)
        try write(try microReport([("a/slow", 150)]), to: workspace.results)
        let reruns = workspace.root + "/confirm"
        try FileManager.default.createDirectory(atPath: reruns, withIntermediateDirectories: true)
        try write(try microReport([("a/slow", 100)]), to: reruns, as: "micro-1.json")
        #expect(CheckRun.run(try workspace.options(["--strict"])).exitCode == 1)
        let output = CheckRun.run(try workspace.options(["--strict", "--confirm", reruns]))
        #expect(output.exitCode == 0)
        #expect(output.standardOutput.contains("! warning (not reproduced in a re-run: 0.0 %, limit +10 %)"))
    }

    @Test func aMissingRerunsDirectoryIsNamedWithExitTwo() throws {
        let workspace = try Workspace()
        try write(try microReport([("a/slow", 100)]), to: workspace.results)
        let output = CheckRun.run(try workspace.options(["--confirm", workspace.root + "/nowhere"]))
        #expect(output.exitCode == 2)
        #expect(
            output.standardError
                == "perf-check: \(workspace.root)/nowhere: no such file (the directory of re-runs given to --confirm); "
                + "check the path\n")
    }

    @Test func confirmingDoesNotMixWithUpdatingBaselines() {
        #expect(
            throws: UsageError(
                "--confirm does not apply to --update-baseline, which only writes baselines; run them separately")
        ) {
            try CheckOptions.parse(["--update-baseline", "--confirm", "x"], environment: [:])
        }
    }
}
