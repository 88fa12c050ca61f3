import PerfResult
import Regression
import Testing

/// The verdict rules, metric by metric, on synthetic data.
@Suite struct ComparerTests {
    let comparer = Comparer(thresholds: .shipped)

    func judge(_ baseline: Metric, _ current: Metric, suite: String = "bench", reportOnly: String? = nil)
        -> MetricComparison
    {
        comparer.compare(
            baseline: baseline, current: current, suite: suite, result: "group/case", reportOnlyReason: reportOnly)
    }

    // MARK: Directions, with the significance test

    @Test func aSlowerTimeBeyondTheThresholdWithSignificanceIsARegression() throws {
        let row = judge(.nsPerOp(100, samples: samples(around: 100)), .nsPerOp(120, samples: samples(around: 120)))
        #expect(row.verdict == .regression)
        #expect(try #require(row.pValue) < 0.05)
        #expect(row.change.map { ($0 * 1000).rounded() } == 200)
        #expect(row.verdictText == "✗ REGRESSION (limit +10 %)")
    }

    @Test func aFasterTimeBeyondTheThresholdIsAnImprovement() {
        let row = judge(.nsPerOp(100, samples: samples(around: 100)), .nsPerOp(80, samples: samples(around: 80)))
        #expect(row.verdict == .improved)
        #expect(row.verdictText == "✓ improved")
    }

    @Test func lowerThroughputIsWorseBecauseTheDirectionSaysHigherIsBetter() {
        let row = judge(
            .opsPerSec(1000, samples: samples(around: 1000)), .opsPerSec(800, samples: samples(around: 800)))
        #expect(row.verdict == .regression)
        #expect(row.verdictText == "✗ REGRESSION (limit -10 %)")
        let better = judge(
            .opsPerSec(1000, samples: samples(around: 1000)), .opsPerSec(1200, samples: samples(around: 1200)))
        #expect(better.verdict == .improved)
    }

    @Test func theDirectionComesFromTheDataNotTheKey() throws {
        // A suite's own key whose unit is a time but is declared higher-is-better.
        let old = try Metric(
            key: "headroomMs", value: 10, unit: .milliseconds, better: .higher,
            samples: samples(around: 10))
        let new = try Metric(
            key: "headroomMs", value: 12, unit: .milliseconds, better: .higher,
            samples: samples(around: 12))
        #expect(judge(old, new).verdict == .improved)
        #expect(judge(new, old).verdict == .regression)
    }

    @Test func aSignificantChangeWithinTheThresholdIsUnchanged() throws {
        let row = judge(.nsPerOp(100, samples: samples(around: 100)), .nsPerOp(105, samples: samples(around: 105)))
        #expect(try #require(row.pValue) < 0.05)
        #expect(row.verdict == .unchanged)
        #expect(row.verdictText == "✓ ok")
    }

    @Test func aLargeChangeThatIsNotSignificantIsATilde() throws {
        // Medians +30 %, but the samples overlap so much that the U test cannot tell them apart.
        let row = judge(
            .nsPerOp(300, samples: [100, 200, 300, 400, 500]), .nsPerOp(390, samples: [130, 260, 390, 520, 650]))
        #expect(try #require(row.pValue) >= 0.05)
        #expect(row.verdict == .insignificant)
        #expect(row.verdictText == "~")
        #expect(row.changeCell == "+30.0 %")
    }

    @Test func theMediansOfTheSamplesAreComparedNotTheValues() {
        // Values claim +50 %; the samples say +20 %.
        let row = judge(.nsPerOp(100, samples: samples(around: 100)), .nsPerOp(150, samples: samples(around: 120)))
        #expect(row.baselineValue.map { ($0 * 1e6).rounded() } == 100_000_000)
        #expect(row.currentValue.map { ($0 * 1e6).rounded() } == 120_000_000)
    }

    // MARK: Exactly at the threshold

    @Test func exactlyAtTheThresholdIsNotARegression() throws {
        let base = samples(around: 41.5)
        let row = judge(.nsPerOp(41.5, samples: base), .nsPerOp(41.5 * 1.1, samples: base.map { $0 * 1.1 }))
        #expect(try #require(row.pValue) < 0.05)
        #expect(row.verdict == .unchanged)
        let beyond = judge(.nsPerOp(41.5, samples: base), .nsPerOp(41.5 * 1.1, samples: base.map { $0 * 1.1001 }))
        #expect(beyond.verdict == .regression)
    }

    @Test func exactlyAtTheThresholdForThroughputIsNotARegression() {
        let base = samples(around: 1000)
        let row = judge(.opsPerSec(1000, samples: base), .opsPerSec(900, samples: base.map { $0 * 0.9 }))
        #expect(row.verdict == .unchanged)
        let beyond = judge(.opsPerSec(1000, samples: base), .opsPerSec(899, samples: base.map { $0 * 0.899 }))
        #expect(beyond.verdict == .regression)
    }

    // MARK: Low confidence

