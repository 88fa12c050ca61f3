import PerfResult
import Regression
import Testing

/// Limits a benchmark declares on its own metrics, applied on top of the thresholds file.
@Suite struct DeclaredLimitsTests {
    let comparer = Comparer(thresholds: .shipped)

    func input(current: Report, baseline: Report?) -> SuiteInput {
        SuiteInput(
            suite: current.suite, current: current, currentPaths: ["results/\(current.suite).json"], baseline: baseline,
            baselinePath: "baselines/\(current.suite).json")
    }

    func result(_ name: String, _ metrics: [Metric], limits: [String: Limit]) throws -> Result {
        var result = try Result(name: name, metrics: metrics)
        result.limits = limits
        return result
    }

    @Test func anAbsoluteLimitFailsAResultTheBaselineDoesNotHaveYet() throws {
        let current = try report(
            "micro", [result("parse/line", [.allocsPerOp(1), .retainsPerOp(2)], limits: ["allocsPerOp": .exactly(0)])])
        let comparison = try comparer.compare(input(current: current, baseline: nil))
        let row = try #require(comparison.rows.first { $0.metric == "allocsPerOp" })
        #expect(row.verdict == .regression)
        #expect(row.note == "breaks its declared = 0")
        #expect(comparison.rows.first { $0.metric == "retainsPerOp" }?.verdict == .new)
    }

    @Test func anAbsoluteLimitFailsEvenWhenTheBaselineWasAsBad() throws {
        let baseline = try report("micro", [Result(name: "parse/line", metrics: [.retainsPerOp(3)])])
        let current = try report(
            "micro", [result("parse/line", [.retainsPerOp(3)], limits: ["retainsPerOp": .atMost(2)])])
        let comparison = try comparer.compare(input(current: current, baseline: baseline))
        #expect(comparison.rows.map(\.verdict) == [.regression])
        #expect(comparison.rows[0].note == "exact, breaks its declared ≤ 2")
    }

    @Test func aKeptLimitChangesNothing() throws {
        let baseline = try report("micro", [Result(name: "parse/line", metrics: [.retainsPerOp(2)])])
        let current = try report(
            "micro", [result("parse/line", [.retainsPerOp(2)], limits: ["retainsPerOp": .atMost(2)])])
        let comparison = try comparer.compare(input(current: current, baseline: baseline))
        #expect(comparison.rows.map(\.verdict) == [.unchanged])
    }

    @Test func aRelativeLimitTightensTheThresholdsFile() throws {
        // The shipped threshold for nsPerOp allows +10 %; a declared +5 % makes +8 % a regression.
        let baseline = try report(
            "micro", [Result(name: "parse/line", metrics: [.nsPerOp(100, samples: samples(around: 100))])])
        let slower = [Metric.nsPerOp(108, samples: samples(around: 108))]
        let plain = try report("micro", [Result(name: "parse/line", metrics: slower)])
        let declared = try report(
            "micro", [result("parse/line", slower, limits: ["nsPerOp": .relative(percent: 5)])])
        #expect(try comparer.compare(input(current: plain, baseline: baseline)).rows[0].verdict == .unchanged)
        let row = try comparer.compare(input(current: declared, baseline: baseline)).rows[0]
        #expect(row.verdict == .regression)
        #expect(row.limit == 0.05)
        #expect(row.note?.contains("declared +5 %") == true)
    }

    @Test func aLooserRelativeLimitDoesNotLoosenTheFile() throws {
        let baseline = try report(
            "micro", [Result(name: "parse/line", metrics: [.nsPerOp(100, samples: samples(around: 100))])])
        let slower = [Metric.nsPerOp(120, samples: samples(around: 120))]
        let declared = try report("micro", [result("parse/line", slower, limits: ["nsPerOp": .relative(percent: 50)])])
        let row = try comparer.compare(input(current: declared, baseline: baseline)).rows[0]
        #expect(row.verdict == .regression)
        #expect(row.limit == 0.10)
    }

    @Test func aBrokenLimitInADebugBuildIsAWarning() throws {
        let current = try report(
            "micro", [result("parse/line", [.allocsPerOp(1)], limits: ["allocsPerOp": .exactly(0)])],
            environment: environment(build: .debug))
        let comparison = try comparer.compare(input(current: current, baseline: nil))
        #expect(comparison.rows.map(\.verdict) == [.warning])
        #expect(comparison.rows[0].note == "breaks its declared = 0, debug build")
    }

    @Test func aLimitOnAMetricTheResultDoesNotReportIsAWarningRow() throws {
        let current = try report(
            "micro", [result("parse/line", [.nsPerOp(10)], limits: ["retainsPerOp": .atMost(2)])])
        let comparison = try comparer.compare(input(current: current, baseline: nil))
        let row = try #require(comparison.rows.last)
        #expect(row.metric == "retainsPerOp")
        #expect(row.verdict == .warning)
        #expect(row.note == "declared ≤ 2, but the result has no retainsPerOp")
    }
}
