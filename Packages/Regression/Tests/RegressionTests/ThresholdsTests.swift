import PerfResult
import PerfSupport
import Regression
import Testing

/// How rules resolve: fallbacks by unit, per-metric defaults, overrides per suite, result glob and metric.
@Suite struct ThresholdsTests {
    func rule(
        _ metric: Metric, suite: String = "bench", result: String = "group/case", in thresholds: Thresholds = .shipped
    )
        -> ThresholdRule
    {
        thresholds.rule(suite: suite, result: result, metric: metric)
    }

    @Test func theShippedDefaultsGiveEachKindOfMetricItsThreshold() {
        // Time and latency p50: +10 %.
        #expect(rule(.nsPerOp(1)) == ThresholdRule(maxRegression: 0.10))
        // MicroBench's p50Ns is nsPerOp without samples, and its descriptive statistics are shown only.
        #expect(rule(.p50Ns(1)).gate == false)
        for key in ["meanNs", "minNs", "maxNs", "p75Ns", "sdNs", "madNs", "coldStartNs"] {
            #expect(rule(try! Metric(key: key, value: 1, unit: .nanoseconds, better: .lower)).gate == false)
        }
        #expect(rule(try! Metric(key: "outliers", value: 1, unit: .count, better: .lower)).gate == false)
        #expect(rule(.latencyP50Ms(1)) == ThresholdRule(maxRegression: 0.10))
        // Throughput: −10 %.
        #expect(rule(.opsPerSec(1)) == ThresholdRule(maxRegression: 0.10))
        // Where opsPerSec is only nsPerOp inverted, without samples, nsPerOp is the gated figure.
        #expect(rule(.opsPerSec(1), suite: "micro").gate == false)
        #expect(rule(.opsPerSec(1), suite: "pools", result: "object/pool").gate == false)
        #expect(rule(.opsPerSec(1), suite: "pools", result: "threads2/pool") == ThresholdRule(maxRegression: 0.10))
        #expect(rule(.requestsPerSec(1)) == ThresholdRule(maxRegression: 0.10))
        // Tail latency: +20 %; the single-value tails of one run are shown, never gated.
        #expect(rule(.latencyP95Ms(1)) == ThresholdRule(maxRegression: 0.20))
        #expect(rule(.latencyP99Ms(1)) == ThresholdRule(maxRegression: 0.20))
        #expect(rule(.p99Ns(1)).gate == false)
        #expect(rule(.latencyP999Ms(1)).gate == false)
        #expect(rule(.latencyP9999Ms(1)).gate == false)
        #expect(rule(.latencyMaxMs(1)).gate == false)
        // Memory bytes: +5 % with a 64 KiB floor.
        #expect(rule(.peakRssBytes(1)) == ThresholdRule(maxRegression: 0.05, floor: 65_536))
        #expect(rule(.heapSlopeBytesPerIter(1)) == ThresholdRule(maxRegression: 0.05, floor: 65_536))
        // Allocation counts: exact. Instruction counts: near-exact, +1 %.
        #expect(rule(.allocsPerOp(1)).exact)
        #expect(rule(.bytesPerOp(1)).exact)
        #expect(rule(.instructions(1)) == ThresholdRule(maxRegression: 0.01, deterministic: true))
        // Noise is not speed.
        #expect(rule(.rme(1)).gate == false)
        #expect(rule(.liveAllocsSlopePerIter(1)) == ThresholdRule(maxRegression: 0.10, floor: 1))
    }

    @Test func theMacroSuitesUseTheStrictPerfNumbers() {
        for suite in ["macro", "macro-http-login"] {
            #expect(rule(.requestsPerSec(1), suite: suite).maxRegression == 0.20)
            #expect(rule(.bytesPerSec(1), suite: suite).maxRegression == 0.20)
            #expect(rule(.latencyP50Ms(1), suite: suite).maxRegression == 0.25)
            #expect(rule(.latencyP99Ms(1), suite: suite).maxRegression == 0.25)
            // The override sets only the percentage: the maximum stays report-only.
            #expect(rule(.latencyMaxMs(1), suite: suite).gate == false)
        }
        #expect(rule(.requestsPerSec(1), suite: "micro").maxRegression == 0.10)
    }