    @Test func withFewerThanFiveSamplesTheThresholdTimesOnePointFiveDecides() {
        let few = [100.0, 101, 99, 100]
        #expect(judge(.nsPerOp(100, samples: few), .nsPerOp(109, samples: few.map { $0 * 1.09 })).verdict == .unchanged)
        let warning = judge(.nsPerOp(100, samples: few), .nsPerOp(112, samples: few.map { $0 * 1.12 }))
        #expect(warning.verdict == .warning)
        #expect(warning.basis == .lowConfidence)
        #expect(warning.verdictText == "! warning (low confidence, limit +15 %)")
        #expect(judge(.nsPerOp(100), .nsPerOp(115)).verdict == .warning)
        let regression = judge(.nsPerOp(100), .nsPerOp(115.1))
        #expect(regression.verdict == .regression)
        #expect(regression.verdictText == "✗ REGRESSION (low confidence, limit +15 %)")
        #expect(regression.pValue == nil)
    }

    @Test func lowConfidenceAppliesWhenOnlyOneSideHasSamples() {
        let row = judge(.nsPerOp(100, samples: samples(around: 100)), .nsPerOp(112))
        #expect(row.basis == .lowConfidence)
        #expect(row.verdict == .warning)
    }

    @Test func aLowConfidenceImprovementAlsoNeedsTheWidenedThreshold() {
        #expect(judge(.nsPerOp(100), .nsPerOp(88)).verdict == .unchanged)
        #expect(judge(.nsPerOp(100), .nsPerOp(84)).verdict == .improved)
    }

    // MARK: Zero and tiny baselines, floors

    @Test func aZeroBaselineWithoutAFloorFailsOnAnyIncrease() {
        let row = judge(.nsPerOp(0), .nsPerOp(1))
        #expect(row.verdict == .regression)
        #expect(row.change == nil)
        #expect(row.changeCell == "from 0")
        #expect(judge(.nsPerOp(0), .nsPerOp(0)).verdict == .unchanged)
    }

    @Test func aZeroErrorRateBaselineTakesTheFloor() {
        #expect(judge(.errorRate(0), .errorRate(0.0005)).verdict == .unchanged)
        #expect(judge(.errorRate(0), .errorRate(0.001)).verdict == .unchanged)
        let row = judge(.errorRate(0), .errorRate(0.002))
        #expect(row.verdict == .regression)
        #expect(row.verdictText == "✗ REGRESSION (low confidence, limit +15 %, floor 0.001)")
    }

    @Test func aTinyMemoryBaselineIsProtectedByTheSixtyFourKibibyteFloor() {
        #expect(judge(.peakRssBytes(1_000), .peakRssBytes(50_000)).verdict == .unchanged)
        #expect(judge(.peakRssBytes(1_000), .peakRssBytes(1_000 + 65_536)).verdict == .unchanged)
        #expect(judge(.peakRssBytes(1_000), .peakRssBytes(1_000 + 65_537)).verdict == .regression)
    }

    @Test func aLargeMemoryBaselineIsGatedByItsPercentage() {
        // +5 % of 100 MB is 5 MB, far above the floor; × 1.5 without samples is 7.5 %.
        #expect(judge(.peakRssBytes(100_000_000), .peakRssBytes(107_000_000)).verdict == .warning)
        #expect(judge(.peakRssBytes(100_000_000), .peakRssBytes(108_000_000)).verdict == .regression)
    }

    @Test func aNegativeBaselineIsComparedByItsMagnitude() {
        // A heap slope that was slightly negative and is now slightly positive: far below the floor.
        #expect(judge(.heapSlopeBytesPerIter(-100), .heapSlopeBytesPerIter(100)).verdict == .unchanged)
        let row = judge(.heapSlopeBytesPerIter(-100), .heapSlopeBytesPerIter(100_000))
        #expect(row.verdict == .regression)
        #expect(row.changeCell == "+100100.0 %")
    }

    // MARK: Exact metrics

    @Test func anyIncreaseOfAnExactCountIsARegression() {
        let row = judge(.allocsPerOp(2), .allocsPerOp(2.001))
        #expect(row.verdict == .regression)
        #expect(row.basis == .exact)
        #expect(row.verdictText == "✗ REGRESSION (limit exact)")
        #expect(judge(.allocsPerOp(2), .allocsPerOp(2)).verdict == .unchanged)
        #expect(judge(.allocsPerOp(2), .allocsPerOp(1)).verdict == .improved)
        #expect(judge(.bytesPerOp(0), .bytesPerOp(16)).verdict == .regression)
    }

    @Test func exactCountsIgnoreTheSignificanceTest() {
        let row = judge(.allocsPerOp(1, samples: [1, 1, 1, 1, 1]), .allocsPerOp(2, samples: [2, 2, 2, 2, 2]))
        #expect(row.basis == .exact)
        #expect(row.pValue == nil)
        #expect(row.verdict == .regression)
    }

