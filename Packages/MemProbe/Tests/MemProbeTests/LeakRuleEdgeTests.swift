import MemProbe
import PerfSupport
import Testing

/// The leak rule at its edges: the fewest samples, series that never move, growth slower than the rate
/// floor, and resident bytes, which keep the growth ratio.
@Suite struct LeakRuleEdgeTests {
    let defaults = LeakCheck.Configuration()

    @Test(arguments: [0.0, 5_000_000])
    func theShortestSeriesWithAnExactLeakIsALeak(baseline: Double) {
        let samples = Array(SyntheticSeries.samples(live: { baseline + Double($0) }).prefix(7)) // 6 after warmup
        #expect(LeakReport(samples: samples, configuration: defaults).verdict == .leak)
    }

    @Test func shortNoisyFlatSeriesAreNeverALeak() {
        var noise = SplitMix64(seed: 21)
        var flagged = 0
        for _ in 0..<500 {
            let samples = Array(
                SyntheticSeries.samples(live: { _ in 5_000_000 + noise.next(amplitude: 300) }).prefix(8))
            if LeakReport(samples: samples, configuration: defaults).isLeak { flagged += 1 }
        }
        #expect(flagged == 0)
    }

    @Test(arguments: [0.0, 5000, 5_000_000])
    func aConstantSeriesIsNoLeak(baseline: Double) throws {
        let report = LeakReport(samples: SyntheticSeries.samples(live: { _ in baseline }), configuration: defaults)
        #expect(report.verdict == .noLeak)
        let analysis = try #require(report.decidingAnalysis)
        #expect(analysis.fit.slope == 0)
        #expect(analysis.fit.slopeStandardError == 0)
        #expect(analysis.slopeLowerBound == 0)
        #expect(!analysis.exceedsRateFloor && !analysis.stillGrowing && !analysis.exceedsFloor)
    }

    @Test func aSteadyDriftSlowerThanTheRateFloorIsNoLeak() throws {
        // One allocation per 200 iterations over 400,000 analysed iterations: 2,000 allocations, past the
        // 256 floor, steady and still growing, but under 0.01 per iteration.
        let samples = SyntheticSeries.samples(live: { 5_000_000 + Double($0) * 0.005 }, every: 5000)
        let report = LeakReport(samples: samples, configuration: defaults)
        #expect(report.verdict == .noLeak, "\(report.summary)")
        let analysis = try #require(report.decidingAnalysis)
        #expect(analysis.fitsSteadily && analysis.exceedsFloor && analysis.stillGrowing)
        #expect(!analysis.exceedsRateFloor)
        var lower = defaults
        lower.liveAllocationsRateFloor = 0.001
        #expect(LeakReport(samples: samples, configuration: lower).verdict == .leak)
    }

    @Test func residentBytesKeepTheGrowthRatio() throws {
        // RSS creeping by 10 B per iteration: 400 KB over the run, 2 % of 20 MB.
        let samples = SyntheticSeries.samples(live: { _ in 5000 }, resident: { 20_000_000 + 10 * Double($0) })
        let report = LeakReport(samples: samples, configuration: defaults)
        let resident = try #require(report.analysis(of: .residentBytes))
        #expect(resident.judgesGrowthRatio)
        #expect(resident.exceedsRateFloor && resident.stillGrowing && resident.exceedsFloor)
        #expect(!resident.exceedsGrowthThreshold)
        #expect(!resident.indicatesLeak)
        let live = try #require(report.analysis(of: .liveAllocations))
        #expect(!live.judgesGrowthRatio)
    }
}
