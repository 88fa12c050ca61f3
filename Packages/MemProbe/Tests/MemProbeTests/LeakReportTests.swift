import MemProbe
import PerfResult
import PerfSupport
import Testing

@Suite struct LeakReportTests {
    let defaults = LeakCheck.Configuration()

    @Test func flatSeriesIsNoLeak() throws {
        let report = LeakReport(samples: SyntheticSeries.samples(live: { _ in 5000 }), configuration: defaults)
        #expect(report.verdict == .noLeak)
        #expect(report.decidingSignal == .liveAllocations)
        #expect(report.warmupSampleCount == 20)
        let analysis = try #require(report.decidingAnalysis)
        #expect(analysis.fit.slope == 0)
        #expect(!analysis.fitsSteadily)
        #expect(!analysis.exceedsFloor)
    }

    @Test func noisyFlatSeriesIsNoLeak() {
        var noise = SplitMix64(seed: 1)
        for _ in 0..<20 {
            let samples = SyntheticSeries.samples(live: { _ in 5000 + noise.next(amplitude: 300) })
            #expect(LeakReport(samples: samples, configuration: defaults).verdict == .noLeak)
        }
    }

    @Test func sawtoothThatGrowsThenFreesIsNoLeak() {
        for period in [3000, 5000, 7000, 11_000] {
            let samples = SyntheticSeries.samples(live: { 5000 + Double($0 % period) })
            let report = LeakReport(samples: samples, configuration: defaults)
            #expect(report.verdict == .noLeak, "period \(period): \(report.summary)")
        }
    }

    @Test func cacheThatFillsAndStopsIsNoLeak() throws {
        let samples = SyntheticSeries.samples(live: {
            SyntheticSeries.exponentialFill($0, base: 5000, capacity: 20_000, scale: 8000)
        })
        let report = LeakReport(samples: samples, configuration: defaults)
        #expect(report.verdict == .noLeak, "\(report.summary)")
        let analysis = try #require(report.decidingAnalysis)
        #expect(!analysis.stillGrowing)
        #expect(analysis.lastThirdSlope < 0.5 * analysis.firstThirdSlope)
    }

    @Test func linearLeakIsALeakWithItsNumbers() throws {
        var noise = SplitMix64(seed: 2)
        let samples = SyntheticSeries.samples(live: { 5000 + Double($0) + noise.next(amplitude: 50) })
        let report = LeakReport(samples: samples, configuration: defaults)
        #expect(report.verdict == .leak)
        let analysis = try #require(report.decidingAnalysis)
        #expect(abs(analysis.fit.slope - 1) < 0.01)
        #expect(analysis.fit.rSquared > 0.99)
        #expect(analysis.span == 40_000)
        #expect(analysis.fitsSteadily && analysis.exceedsFloor && analysis.stillGrowing)
        #expect(analysis.exceedsRateFloor)
        #expect(analysis.slopeLowerBound > 0.99 && analysis.slopeLowerBound < analysis.fit.slope)
        #expect(report.summary.hasPrefix("LEAK (live allocations): +1.0"))
        #expect(report.summary.contains("(rate floor 0.010 ✓), growth ratio"))
    }

    @Test func oneStepUpIsNoLeakBecauseTheLastThirdIsFlat() throws {
        let samples = SyntheticSeries.samples(live: { $0 < 25_000 ? 5000 : 15_000 })
        let report = LeakReport(samples: samples, configuration: defaults)
        #expect(report.verdict == .noLeak)
        let analysis = try #require(report.decidingAnalysis)
        #expect(analysis.fitsSteadily && analysis.exceedsFloor && analysis.exceedsRateFloor)
        #expect(!analysis.stillGrowing)
    }

    @Test func growthBelowTheAbsoluteFloorIsNoLeak() throws {
        let samples = SyntheticSeries.samples(live: { 5000 + Double($0) * 0.005 })
        let report = LeakReport(samples: samples, configuration: defaults)
        #expect(report.verdict == .noLeak)
        let analysis = try #require(report.decidingAnalysis)
        #expect(analysis.fitsSteadily)
        #expect(!analysis.exceedsFloor)
    }

    @Test func heapBytesDecideWhenThereIsNoCounter() throws {
        var noise = SplitMix64(seed: 3)
        let samples = SyntheticSeries.samples(
            live: nil, heap: { 2_000_000 + 112 * Double($0) + noise.next(amplitude: 50_000) })
        let report = LeakReport(samples: samples, configuration: defaults)
        #expect(report.verdict == .leak)
        #expect(report.decidingSignal == .heapBytes)
        #expect(report.analysis(of: .liveAllocations) == nil)
    }

