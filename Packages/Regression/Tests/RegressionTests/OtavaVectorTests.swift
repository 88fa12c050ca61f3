import Testing

@testable import Regression

/// The change-point detector against the expectations of Apache Otava's own tests: same series, same
/// parameters, same indexes. The Python calls are quoted from apache/otava's `tests/` directory.
@Suite struct OtavaVectorTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        var maxPValue: Double
        var minMagnitude: Double
        var indexes: [Int]
        var testDescription: String { "max_pvalue=\(maxPValue), min_magnitude=\(minMagnitude)" }
    }

    /// `tests/tigerbeetle_test.py`: `compute_change_points(series, window_len=30, max_pvalue=P,
    /// min_magnitude=M)`, one entry per test function there.
    static let tigerbeetle: [Vector] = [
        // test_tb_old_defaults
        Vector(maxPValue: 0.01, minMagnitude: 0.05, indexes: [15, 71]),
        // test_tb_old_defaults_p05
        Vector(maxPValue: 0.05, minMagnitude: 0.05, indexes: [15, 71]),
        // test_tb_old_defaults_p1
        Vector(maxPValue: 0.1, minMagnitude: 0.05, indexes: [10, 11, 15, 71, 363]),
        // test_tb_old_defaults_p2
        Vector(maxPValue: 0.2, minMagnitude: 0.05, indexes: [10, 11, 15, 71]),
        // test_tb_small_threshold_p1
        Vector(
            maxPValue: 0.1, minMagnitude: 0.01,
            indexes: [
                10, 11, 15, 28, 29, 35, 37, 48, 49, 61, 71, 95, 117, 131, 142, 148, 165, 169, 192, 206, 212, 260, 265,
                268, 278, 282, 363,
            ]),
        // test_tb_magnitude0_p2
        Vector(
            maxPValue: 0.2, minMagnitude: 0,
            indexes: [
                3, 6, 7, 10, 11, 13, 15, 16, 28, 29, 35, 37, 39, 41, 44, 48, 49, 56, 58, 61, 65, 66, 69, 71, 74, 76, 82,
                95, 108, 117, 125, 126, 129, 131, 136, 137, 142, 148, 165, 169, 187, 190, 192, 197, 200, 212, 220, 241,
                243, 246, 247, 249, 250, 260, 265, 266, 268, 278, 282, 288, 305, 306, 325, 330, 337, 338, 340, 347,
                349, 363,
            ]),
        // test_tb_magnitude0_p1
        Vector(
            maxPValue: 0.1, minMagnitude: 0,
            indexes: [
                3, 6, 10, 11, 15, 16, 28, 29, 35, 37, 39, 41, 44, 48, 49, 61, 71, 95, 117, 131, 142, 148, 165, 169, 192,
                206, 212, 260, 265, 268, 278, 282, 288, 305, 363,
            ]),
        // test_tb_magnitude0_p01
        Vector(
            maxPValue: 0.01, minMagnitude: 0,
            indexes: [15, 26, 61, 71, 95, 117, 131, 142, 148, 165, 169, 192, 212, 260]),
        // test_tb_magnitude0_p001
        Vector(maxPValue: 0.001, minMagnitude: 0, indexes: [15, 61, 71, 95, 117, 131, 142, 148, 192, 212, 260]),
        // test_tb_magnitude0_p0001
        Vector(maxPValue: 0.0001, minMagnitude: 0, indexes: [71, 95, 117, 131, 142, 148, 192, 212]),
        // test_tb_magnitude0_p00001
        Vector(maxPValue: 0.00001, minMagnitude: 0, indexes: [71, 95, 131, 192, 212]),
    ]

    @Test(arguments: tigerbeetle) func tigerBeetleChangePointsAreOtavas(_ vector: Vector) throws {
        let options = try ChangePointOptions(
            windowLength: 30, maxPValue: vector.maxPValue, minMagnitude: vector.minMagnitude)
        let points = ChangePointDetector(options: options).changePoints(in: OtavaFixtures.tigerbeetle)
        #expect(points.map(\.index) == vector.indexes)
    }

    /// The statistics of `test_tb_old_defaults`'s two change points, from the same computation in Python
    /// (NumPy 2.4, SciPy 1.17.1). Means and deviations are summed in NumPy's order, so they agree to the
    /// last bit; the p-value comes from another Student-t implementation and agrees to 10⁻⁹.
    @Test func tigerBeetleStatisticsAreOtavas() throws {
        let options = try ChangePointOptions(windowLength: 30, maxPValue: 0.01, minMagnitude: 0.05)
        let points = ChangePointDetector(options: options).changePoints(in: OtavaFixtures.tigerbeetle)
        try #require(points.count == 2)
        #expect(points[0].meanBefore == 26000.666666666668)
        #expect(points[0].meanAfter == 23593.18181818182)
        #expect(points[0].standardDeviationBefore == 2764.4129615927905)
        #expect(points[0].standardDeviationAfter == 104.26174944194163)
        #expect(points[0].tStatistic == 2.8710253167968043)
        #expect(points[0].degreesOfFreedom == 24)
        #expect(abs(points[0].pValue - 0.00841316563982941) <= 1e-9 * 0.00841316563982941)
        #expect(points[1].meanBefore == 23828.76785714286)
        #expect(points[1].meanAfter == 28431.75)
        #expect(points[1].standardDeviationBefore == 353.5404094438058)
        #expect(points[1].standardDeviationAfter == 179.4719685633386)
        #expect(points[1].tStatistic == -60.38052480966051)
        #expect(points[1].degreesOfFreedom == 78)
        #expect(abs(points[1].pValue - 3.03506560423744e-67) <= 1e-9 * 3.03506560423744e-67)
    }

    /// `test_single_series` of `tests/analysis_test.py`, including its incremental runs.
    ///
    /// Otava's test passes a data value (0.47, 0.27) where `new_data` expects the number of appended
    /// points; `Series.append` passes the count. With a count of 1 the search starts where it starts with
    /// those values (index 0, then 4 and 4), so the expectations are the same.
    @Test func singleSeriesChangePointsAreOtavas() throws {
        let series = OtavaFixtures.singleSeries
        // compute_change_points(series, window_len=10, max_pvalue=0.0001)
        let first = ChangePointDetector(options: try ChangePointOptions(windowLength: 10, maxPValue: 0.0001))
            .analyze(series)
        #expect(first.changePoints.map(\.index) == [10])

        // compute_change_points(series, max_pvalue=0.0001, new_data=0.47, old_weak_cp=cps)
        let second = ChangePointDetector(options: try ChangePointOptions(maxPValue: 0.0001))
            .analyze(series, appendedCount: 1, previousWeakChangePoints: first.changePoints)
        #expect(second.changePoints.map(\.index) == [10])

        // compute_change_points(series + [...], max_pvalue=0.0001, new_data=0.27, old_weak_cp=cps, window_len=5)
        let longer = series + OtavaFixtures.singleSeriesTail
        let narrow = ChangePointDetector(options: try ChangePointOptions(windowLength: 5, maxPValue: 0.0001))
        let third = narrow.analyze(longer, appendedCount: 1, previousWeakChangePoints: second.changePoints)
        #expect(third.changePoints.map(\.index) == [10, 23])

        // cps = [cps[0]]; cps[0].index = 2; then the same call
        var moved = third.changePoints[0]
        moved.index = 2
        let fourth = narrow.analyze(longer, appendedCount: 1, previousWeakChangePoints: [moved])
        #expect(fourth.changePoints.map(\.index) == [10, 23])
    }

    /// `test_ttest` of `tests/change_point_divisive_test.py`: E-Divisive over the whole sequence (no
    /// windows) with `TTestSignificanceTester(max_pvalue=0.01)` finds [5, 8].
    @Test func divisiveSequenceChangePointsAreOtavas() {
        let points = ChangePointDetector.divide(window: OtavaFixtures.divisiveSequence, maxPValue: 0.01)
        #expect(points.map(\.index) == [5, 8])
    }

    /// `test_significance_tester` of `tests/analysis_test.py`: the t test of a candidate at 5 over the
    /// whole series.
    @Test func significanceTestsAreOtavas() {
        let flat = [1.00, 1.02, 1.05, 0.95, 0.98, 1.00, 1.02, 1.05, 0.95, 0.98]
        let same = ChangePointTTest.changePoint(at: 5, in: flat, intervals: [0..<10])
        #expect(same.pValue > 0.99 && same.pValue < 1.01)
        let stepped = [1.00, 1.02, 1.05, 0.95, 0.98, 0.80, 0.82, 0.85, 0.79, 0.77]
        let step = ChangePointTTest.changePoint(at: 5, in: stepped, intervals: [0..<10])
        #expect(step.pValue > 0 && step.pValue < 0.001)
    }

    /// `test_calculator_candidate` of `tests/change_point_divisive_test.py`: the candidate and its statistic
    /// agree with the energy statistic evaluated directly from its definition.
    @Test(arguments: [
        OtavaFixtures.divisiveSequence, Array(OtavaFixtures.tigerbeetle[0..<30]),
        Array(OtavaFixtures.tigerbeetle[60..<90]), [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5],
    ])
    func candidateMaximizesTheEnergyStatistic(_ series: [Double]) {
        let candidate = EDivisiveCalculator(series: series).candidate(in: 0..<series.count)
        let direct = directCandidate(series)
        #expect(candidate.index == direct.index)
        #expect(abs(candidate.qhat - direct.qhat) <= 1e-9 * max(1, abs(direct.qhat)))
    }

    @Test func aCandidateInALaterIntervalIsFoundThere() {
        let series = OtavaFixtures.divisiveSequence
        let candidate = EDivisiveCalculator(series: series).candidate(in: 5..<14)
        let direct = directCandidate(Array(series[5..<14]))
        #expect(candidate.index == direct.index + 5)
        #expect(abs(candidate.qhat - direct.qhat) <= 1e-9 * max(1, abs(direct.qhat)))
    }

    /// Where the energy statistic peaks twice with the same value, the first split wins, as `np.argmax`
    /// picks it: in `[1, 3, 2, 0, 2]` Q is 2 at τ = 1 and at τ = 3 (found with Otava's calculator).
    @Test func equalStatisticsGoToTheEarliestSplit() {
        let candidate = EDivisiveCalculator(series: [1, 3, 2, 0, 2]).candidate(in: 0..<5)
        #expect(candidate.index == 1)
        #expect(candidate.qhat == 2)
    }

    /// Sums, means and deviations in NumPy's order, where summing left to right would differ in the last
    /// bits: `np.sum(x)`, `np.mean(x)`, `np.std(x)` with NumPy 2.4 (left to right: 23380.723000000005 and a
    /// deviation of 2966.255078835164).
    @Test func statisticsAreSummedInNumPysOrder() {
        let x: ArraySlice<Double> = [
            9008.359, 8572.956, 0.303, 57.281, 6.623, 58.268, 0.001, 0.639, 879.792, 330.15, 6.942, 4405.225, 54.125,
            0.008, 0.003, 0.048,
        ]
        #expect(PairwiseSum.sum(x) == 23380.722999999998)
        #expect(PairwiseSum.mean(x) == 1461.2951874999999)
        #expect(PairwiseSum.populationStandardDeviation(x) == 2966.2550788351637)
    }

    /// `compute_Q_and_candidate_slow` of Otava's test: Q(τ, κ) from its definition, the first strict
    /// maximum over τ then κ.
    private func directCandidate(_ x: [Double]) -> (index: Int, qhat: Double) {
        var best = (index: 0, qhat: 0.0)
        for tau in 1..<x.count {
            for kappa in (tau + 1)...x.count {
                let left = x[0..<tau]
                let right = x[tau..<kappa]
                let n = Double(left.count)
                let m = Double(right.count)
                var between = 0.0
                for a in left { for b in right { between += abs(a - b) } }
                var within1 = 0.0
                for i in left.indices { for k in left.indices where k > i { within1 += abs(x[i] - x[k]) } }
                var within2 = 0.0
                for j in right.indices { for k in right.indices where k > j { within2 += abs(x[j] - x[k]) } }
                let q =
                    2 / (m + n) * between - (n > 1 ? 2 * m / (m + n) / (n - 1) * within1 : 0)
                    - (m > 1 ? 2 * n / (m + n) / (m - 1) * within2 : 0)
                if q > best.qhat { best = (tau, q) }
            }
        }
        return best
    }
}
