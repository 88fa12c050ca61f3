import Foundation
import PerfResult
import Regression
import Testing

// README: test-only imports: Foundation (the temporary working directory)

/// The Swift example of README.md, kept identical to it by Scripts/check-readme-examples.py (`make lint`).
@Suite struct ReadmeExampleTests {
    @Test func theExampleFlagsATwentyPercentSlowdownAsARegression() {
        // README: begin regression-compare
        // .shipped: the rules of perf/regression/thresholds.json; Thresholds.read(from:) reads such a file.
        let comparer = Comparer(thresholds: .shipped)
        let row = comparer.compare(
            baseline: .nsPerOp(41.5, samples: [41.2, 41.5, 41.9, 41.3, 41.6]),
            current: .nsPerOp(49.8, samples: [49.6, 49.8, 50.1, 49.7, 50.0]),
            suite: "micro", result: "stringOps/concat[size=16]")
        print(row.verdictText) // ✗ REGRESSION (limit +10 %)   or ✓ ok, ✓ improved, ~, ! warning (…), · report only
        print(row.changeCell, row.pCell) // +20.0 % 0.0079: medians' change, Mann–Whitney U p-value
        // Whole runs: CheckRun.run(options) returns the text and the exit status; CheckRun.check(options) a
        // CheckOutcome whose suites hold these rows, with summaryCounts, geomean, geomeanInterval, headlineFigures.
        // README: end regression-compare

        #expect(row.verdict == .regression)
        #expect(row.verdictText == "✗ REGRESSION (limit +10 %)")
        #expect(row.changeCell == "+20.0 %")
        #expect(row.pCell == "0.0079")
    }

    @Test func theTrendExampleFindsTheStepInTheHistoryAndTheSeries() async {
        // The example reads perf-history under the working directory: in a child process, whose working directory
        // can be a fresh one holding a link to the fixture history, without moving any other test's.
        await #expect(processExitsWith: .success) {
            let directory = try makeTemporaryDirectory()
            try FileManager.default.createSymbolicLink(
                atPath: directory + "/perf-history", withDestinationPath: fixturesDirectory + "/history")
            try #require(FileManager.default.changeCurrentDirectoryPath(directory))

            // README: begin regression-trend
            let history = try PerformanceHistory.read(from: "perf-history") // RegressionError names the path at fault
            let outcome = TrendOutcome.analyze(history) // options: ChangePointOptions (Otava's defaults), thresholds
            print(outcome.textReport()) // markdownReport(), htmlSection(), htmlReport() alike

            let values: [Double] = [41.4, 41.6, 41.5, 41.3, 41.7, 41.5, 50.1, 50.3, 50.2, 50.0, 50.4, 50.2]
            let detector = ChangePointDetector(options: try ChangePointOptions(windowLength: 30, maxPValue: 0.01))
            let points = detector.changePoints(in: values) // [ChangePoint]: index 6, means, p-value, relative change
            // README: end regression-trend

            #expect(outcome.changeRows().contains { $0.change.commit == "2588748" && $0.change.isRegression })
            #expect(points.map(\.index) == [6])
        }
    }
}