    @Test func instructionCountsMayGrowByOnePercent() {
        func windows(_ count: Double) -> Metric { .instructions(count, samples: Array(repeating: count, count: 5)) }
        // Five identical windows a side: the U test is significant (p = 2/252) and +1 % decides.
        let within = judge(windows(1_000_000), windows(1_009_000))
        #expect(within.verdict == .unchanged)
        #expect(within.limit == 0.01)
        let beyond = judge(windows(1_000_000), windows(1_011_000))
        #expect(beyond.verdict == .regression)
        #expect(beyond.verdictText == "✗ REGRESSION (limit +1 %)")
        #expect(judge(windows(1_000_000), windows(1_000_000)).verdict == .insignificant)
        #expect(judge(windows(1_000_000), windows(980_000)).verdict == .improved)
        // Without samples: low confidence, so +1 % warns and +1.5 % fails.
        #expect(judge(.instructions(1_000_000), .instructions(1_012_000)).verdict == .warning)
        #expect(judge(.instructions(1_000_000), .instructions(1_016_000)).verdict == .regression)
    }

    /// A change anywhere in a binary moves the layout, and with it the simulated cache misses of cases it did not
    /// touch (+42 % seen in an A/B run), so they are shown and never judged.
    @Test func simulatedCacheMissesAreReportOnly() throws {
        func misses(_ key: String, _ value: Double) throws -> Metric {
            try Metric(key: key, value: value, unit: .count, better: .lower, samples: Array(repeating: value, count: 5))
        }
        for key in ["l1MissesPerOp", "llMissesPerOp"] {
            #expect(judge(try misses(key, 29.4), try misses(key, 41.7)).verdict == .reported)
            #expect(judge(try misses(key, 20), try misses(key, 21.5)).verdict == .reported)
        }
    }

    @Test func aSuitesOwnCountKeyIsExactByDefault() throws {
        let old = try Metric(key: "retriesPerOp", value: 3, unit: .count, better: .lower)
        let new = try Metric(key: "retriesPerOp", value: 4, unit: .count, better: .lower)
        #expect(judge(old, new).verdict == .regression)
        #expect(judge(old, new).basis == .exact)
    }

    // MARK: Report only

    @Test func aReportOnlyMetricIsShownWithItsChangeButNeitherWarnsNorImproves() {
        let worse = judge(.rme(1), .rme(10))
        #expect(worse.verdict == .reported)
        #expect(worse.verdictText == "· report only")
        #expect(worse.changeCell == "+900.0 %")
        #expect(judge(.rme(10), .rme(1)).verdict == .reported)
        #expect(judge(.latencyMaxMs(10), .latencyMaxMs(100)).verdict == .reported)
        let counted = try! Metric(key: "lateSends", value: 13, unit: .count, better: .lower)
        let more = try! Metric(key: "lateSends", value: 27, unit: .count, better: .lower)
        #expect(judge(counted, more, suite: "macro-http-spike").verdict == .reported)
        #expect(judge(.rme(1), .rme(10), reportOnly: "environment differs").verdict == .reported)
    }

    @Test func aReportOnlyComparisonTurnsRegressionsIntoWarnings() {
        let row = judge(
            .nsPerOp(100, samples: samples(around: 100)), .nsPerOp(200, samples: samples(around: 200)),
            reportOnly: "environment differs")
        #expect(row.verdict == .warning)
        #expect(row.note == "environment differs")
        #expect(row.verdictText == "! warning (environment differs, limit +10 %)")
    }

    // MARK: Series and suites

    @Test func seriesSamplesAreNotTestedAndTheValueIsCompared() {
        // A growing heap series: the median of the samples would hide the end value.
        let old = Metric.heapBytesSeries(4_000_000, samples: (0..<20).map { 4_000_000 + Double($0) * 100 })
        let new = Metric.heapBytesSeries(5_000_000, samples: (0..<20).map { 4_000_000 + Double($0) * 50_000 })
        let row = judge(old, new)
        #expect(row.basis == .lowConfidence)
        #expect(row.baselineValue == 4_000_000)
        #expect(row.currentValue == 5_000_000)
        #expect(row.verdict == .regression)
    }

    @Test func theMacroSuiteUsesTheStrictPerfNumbers() {
        let base = samples(around: 1000)
        // −15 % throughput: a regression in micro's rules, within macro's −20 %.
        let old = Metric.requestsPerSec(1000, samples: base)
        let new = Metric.requestsPerSec(850, samples: base.map { $0 * 0.85 })
        #expect(judge(old, new, suite: "micro").verdict == .regression)
        #expect(judge(old, new, suite: "macro").verdict == .unchanged)
        #expect(judge(old, new, suite: "macro-http-login").verdict == .unchanged)
        let slow = Metric.latencyP99Ms(10, samples: samples(around: 10))
        let slower = Metric.latencyP99Ms(12.4, samples: samples(around: 12.4))
        #expect(judge(slow, slower, suite: "macro").verdict == .unchanged)
        #expect(judge(slow, slower, suite: "micro").verdict == .regression)
    }
}

extension Metric {
    /// MemProbe's heap-over-iterations metric as the HTML report expects it.
    static func heapBytesSeries(_ value: Double, samples: [Double]) -> Metric {
        try! Metric(key: "heapBytes", value: value, unit: .bytes, better: .lower, samples: samples)
    }
}
