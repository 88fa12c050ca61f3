import PerfSupport
import Testing

/// Quantiles, median and MAD against NumPy 2.4, computed once and pasted here.
@Suite struct SortedSampleTests {
    static let ten = [3.1, 0.4, 15.9, 2.6, 5.3, 5.8, 9.7, 9.3, 2.3, 8.4]
    static let seven = [-2.5, 1e-3, 7, 7, 42.125, 1e6, -300]
    static let levels = [0, 0.01, 0.25, 0.5, 0.75, 0.9, 0.99, 1]

    @Test func quantilesMatchNumPysDefaultMethodToTheLastBit() {
        // np.quantile(ten, [0, 0.01, 0.25, 0.5, 0.75, 0.9, 0.99, 1]) (method="linear", the default)
        let tenExpected = [0.4, 0.571, 2.725, 5.55, 9.075000000000001, 10.319999999999997, 15.342, 15.9]
        // np.quantile(seven, [0, 0.01, 0.25, 0.5, 0.75, 0.9, 0.99, 1])
        let sevenExpected = [-300.0, -282.15, -1.2495, 7.0, 24.5625, 400025.2750000004, 940002.5274999995, 1e6]
        // np.quantile([2.0, 1.0], [0, 0.01, 0.25, 0.5, 0.75, 0.9, 0.99, 1])
        let twoExpected = [1.0, 1.01, 1.25, 1.5, 1.75, 1.9, 1.99, 2.0]
        #expect(Self.levels.map(SortedSample(Self.ten).quantile) == tenExpected)
        #expect(Self.levels.map(SortedSample(Self.seven).quantile) == sevenExpected)
        #expect(Self.levels.map(SortedSample([2.0, 1.0]).quantile) == twoExpected)
    }

    @Test func aSingleValueIsEveryQuantile() {
        let sample = SortedSample([4.2])
        #expect(Self.levels.allSatisfy { sample.quantile($0) == 4.2 })
        #expect(sample.median == 4.2)
        #expect(sample.medianAbsoluteDeviation == 0)
    }

    @Test func theMedianIsTheMiddleValueOrTheMeanOfTheMiddleTwo() {
        #expect(SortedSample([5, 1, 3]).median == 3)
        #expect(SortedSample([4, 1, 3, 2]).median == 2.5)
        // np.quantile(ten, 0.5)
        #expect(SortedSample(Self.ten).median == 5.55)
    }

    @Test func theMADIsTheMedianDistanceFromTheMedian() {
        // np.quantile(np.abs(x - np.quantile(x, 0.5)), 0.5), equal here to
        // np.median(np.abs(x - np.median(x))) and scipy.stats.median_abs_deviation(x)
        #expect(SortedSample(Self.ten).medianAbsoluteDeviation == 3.0999999999999996)
        #expect(SortedSample(Self.seven).medianAbsoluteDeviation == 9.5)
        #expect(SortedSample(Self.seven).scaledMedianAbsoluteDeviation == 9.5 * 1.4826)
    }

    @Test func minimumAndMaximumAreTheEnds() {
        let sample = SortedSample(Self.seven)
        #expect(sample.minimum == -300)
        #expect(sample.maximum == 1e6)
        #expect(sample.count == 7)
        #expect(sample.values == Self.seven.sorted())
    }

    @Test func valuesAlreadySortedAreTakenAsTheyAre() {
        #expect(SortedSample(ascending: [1, 2, 2, 5]).quantile(0.5) == 2)
    }

    @Test func unsortedValuesPassedAsSortedAreProgrammerMisuse() async {
        await #expect(processExitsWith: .failure) {
            _ = SortedSample(ascending: [2, 1])
        }
    }

    @Test func aLevelOutsideZeroToOneIsProgrammerMisuse() async {
        await #expect(processExitsWith: .failure) {
            _ = SortedSample([1, 2, 3]).quantile(50)
        }
    }

    @Test func aQuantileOfNoValuesIsProgrammerMisuse() async {
        await #expect(processExitsWith: .failure) {
            _ = SortedSample([]).median
        }
    }

    @Test func aValueThatIsNaNHasNoRankAndIsProgrammerMisuse() async {
        await #expect(processExitsWith: .failure) {
            _ = SortedSample([1, .nan])
        }
    }
}

