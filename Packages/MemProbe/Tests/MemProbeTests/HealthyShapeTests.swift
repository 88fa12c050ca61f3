import MemProbe
import PerfSupport
import Testing

/// Workloads that grow for a while and then stop, or churn without a trend, are never flagged, whether the
/// process holds 5,000 live allocations or 5,000,000.
@Suite struct HealthyShapeTests {
    let defaults = LeakCheck.Configuration()

    static let baselines: [Double] = [5_000, 5_000_000]

    private func report(_ live: @escaping (Int) -> Double) -> LeakReport {
        LeakReport(samples: SyntheticSeries.samples(live: live), configuration: defaults)
    }

    @Test(arguments: baselines)
    func aCacheThatFillsLateAndThenPlateausIsNoLeak(baseline: Double) throws {
        // Flat for half the run, then 20,000 entries that are mostly in by iteration 40,000.
        let report = report {
            SyntheticSeries.lateFill($0, base: baseline, capacity: 20_000, start: 25_000, scale: 5000)
        }
        #expect(report.verdict == .noLeak, "\(report.summary)")
        let analysis = try #require(report.decidingAnalysis)
        #expect(analysis.fitsSteadily && analysis.exceedsFloor && analysis.exceedsRateFloor)
        // The last third still creeps up faster than the flat first third, but far slower than the whole fit.
        #expect(analysis.lastThirdSlope > analysis.firstThirdSlope)
        #expect(analysis.lastThirdSlope < 0.5 * analysis.fit.slope)
        #expect(!analysis.stillGrowing)
    }

    @Test(arguments: baselines)
    func aCacheThatFillsLinearlyLateAndStopsIsNoLeak(baseline: Double) {
        for (start, end) in [(15_000, 40_000), (20_000, 38_000)] {
            let report = report { baseline + Double(min(max($0 - start, 0), end - start)) }
            #expect(report.verdict == .noLeak, "fill \(start)–\(end): \(report.summary)")
        }
    }

    @Test(arguments: baselines)
    func aCacheThatFillsEarlyIsNoLeak(baseline: Double) {
        let report = report { SyntheticSeries.exponentialFill($0, base: baseline, capacity: 20_000, scale: 8000) }
        #expect(report.verdict == .noLeak, "\(report.summary)")
    }

    @Test(arguments: baselines)
    func sawtoothChurnIsNoLeak(baseline: Double) {
        for period in [3000, 3700, 5000, 7000, 11_000, 20_000] {
            let report = report { baseline + Double($0 % period) }
            #expect(report.verdict == .noLeak, "period \(period): \(report.summary)")
        }
    }

    @Test(arguments: baselines)
    func interningThatPlateausIsNoLeak(baseline: Double) {
        for vocabulary in [4000, 8000, 12_000, 16_000] {
            let report = report(SyntheticSeries.interning(vocabulary: vocabulary, base: baseline, seed: 3))
            #expect(report.verdict == .noLeak, "vocabulary \(vocabulary): \(report.summary)")
        }
    }

    @Test(arguments: baselines)
    func aPoolThatWarmsUpThenChurnsIsNoLeak(baseline: Double) {
        var noise = SplitMix64(seed: 5)
        let report = report {
            SyntheticSeries.exponentialFill($0, base: baseline, capacity: 600, scale: 3000) + noise.next(amplitude: 40)
        }
        #expect(report.verdict == .noLeak, "\(report.summary)")
    }

    @Test(arguments: baselines)
    func aNoisyFlatSeriesIsNoLeak(baseline: Double) {
        var noise = SplitMix64(seed: 1)
        for _ in 0..<20 {
            let report = report { _ in baseline + noise.next(amplitude: 300) }
            #expect(report.verdict == .noLeak, "\(report.summary)")
        }
    }
}