    @Test func loadGensDiagnosticFiguresAreShownButOnlyThroughputLatencyAndErrorsAreGated() throws {
        let diagnostics: [(String, Metric.Unit)] = [
            ("latencyMeanMs", .milliseconds), ("latencyStdevMs", .milliseconds),
            ("uncorrectedLatencyP50Ms", .milliseconds), ("uncorrectedLatencyP99Ms", .milliseconds),
            ("uncorrectedLatencyMaxMs", .milliseconds), ("lateSends", .count), ("droppedSends", .count),
            ("abandonedRequests", .count), ("failures", .count), ("requests", .count),
            ("requestsInFlight", .count), ("kneeLatencyP99Ms", .milliseconds),
        ]
        for (key, unit) in diagnostics {
            let metric = try Metric(key: key, value: 1, unit: unit, better: .lower)
            #expect(rule(metric, suite: "macro-http-spike").gate == false, "\(key)")
        }
        for metric in [Metric.requestsPerSec(1), .latencyP50Ms(1), .latencyP95Ms(1), .errorRate(0)] {
            #expect(rule(metric, suite: "macro-http-spike").gate, "\(metric.key)")
        }
    }

    @Test func theOverloadScenarioGatesThroughputAndErrorsButNotItsQueueingLatency() throws {
        #expect(rule(.latencyP50Ms(1), suite: "macro-http-stress").gate == false)
        #expect(rule(.latencyP99Ms(1), suite: "macro-http-stress").gate == false)
        #expect(
            rule(.requestsPerSec(1), suite: "macro-http-stress") == ThresholdRule(maxRegression: 0.20, series: true))
        #expect(rule(.errorRate(0), suite: "macro-http-stress").gate)
        let knee = try Metric(key: "kneeRequestsPerSec", value: 1, unit: .requestsPerSecond, better: .higher)
        #expect(rule(knee, suite: "macro-knee") == ThresholdRule(maxRegression: 0.20))
    }

    @Test func residentMemoryOverTimeIsASeriesLikeTheHeap() throws {
        let rss = try Metric(key: "rssBytes", value: 1, unit: .bytes, better: .lower, samples: [1, 2])
        #expect(rule(rss, suite: "soak") == ThresholdRule(maxRegression: 0.05, floor: 65_536, series: true))
    }

    @Test func unknownKeysFallBackByUnitAndDirection() throws {
        let count = try Metric(key: "syscalls", value: 1, unit: .count, better: .lower)
        let bytes = try Metric(key: "cacheBytes", value: 1, unit: .bytes, better: .lower)
        let rate = try Metric(key: "framesPerSec", value: 1, unit: .perSecond, better: .higher)
        let time = try Metric(key: "parseUs", value: 1, unit: .microseconds, better: .lower)
        #expect(rule(count) == ThresholdRule(maxRegression: 0, exact: true))
        #expect(rule(bytes) == ThresholdRule(maxRegression: 0.05, floor: 65_536))
        #expect(rule(rate) == ThresholdRule(maxRegression: 0.10))
        #expect(rule(time) == ThresholdRule(maxRegression: 0.10))
    }

    @Test func overridesApplyPerSuiteResultGlobAndMetricAndKeepFieldsTheyDoNotSet() {
        let thresholds = Thresholds(
            defaults: [ThresholdEntry(metric: "peakRssBytes", maxRegressionPercent: 5, floor: 65_536)],
            overrides: [
                ThresholdEntry(suite: "memory", result: "sessions/*", metric: "peakRssBytes", maxRegressionPercent: 2),
                ThresholdEntry(suite: "mem*", result: "sessions/big[size=*]", metric: "peak*", floor: 1_048_576),
            ])
        #expect(
            rule(.peakRssBytes(1), suite: "memory", result: "sessions/lru", in: thresholds)
                == ThresholdRule(maxRegression: 0.02, floor: 65_536))
        #expect(
            rule(.peakRssBytes(1), suite: "memory", result: "sessions/big[size=16]", in: thresholds)
                == ThresholdRule(maxRegression: 0.02, floor: 1_048_576))
        #expect(
            rule(.peakRssBytes(1), suite: "memory", result: "pool/churn", in: thresholds)
                == ThresholdRule(maxRegression: 0.05, floor: 65_536))
        #expect(
            rule(.peakRssBytes(1), suite: "micro", result: "sessions/lru", in: thresholds)
                == ThresholdRule(maxRegression: 0.05, floor: 65_536))
    }

    @Test func theLastMatchingEntryWins() {
        let thresholds = Thresholds(
            defaults: [
                ThresholdEntry(metric: "*", maxRegressionPercent: 30),
                ThresholdEntry(metric: "nsPerOp", maxRegressionPercent: 5),
            ],
            overrides: [
                ThresholdEntry(metric: "nsPerOp", maxRegressionPercent: 7),
                ThresholdEntry(suite: "micro", metric: "ns*", maxRegressionPercent: 8),
            ])
        #expect(rule(.nsPerOp(1), suite: "micro", in: thresholds).maxRegression == 0.08)
        #expect(rule(.nsPerOp(1), suite: "pools", in: thresholds).maxRegression == 0.07)
        #expect(rule(.opsPerSec(1), in: thresholds).maxRegression == 0.30)
    }

    @Test func systemMetricCountsAreGatedNearExactlyAndTheirTimingsAndMachineFiguresOnlyReported() {
        for metric in [Metric.readSyscallsPerOp(1), .writeSyscallsPerOp(1), .syscallsPerOp(1)] {
            let rule = rule(metric)
            #expect(rule.maxRegression == 0.05 && rule.floor == 0.01 && rule.gate, "\(metric.key)")
            #expect(rule.metricClass == .deterministic && !rule.exact, "\(metric.key)")
        }
        for metric in [Metric.bytesReadPerOp(1), .bytesWrittenPerOp(1)] {
            #expect(rule(metric).summary == "5 %, floor 1, deterministic", "\(metric.key)")
        }
        for metric in [Metric.contextSwitchesVoluntaryPerOp(1), .pageFaultsMinorPerOp(1)] {
            #expect(rule(metric).summary == "10 %, floor 0.01", "\(metric.key)")
        }
        for metric in [
            Metric.cpuUserNsPerOp(1), .cpuSystemNsPerOp(1), .contextSwitchesInvoluntaryPerOp(1),
            .pageFaultsMajorPerOp(1), .storageBytesReadPerOp(1), .storageBytesWrittenPerOp(1), .threads(1),
        ] {
            #expect(!rule(metric).gate, "\(metric.key) should be report only")
        }
    }

    @Test func theCommittedThresholdsFileEqualsTheShippedDefaults() throws {
        let file = try Thresholds.read(from: repositoryRoot + "/perf/regression/thresholds.json")
        #expect(file == Thresholds.shipped)
    }

    @Test func ruleSummariesReadAsPeopleWriteThem() {
        #expect(ThresholdRule(maxRegression: 0.1).summary == "10 %")
        #expect(ThresholdRule(maxRegression: 0.05, floor: 65_536).summary == "5 %, floor 65536")
        #expect(ThresholdRule(maxRegression: 0, exact: true).summary == "exact")
        #expect(ThresholdRule(maxRegression: 0.2, gate: false).summary == "20 %, report only")
        #expect(ThresholdRule(maxRegression: 0.01, deterministic: true).summary == "1 %, deterministic")
    }

    // MARK: Metric classes

    @Test func countsThatOnlyTheCodeDecidesAreDeterministicAndEverythingElseDependsOnTheMachine() throws {
        let deterministic: [Metric] = [
            .allocsPerOp(1), .bytesPerOp(64), .instructions(1000),
            try Metric(key: "l1MissesPerOp", value: 1, unit: .count, better: .lower),
            try Metric(key: "llMissesPerOp", value: 1, unit: .count, better: .lower),
        ]
        for metric in deterministic {
            #expect(rule(metric).metricClass == .deterministic, "\(metric.key)")
        }
        let machineDependent: [Metric] = [
            .nsPerOp(1), .opsPerSec(1), .requestsPerSec(1), .latencyP50Ms(1), .latencyP99Ms(1), .peakRssBytes(1),
            .heapGrowthRatio(0.1), .liveAllocsSlopePerIter(1), .errorRate(0), .hitRate(1),
        ]
        for metric in machineDependent {
            #expect(rule(metric).metricClass == .machineDependent, "\(metric.key)")
        }
    }

    @Test func theClassFollowsExactUnlessAnEntrySaysOtherwise() throws {
        let ownCount = try Metric(key: "syscalls", value: 1, unit: .count, better: .lower)
        #expect(rule(ownCount).metricClass == .deterministic)
        let thresholds = Thresholds(
            defaults: [
                ThresholdEntry(metric: "syscalls", deterministic: false),
                ThresholdEntry(metric: "parseUs", deterministic: true),
                ThresholdEntry(metric: "cacheBytes", exact: true),
            ])
        #expect(rule(ownCount, in: thresholds).metricClass == .machineDependent)
        #expect(rule(ownCount, in: thresholds).exact)
        let time = try Metric(key: "parseUs", value: 1, unit: .microseconds, better: .lower)
        #expect(rule(time, in: thresholds).metricClass == .deterministic)
        let bytes = try Metric(key: "cacheBytes", value: 1, unit: .bytes, better: .lower)
        #expect(rule(bytes).metricClass == .machineDependent)
        #expect(rule(bytes, in: thresholds).metricClass == .deterministic)
    }

    @Test func onlyTheToolchainAndTheArchitectureMoveDeterministicCounts() {
        for field in EnvironmentDifference.Field.allCases {
            #expect(MetricClass.machineDependent.isAffected(by: field))
            #expect(MetricClass.deterministic.isAffected(by: field) == [.swiftVersion, .architecture].contains(field))
        }
    }

    @Test func aNegativeThresholdIsAProgrammerError() async {
        await #expect(processExitsWith: .failure) {
            _ = ThresholdRule(maxRegression: -0.1)
        }
    }
}