    @Test func heapSignalCanBeChosenForLeaksThatGrowOneBuffer() {
        let samples = SyntheticSeries.samples(live: { _ in 5000 }, heap: { 2_000_000 + 64 * Double($0) })
        #expect(LeakReport(samples: samples, configuration: defaults).verdict == .noLeak)
        var heapOnly = defaults
        heapOnly.signal = .heapBytes
        let report = LeakReport(samples: samples, configuration: heapOnly)
        #expect(report.verdict == .leak)
        #expect(report.decidingSignal == .heapBytes)
    }

    @Test func residentBytesAloneNeverDecide() {
        let samples = SyntheticSeries.samples(live: nil, heap: nil)
        let report = LeakReport(samples: samples, configuration: defaults)
        #expect(
            report.verdict
                == .inconclusive(
                    reason: "no live allocations or heap bytes in the samples: link MemProbe's allocation counter "
                        + "(Linux, glibc) or run where mallinfo2 exists; RSS alone never decides"))
        #expect(report.analysis(of: .residentBytes) != nil)
        #expect(report.summary.hasPrefix("INCONCLUSIVE: no live allocations or heap bytes"))
    }

    @Test func chosenSignalThatIsMissingIsInconclusive() {
        var liveOnly = defaults
        liveOnly.signal = .liveAllocations
        let report = LeakReport(samples: SyntheticSeries.samples(live: nil, heap: { _ in 1 }), configuration: liveOnly)
        #expect(
            report.verdict
                == .inconclusive(
                    reason: "no live allocations in the samples: link MemProbe's allocation counter "
                        + "(Linux, glibc) or run where mallinfo2 exists; RSS alone never decides"))
    }

    @Test func tooFewSamplesAreInconclusive() {
        let samples = Array(SyntheticSeries.samples(live: { Double($0) }).prefix(7))
        #expect(LeakReport(samples: samples, configuration: defaults).verdict == .leak) // 6 after warmup: enough
        let fewer = LeakReport(samples: Array(samples.prefix(5)), configuration: defaults)
        #expect(
            fewer.verdict
                == .inconclusive(
                    reason:
                        "only 4 samples after dropping 1 as warmup; a verdict needs 6: run longer or sample more often"
                ))
        #expect(fewer.metrics.map(\.key) == ["peakRssBytes"])
    }

    @Test func warmupFractionDecidesHowManySamplesAreDropped() {
        var configuration = defaults
        configuration.warmupFraction = 0.5
        let report = LeakReport(samples: SyntheticSeries.samples(live: { _ in 1 }), configuration: configuration)
        #expect(report.warmupSampleCount == 50)
        #expect(report.decidingAnalysis?.span == 25_000)
    }

    @Test func metricsCarryTheSharedKeysAndTheVerdict() throws {
        let samples = SyntheticSeries.samples(live: { 5000 + Double($0) }, heap: { 1_000_000 + 100 * Double($0) })
        let report = LeakReport(samples: samples, configuration: defaults)
        let metrics = report.metrics
        #expect(
            metrics.map(\.key)
                == [
                    "liveAllocsSlopePerIter", "heapSlopeBytesPerIter", "heapGrowthRatio", "peakRssBytes",
                    "leakDetected",
                ])
        let result = try Result(name: "memory/linearLeak", metrics: metrics)
        #expect(abs((result["liveAllocsSlopePerIter"]?.value ?? 0) - 1) < 1e-9)
        #expect(abs((result["heapSlopeBytesPerIter"]?.value ?? 0) - 100) < 1e-6)
        #expect(abs((result["heapGrowthRatio"]?.value ?? 0) - 4_000_000.0 / 2_000_000) < 1e-9)
        #expect(result["peakRssBytes"]?.value == 21_000_000)
        #expect(result["leakDetected"]?.value == 1)
        #expect(result["leakDetected"]?.better == .lower)
    }

    @Test func samplesOutOfOrderTrap() async {
        await #expect(processExitsWith: .failure) {
            let samples = [
                LeakSample(iteration: 10, memory: MemorySample()), LeakSample(iteration: 5, memory: MemorySample()),
            ]
            _ = LeakReport(samples: samples, configuration: LeakCheck.Configuration())
        }
    }
}
