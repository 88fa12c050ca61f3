import Testing

@testable import MicroBench

@Suite struct StatisticsTests {
    // Hand-computed for 1, 2, …, 10: mean 5.5; Σ(x − 5.5)² = 82.5, so sd = √(82.5 / 9);
    // quantile position (n − 1) q: p50 at 4.5 → 5.5, p75 at 6.75 → 7.75, p99 at 8.91 → 9.91;
    // |x − 5.5| sorted is 0.5 0.5 1.5 1.5 2.5 2.5 3.5 3.5 4.5 4.5, so the MAD is 2.5.
    let oneToTen = (1...10).map(Double.init)

    @Test func percentilesInterpolateLinearlyBetweenOrderStatistics() {
        let stats = Statistics(oneToTen.shuffled())
        #expect(stats.p50 == 5.5)
        #expect(stats.p75 == 7.75)
        #expect(abs(stats.p99 - 9.91) < 1e-12)
        #expect(stats.min == 1)
        #expect(stats.max == 10)
        #expect(stats.count == 10)
    }

    @Test func meanAndSampleStandardDeviationUseTheNMinusOneDivisor() {
        let stats = Statistics(oneToTen)
        #expect(stats.mean == 5.5)
        #expect(abs(stats.sd - (82.5 / 9).squareRoot()) < 1e-12)
        #expect(abs(stats.sd - 3.0276503540974917) < 1e-12)
    }

    @Test func medianAbsoluteDeviationIsUnscaled() {
        #expect(Statistics(oneToTen).mad == 2.5)
        #expect(Statistics([1, 1, 2, 2, 4, 6, 9]).mad == 1)
    }

    @Test func rmeIsTheStudentTMarginOfTheMeanRelativeToTheMean() {
        let stats = Statistics(oneToTen)
        let sem = 3.0276503540974917 / 10.0.squareRoot()
        #expect(abs(stats.sem - sem) < 1e-12)
        #expect(abs(stats.moe - sem * 2.262157162798205) < 1e-12)
        // √(82.5 / 9) / √10 × 2.262157162798205 / 5.5 × 100
        #expect(abs(stats.rme - 39.37910163033035) < 1e-9)
    }

    @Test func aSingleValueHasNoSpreadAndNoMargin() {
        let stats = Statistics([42])
        #expect(stats.p50 == 42 && stats.p99 == 42 && stats.mean == 42)
        #expect(stats.sd == 0 && stats.mad == 0 && stats.rme == 0)
    }

    @Test func aZeroMeanGivesAZeroRmeInsteadOfInfinity() {
        #expect(Statistics([0, 0, 0]).rme == 0)
    }

    @Test func opsPerSecondIsTheReciprocalOfTheMedian() {
        #expect(Statistics([25, 25, 25]).opsPerSecond == 40_000_000)
        #expect(Statistics([0]).opsPerSecond == 0)
    }

    @Test func tukeyCountsMildAndSevereOutliersOnBothSides() {
        // Sorted: −40 2 3 4 5 6 7 8 15 30. Q1 = 3.25, Q3 = 7.75, IQR = 4.5; mild fences −3.5 and 14.5,
        // severe fences −10.25 and 21.25.
        let outliers = Statistics([30, -40, 2, 3, 4, 5, 6, 7, 8, 15]).outliers
        #expect(outliers == TukeyOutliers(low: 1, high: 2, lowSevere: 1, highSevere: 1))
        #expect(outliers.total == 3)
    }

    @Test func identicalValuesHaveNoOutliers() {
        #expect(Statistics([7, 7, 7, 7]).outliers.total == 0)
    }

    @Test func fullDoublePrecisionIsKept() {
        let stats = Statistics([1.000_000_000_1, 1.000_000_000_3])
        #expect(stats.p50 == (1.000_000_000_1 + 1.000_000_000_3) / 2)
        #expect(stats.mean != 1)
    }
}
