import PerfResult
import Regression
import Testing

/// Suites as a whole: new and gone, geomean, environments, shapes.
@Suite struct SuiteComparisonTests {
    let comparer = Comparer(thresholds: .shipped)

    func input(current: Report, baseline: Report?) -> SuiteInput {
        SuiteInput(
            suite: current.suite, current: current, currentPaths: ["results/\(current.suite).json"], baseline: baseline,
            baselinePath: "baselines/\(current.suite).json")
    }

    @Test func newAndGoneResultsAndMetricsAreListedNotFailed() throws {
        let baseline = try report(
            "micro",
            [
                Result(name: "a/kept", metrics: [.nsPerOp(10), .allocsPerOp(1)]),
                Result(name: "a/retired", metrics: [.nsPerOp(10)]),
            ])
        let current = try report(
            "micro",
            [
                Result(name: "a/kept", metrics: [.nsPerOp(10), .bytesPerOp(64)]),
                Result(name: "a/added", metrics: [.nsPerOp(10)]),
            ])
        let comparison = try comparer.compare(input(current: current, baseline: baseline))
        let rows = comparison.rows.map { "\($0.result) \($0.metric ?? "-") \($0.verdict)" }
        #expect(
            rows == [
                "a/kept nsPerOp unchanged", "a/kept bytesPerOp new", "a/kept allocsPerOp gone", "a/added nsPerOp new",
                "a/retired nsPerOp gone",
            ])
        #expect(comparison.count(.regression) == 0)
        #expect(comparison.rows[1].currentCell == "64")
        #expect(comparison.rows[2].baselineCell == "1")
        #expect(comparison.rows.map(\.wholeResult) == [false, false, false, true, true])
        #expect(comparison.rows[3].currentCell == "10" && comparison.rows[3].baselineCell.isEmpty)
        #expect(comparison.rows[4].baselineCell == "10" && comparison.rows[4].currentCell.isEmpty)
    }

    @Test func withoutABaselineEveryResultIsNew() throws {
        let current = try microReport([("a/one", 10), ("a/two", 20)])
        let comparison = try comparer.compare(input(current: current, baseline: nil))
        #expect(comparison.rows.map(\.verdict) == [.new, .new])
        #expect(!comparison.hasBaseline)
        #expect(comparison.geomean == nil)
    }

    @Test func theGeomeanIsOfCostRatiosOverGatedTimingMetrics() throws {
        let baseline = try report(
            "micro",
            [
                Result(name: "a/one", metrics: [.nsPerOp(100), .rme(1), .allocsPerOp(2), .instructions(1000)]),
                Result(name: "a/two", metrics: [.requestsPerSec(1000), .peakRssBytes(1_000_000)]),
            ])
        // nsPerOp costs 1.21×, requestsPerSec at 1/1.21 of the baseline costs 1.21× too; rme is not gated,
        // allocation and instruction counts are not timing, nor is peak memory.
        let current = try report(
            "micro",
            [
                Result(name: "a/one", metrics: [.nsPerOp(121), .rme(50), .allocsPerOp(4), .instructions(3000)]),
                Result(name: "a/two", metrics: [.requestsPerSec(1000 / 1.21), .peakRssBytes(9_000_000)]),
            ])
        let comparison = try comparer.compare(input(current: current, baseline: baseline))
        #expect(comparison.geomeanCount == 2)
        #expect(abs(try #require(comparison.geomean) - 1.21) < 1e-12)
        // No samples: no interval.
        #expect(comparison.geomeanInterval == nil)
        #expect(comparison.geomeanText == "+21.0 %")
        let mixed = try report(
            "micro",
            [
                Result(name: "a/one", metrics: [.nsPerOp(121), .rme(1), .allocsPerOp(2), .instructions(1000)]),
                Result(name: "a/two", metrics: [.requestsPerSec(1000), .peakRssBytes(1_000_000)]),
            ])
        #expect(abs(try #require(comparer.compare(input(current: mixed, baseline: baseline)).geomean) - 1.1) < 1e-12)
    }

    @Test func aTimeDeclaredDeterministicStaysOutOfTheGeomean() throws {
        let thresholds = Thresholds(defaults: [ThresholdEntry(metric: "simulatedUs", deterministic: true)])
        func metrics(_ factor: Double) throws -> [Metric] {
            [
                .nsPerOp(100 * factor),
                try Metric(key: "simulatedUs", value: 5 * factor * factor, unit: .microseconds, better: .lower),
            ]
        }
        let comparison = try Comparer(thresholds: thresholds).compare(
            input(
                current: try report("micro", [Result(name: "a/one", metrics: try metrics(1.1))]),
                baseline: try report("micro", [Result(name: "a/one", metrics: try metrics(1))])))
        #expect(comparison.geomeanCount == 1)
        #expect(abs(try #require(comparison.geomean) - 1.1) < 1e-12)
    }

    @Test func reportOnlyMetricsAreCountedApartFromWarningsAndImprovements() throws {
        let baseline = try report("micro", [Result(name: "a/one", metrics: [.nsPerOp(100), .rme(1), .p99Ns(100)])])
        let current = try report("micro", [Result(name: "a/one", metrics: [.nsPerOp(100), .rme(9), .p99Ns(50)])])
        let comparison = try comparer.compare(input(current: current, baseline: baseline))
        #expect(comparison.rows.map(\.verdict) == [.unchanged, .reported, .reported])
        #expect(comparison.count(.warning) == 0 && comparison.count(.improved) == 0)
        // regressions, warnings, improved, unchanged, ~, report only, new, gone
        #expect(comparison.summaryCounts == [0, 0, 0, 1, 0, 2, 0, 0])
    }

    @Test func aDifferentMachineMakesTimingReportOnlyWithAProminentWarning() throws {
        let baseline = try microReport([("a/one", 100)])
        let current = try microReport([("a/one", 200)], environment: environment(cpu: "Other CPU", cores: 4))
        let comparison = try comparer.compare(input(current: current, baseline: baseline))
        #expect(comparison.timingReportOnlyReason == "CPU model, core count differ")
        #expect(comparison.deterministicReportOnlyReason == nil)
        #expect(
            comparison.environmentDifferences.map(\.description)
                == ["CPU model \"Test CPU @ 3.00GHz\" → \"Other CPU\"", "core count 2 → 4"])
        #expect(comparison.rows[0].verdict == .warning)
        #expect(comparison.rows[0].verdictText == "! warning (CPU model, core count differ, limit +10 %)")
        #expect(comparison.count(.regression) == 0)
        #expect(comparison.summaryNotes == ["timing report-only: CPU model, core count differ"])
        #expect(
            comparison.environmentWarning
                == "the environment differs from the baseline's: CPU model \"Test CPU @ 3.00GHz\" → \"Other CPU\"; "
                + "core count 2 → 4. Timing and other machine-dependent metrics are REPORT-ONLY: their regressions "
                + "are shown as warnings and never fail; deterministic metrics (allocation, byte and instruction "
                + "counts) are still gated (pass --require-same-env to refuse instead).")
    }

    @Test func eachEnvironmentFieldThatMovesNumbersIsCompared() {
        let base = environment()
        #expect(EnvironmentDifference.between(baseline: base, current: base).isEmpty)
        let cases: [(Environment, EnvironmentDifference.Field)] = [
            (environment(cpu: "Other CPU"), .cpuModel), (environment(cores: 8), .cores),
            (environment(architecture: "arm64"), .architecture), (environment(swift: "6.4"), .swiftVersion),
            (environment(perfEnv: "local"), .perfEnv), (environment(profile: "full"), .profile),
        ]
        for (other, field) in cases {
            #expect(EnvironmentDifference.between(baseline: base, current: other).map(\.field) == [field])
        }
        #expect(
            EnvironmentDifference.between(baseline: base, current: environment(perfEnv: nil)).map(\.description)
                == ["PERF_ENV ci → unknown"])
        #expect(
            EnvironmentDifference.between(baseline: base, current: environment(profile: "full")).map(\.description)
                == ["profile quick → full"])
        var otherMachine = base
        otherMachine.kernel = "Linux 6.9"
        otherMachine.memoryBytes = 1
        #expect(EnvironmentDifference.between(baseline: base, current: otherMachine).isEmpty)
    }

    @Test func anUnknownProfileDiffersOnlyFromAKnownOne() {
        let unknown = environment(profile: nil)
        #expect(
            EnvironmentDifference.between(baseline: unknown, current: environment(profile: "full")).map(\.description)
                == ["profile unknown → full"])
        #expect(
            EnvironmentDifference.between(baseline: environment(profile: "quick"), current: unknown).map(\.description)
                == ["profile quick → unknown"])
        #expect(EnvironmentDifference.between(baseline: unknown, current: unknown).isEmpty)
    }

    @Test func theReasonNamesTheFieldsAndTheProfileWithItsValues() {
        func difference(_ field: EnvironmentDifference.Field, _ old: String, _ new: String) -> EnvironmentDifference {
            EnvironmentDifference(field: field, baseline: old, current: new)
        }
        #expect(EnvironmentDifference.reason([]) == nil)
        #expect(EnvironmentDifference.reason([difference(.profile, "quick", "full")]) == "profile quick → full")
        #expect(EnvironmentDifference.reason([difference(.perfEnv, "local", "ci")]) == "PERF_ENV differs")
        #expect(
            EnvironmentDifference.reason([
                difference(.cpuModel, "A", "B"), difference(.swiftVersion, "6.3", "6.4"),
                difference(.profile, "full", "quick"),
            ]) == "CPU model, Swift version differ, profile full → quick")
    }

    @Test func requireSameEnvironmentRefusesADifferentEnvironment() throws {
        let baseline = try microReport([("a/one", 100)])
        let current = try microReport([("a/one", 100)], environment: environment(swift: "6.4"))
        #expect(
            throws: RegressionError.environmentMismatch(
                suite: "micro", differences: [.init(field: .swiftVersion, baseline: "6.3.1", current: "6.4")])
        ) {
            try comparer.compare(input(current: current, baseline: baseline), requireSameEnvironment: true)
        }
        #expect(
            RegressionError.environmentMismatch(
                suite: "micro", differences: [.init(field: .swiftVersion, baseline: "6.3.1", current: "6.4")]
            ).description
                == "suite \"micro\": the environment differs from the baseline's (Swift version 6.3.1 → 6.4) "
                + "and --require-same-env was given; run on the baseline's machine class or update the baseline")
        let otherProfile = try microReport([("a/one", 100)], environment: environment(profile: "full"))
        #expect(
            throws: RegressionError.environmentMismatch(
                suite: "micro", differences: [.init(field: .profile, baseline: "quick", current: "full")])
        ) {
            try comparer.compare(input(current: otherProfile, baseline: baseline), requireSameEnvironment: true)
        }
    }

    @Test func debugAgainstReleaseIsRefused() throws {
        let baseline = try microReport([("a/one", 100)])
        let current = try microReport([("a/one", 100)], environment: environment(build: .debug))
        let expected = RegressionError.buildConfigurationMismatch(
            suite: "micro", first: "baselines/micro.json", firstConfiguration: "release",
            second: "results/micro.json", secondConfiguration: "debug")
        #expect(throws: expected) { try comparer.compare(input(current: current, baseline: baseline)) }
        #expect(
            expected.description
                == "suite \"micro\": baselines/micro.json is a release build but results/micro.json is a debug build; "
                + "debug and release numbers are never compared. Re-run the suite with -c release (the Makefile's "
                + "perf targets do)")
    }

    @Test func debugAgainstDebugIsReportOnly() throws {
        let baseline = try microReport([("a/one", 100)], environment: environment(build: .debug))
        let current = try microReport([("a/one", 300)], environment: environment(build: .debug))
        let comparison = try comparer.compare(input(current: current, baseline: baseline))
        #expect(comparison.timingReportOnlyReason == "debug build")
        #expect(comparison.deterministicReportOnlyReason == "debug build")
        #expect(comparison.rows[0].verdict == .warning)
        #expect(
            comparison.environmentWarning?.hasPrefix("both the baseline and the current results come from DEBUG")
                == true)
    }

    @Test func aChangedUnitOrDirectionIsRefusedWithItsJSONPath() throws {
        let baseline = try report("micro", [Result(name: "a/one", metrics: [.nsPerOp(100)])])
        let current = try report(
            "micro",
            [
                Result(name: "a/zero", metrics: []),
                Result(
                    name: "a/one",
                    metrics: [try Metric(key: "nsPerOp", value: 0.1, unit: .microseconds, better: .lower)]),
            ])
        #expect(
            throws: RegressionError.metricShapeChanged(
                path: "results/micro.json", jsonPath: "results[1].metrics.nsPerOp.unit", field: "unit", baseline: "ns",
                current: "us", baselinePath: "baselines/micro.json")
        ) {
            try comparer.compare(input(current: current, baseline: baseline))
        }
        let flipped = try report(
            "micro",
            [
                Result(
                    name: "a/one", metrics: [try Metric(key: "nsPerOp", value: 1, unit: .nanoseconds, better: .higher)])
            ])
        do {
            _ = try comparer.compare(input(current: flipped, baseline: baseline))
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description
                    == "results/micro.json: at results[0].metrics.nsPerOp.better: direction \"higher\" differs from the "
                    + "baseline's \"lower\" (baselines/micro.json); results are compared like with like: fix the suite "
                    + "or update the baseline")
        }
    }
}
