import MemProbe
import PerfSupport
import Testing

/// One allocation kept per iteration is a leak whatever the process already holds: the verdict must not
/// depend on the live allocations at the start (issue #16).
@Suite struct LeakUnderLargeLiveSetTests {
    let defaults = LeakCheck.Configuration()

    static let baselines: [Double] = [0, 10_000, 500_000, 5_000_000]

    @Test(arguments: baselines)
    func oneAllocationKeptPerIterationIsALeakWhateverTheProcessHolds(baseline: Double) throws {
        let report = LeakReport(
            samples: SyntheticSeries.samples(live: { baseline + Double($0) }), configuration: defaults)
        #expect(report.verdict == .leak, "baseline \(baseline): \(report.summary)")
        let analysis = try #require(report.decidingAnalysis)
        #expect(abs(analysis.fit.slope - 1) < 1e-9)
        #expect(analysis.fit.rSquared > 0.999_999)
        #expect(analysis.fitsSteadily && analysis.exceedsFloor && analysis.stillGrowing && analysis.exceedsRateFloor)
    }

    @Test(arguments: [500_000.0, 5_000_000])
    func aLeakSmallNextToTheLiveSetIsCaughtThoughItsGrowthRatioIsTiny(baseline: Double) throws {
        let report = LeakReport(
            samples: SyntheticSeries.samples(live: { baseline + Double($0) }), configuration: defaults)
        #expect(report.isLeak)
        let analysis = try #require(report.decidingAnalysis)
        #expect(analysis.growthRatio < 0.1) // the 20 % growth-ratio rule called this healthy
        #expect(!analysis.exceedsGrowthThreshold)
        #expect(report.summary.contains("growth ratio \(NumberText.fixed(analysis.growthRatio, decimals: 3)) (shown)"))
    }

    @Test(arguments: baselines)
    func aNoisyLeakIsALeakWhateverTheProcessHolds(baseline: Double) {
        var noise = SplitMix64(seed: 7)
        let samples = SyntheticSeries.samples(live: { baseline + Double($0) + noise.next(amplitude: 300) })
        let report = LeakReport(samples: samples, configuration: defaults)
        #expect(report.verdict == .leak, "baseline \(baseline): \(report.summary)")
    }

    @Test func aLeakUnderSawtoothChurnOnALargeLiveSetIsALeak() {
        let samples = SyntheticSeries.samples(live: { 5_000_000 + Double($0) + Double($0 % 3700) })
        let report = LeakReport(samples: samples, configuration: defaults)
        #expect(report.verdict == .leak, "\(report.summary)")
    }

    @Test func everyCheckReadsTheSameNumbersOnTopOfZeroAndOfFiveMillion() throws {
        var noise = SplitMix64(seed: 11)
        let shape = (0...100).map { _ in noise.next(amplitude: 300) }
        func analysis(_ baseline: Double) throws -> SignalAnalysis {
            let samples = SyntheticSeries.samples(live: { baseline + Double($0) + shape[$0 / 500] })
            return try #require(LeakReport(samples: samples, configuration: defaults).decidingAnalysis)
        }
        let small = try analysis(0)
        let large = try analysis(5_000_000)
        #expect(abs(small.fit.slope - large.fit.slope) < 1e-9)
        #expect(abs(small.fit.rSquared - large.fit.rSquared) < 1e-9)
        #expect(abs(small.slopeLowerBound - large.slopeLowerBound) < 1e-9)
        #expect(abs(small.lastThirdSlope - large.lastThirdSlope) < 1e-9)
        #expect(abs(small.growth - large.growth) < 1e-6)
        #expect(small.indicatesLeak == large.indicatesLeak)
    }
}
