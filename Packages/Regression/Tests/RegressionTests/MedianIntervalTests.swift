import Regression
import Testing

/// The distribution-free interval of the median that the headline figures print.
@Suite struct MedianIntervalTests {
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
        let values = (1...reference.n).reversed().map(Double.init)
        let interval = try #require(MedianInterval.of(values))
        #expect(interval.lower == Double(reference.lower))
        #expect(interval.upper == Double(reference.upper))
        #expect(abs(interval.coverage - reference.coverage) < 1e-12)
    }

    @Test func fewerThanTwoValuesHaveNoInterval() {
        #expect(MedianInterval.of([]) == nil)
        #expect(MedianInterval.of([3]) == nil)
    }

    @Test func theHalfWidthIsTheLargerDistanceRelativeToTheCentre() throws {
        let interval = MedianInterval(lower: 90, upper: 130, coverage: 0.96)
        #expect(interval.halfWidth(relativeTo: 100) == 0.3)
        #expect(interval.halfWidth(relativeTo: 0) == nil)
    }
}