@Suite struct MomentsTests {
    @Test func meanAndSampleStandardDeviationMatchNumPy() {
        let ten = Moments(SortedSampleTests.ten)
        // np.mean(ten), np.std(ten, ddof=1)
        #expect(abs(ten.mean - 6.279999999999999) <= 1e-15 * 6.28)
        #expect(abs(ten.standardDeviation - 4.632206097890435) <= 1e-14 * 4.63)
        let seven = Moments(SortedSampleTests.seven)
        // np.mean(seven), np.std(seven, ddof=1)
        #expect(abs(seven.mean - 142821.9465714286) <= 1e-14 * 142821.95)
        #expect(abs(seven.standardDeviation - 377980.0111385084) <= 1e-14 * 377980.01)
        #expect(ten.count == 10 && ten.minimum == 0.4 && ten.maximum == 15.9)
    }

    @Test func valuesWithALargeMeanKeepTheirVariance() {
        // np.var([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16], ddof=1) is 30.0; the textbook sum of squares loses it.
        let moments = Moments([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16])
        #expect(moments.variance == 30)
        #expect(moments.mean == 1e9 + 10)
    }

    @Test func fewerThanTwoValuesHaveNoSpread() {
        #expect(Moments().variance == 0)
        #expect(Moments().mean == 0)
        #expect(Moments([7]).standardDeviation == 0)
        #expect(Moments([7]).standardError == 0)
        #expect(Moments([7]).mean == 7)
    }

    @Test func valuesAddedOneByOneGiveTheSameMomentsAsASequence() {
        var moments = Moments()
        for value in SortedSampleTests.ten { moments.add(value) }
        #expect(moments == Moments(SortedSampleTests.ten))
        #expect(moments.standardError == moments.standardDeviation / 10.0.squareRoot())
    }
}

@Suite struct MedianIntervalTests {
    /// 1 - 2 * scipy.stats.binom.cdf(k - 1, n, 0.5) for the largest k that keeps it at or above the level.
    @Test(arguments: [
        (20, 0.95, 6, 0.9586105346679688),
        (50, 0.99, 16, 0.9933995520331891),
        (100, 0.95, 40, 0.9647997997822951),
        (1000, 0.95, 469, 0.9537088026395019),
        (2000, 0.95, 956, 0.9534471795082164),
        (6, 0.95, 1, 0.96875),
        (7, 0.95, 1, 0.984375),
    ])
    func theNarrowestPairReachingTheLevelMatchesTheBinomial(n: Int, level: Double, rank: Int, coverage: Double) {
        let sample = SortedSample((1...n).map(Double.init))
        let interval = sample.medianInterval(level: level)
        #expect(interval.lowerRank == rank)
        #expect(interval.upperRank == n + 1 - rank)
        #expect(interval.lower == Double(rank))
        #expect(interval.upper == Double(n + 1 - rank))
        #expect(abs(interval.coverage - coverage) <= 1e-12)
        #expect(interval.reachesLevel)
        #expect(interval.level == level)
    }

    /// 1 - 2 * scipy.stats.binom.cdf(0, n, 0.5): what [minimum, maximum] covers.
    @Test(arguments: [(1, 0.0), (2, 0.5), (3, 0.75), (4, 0.875), (5, 0.9375)])
    func belowSixValuesTheWholeRangeFallsShortOf95Percent(n: Int, coverage: Double) {
        let sample = SortedSample((1...n).map { Double($0) * 10 })
        let interval = sample.medianInterval()
        #expect(interval.lowerRank == 1 && interval.upperRank == n)
        #expect(interval.lower == 10 && interval.upper == Double(n) * 10)
        #expect(abs(interval.coverage - coverage) <= 1e-15)
        #expect(!interval.reachesLevel)
    }

    @Test func theBoundsAreOrderStatisticsOfTheSortedValues() {
        let interval = SortedSample(SortedSampleTests.ten).medianInterval(level: 0.9)
        // 1 - 2 * binom.cdf(1, 10, 0.5) = 0.978515625 ≥ 0.9 > 1 - 2 * binom.cdf(2, 10, 0.5) = 0.890625
        #expect(interval.lowerRank == 2 && interval.upperRank == 9)
        #expect(interval.lower == 2.3 && interval.upper == 9.7)
        #expect(abs(interval.coverage - 0.978515625) <= 1e-15)
    }

    @Test func aLevelOutsideZeroToOneIsProgrammerMisuse() async {
        await #expect(processExitsWith: .failure) {
            _ = SortedSample([1, 2, 3]).medianInterval(level: 95)
        }
    }
}