@Suite struct GlobPatternTests {
    @Test func starMatchesAnyRunIncludingSlashes() {
        #expect(GlobPattern("macro*").matches("macro"))
        #expect(GlobPattern("macro*").matches("macro-http-login"))
        #expect(!GlobPattern("macro*").matches("micro"))
        #expect(GlobPattern("stringOps/*").matches("stringOps/concat[size=16]"))
        #expect(GlobPattern("*").matches(""))
        #expect(GlobPattern("a*b*c").matches("a/x/b/y/c"))
        #expect(!GlobPattern("a*b*c").matches("a/x/b/y"))
    }

    @Test func questionMarkMatchesOneCharacterAndBracketsAreLiteral() {
        #expect(GlobPattern("latencyP9?Ms").matches("latencyP95Ms"))
        #expect(!GlobPattern("latencyP9?Ms").matches("latencyP99_9Ms"))
        #expect(GlobPattern("concat[size=16]").matches("concat[size=16]"))
        #expect(!GlobPattern("concat[size=1]").matches("concat[size=16]"))
        #expect(GlobPattern("concat[size=*]").matches("concat[size=4096]"))
    }
}

/// The number formats every table, report and chart of the check prints with (PerfSupport's `NumberText`).
@Suite struct TableNumberTests {
    @Test func numbersKeepFourSignificantDigits() {
        #expect(NumberText.significant(41.5) == "41.5")
        #expect(NumberText.significant(41.5123) == "41.51")
        #expect(NumberText.significant(0.000_123_4) == "0.0001234")
        #expect(NumberText.significant(0.000_012_34) == "1.234e-5")
        #expect(NumberText.significant(65_536) == "65536")
        #expect(NumberText.significant(1234.5) == "1235")
        #expect(NumberText.significant(24_096_385.5) == "24.1M")
        #expect(NumberText.significant(2.5e9) == "2.5G")
        #expect(NumberText.significant(-3.25) == "-3.25")
        #expect(NumberText.significant(0) == "0")
    }

    @Test func changesAndPValuesAreSignedAndRounded() {
        #expect(NumberText.change(0.125) == "+12.5 %")
        #expect(NumberText.change(-0.03) == "-3.0 %")
        #expect(NumberText.change(0.00001) == "0.0 %")
        #expect(NumberText.change(.infinity) == "+∞")
        #expect(NumberText.pValue(0.00001) == "<0.0001")
        #expect(NumberText.pValue(0.0079365) == "0.0079")
        #expect(NumberText.pValue(1) == "1")
    }
}
