import PerfResult
import Regression
import Testing

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
}
