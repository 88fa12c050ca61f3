import PerfResult
import PerfSupport
import Regression
import Testing

/// The uncertainty a headline figure prints: the distribution-free interval of the median of its samples.
@Suite struct HeadlineIntervalTests {
    /// The headline figure of one new `nsPerOp` result with `samples`.
    func figure(_ samples: [Double]) throws -> HeadlineFigure {
        let value = SortedSample(samples).median
        let current = try report("micro", [Result(name: "a/b", metrics: [.nsPerOp(value, samples: samples)])])
        let input = SuiteInput(
            suite: "micro", current: current, currentPaths: ["results/micro.json"], baseline: nil,
            baselinePath: "baselines/micro.json")
        return try #require(try Comparer(thresholds: .shipped).compare(input).headlineFigures.first)
    }

    /// The narrowest order statistics covering the median with ≥ 95 %, and that coverage, computed once with
    /// SciPy 1.17.1: for each n, the largest k with `1 - 2 * scipy.stats.binom.cdf(k - 1, n, 0.5) >= 0.95`
    /// (k = 1 when none reaches it), printed as n, k, n - k + 1 and the coverage.
    static let reference: [(n: Int, lower: Int, upper: Int, coverage: Double)] = [
        (2, 1, 2, 0.5), (5, 1, 5, 0.9375), (6, 1, 6, 0.96875), (10, 2, 9, 0.978515625),
        (20, 6, 15, 0.9586105346679688), (31, 10, 22, 0.9705506265163422), (100, 40, 61, 0.9647997997822951),
        (1000, 469, 532, 0.9537088026395019),
    ]

    @Test(arguments: reference)
    func theIntervalIsTheNarrowestPairOfOrderStatisticsThatCoversTheMedian(
        reference: (n: Int, lower: Int, upper: Int, coverage: Double)
    ) throws {
        // The values 1 … n in reverse, so that the k-th smallest is k and the input order does not matter.
        let interval = try #require(try figure((1...reference.n).reversed().map(Double.init)).interval)
        #expect(interval.lower == Double(reference.lower))
        #expect(interval.upper == Double(reference.upper))
        #expect(abs(interval.coverage - reference.coverage) < 1e-12)
    }

    @Test func aSingleSampleHasNoInterval() throws {
        let single = try figure([3])
        #expect(single.interval == nil)
        #expect(single.text() == "3 ns")
    }

    @Test func thePlusMinusIsTheLargerDistanceRelativeToTheFigure() throws {
        // Six samples: the interval is [minimum, maximum] = [90, 130] around the median 100.
        #expect(try figure([90, 95, 100, 100, 110, 130]).text() == "100 ns ±30.0 %")
        #expect(try figure([70, 90, 100, 100, 105, 110]).text() == "100 ns ±30.0 %")
        // A figure of 0 has no relative spread.
        #expect(try figure([0, 0, 0, 0, 0, 1]).text() == "0 ns")
    }
}
