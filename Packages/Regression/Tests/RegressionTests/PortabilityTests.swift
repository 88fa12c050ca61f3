import Foundation
import PerfResult
import Regression
import Testing

/// Which baselines gate which metrics: each metric class against each way an environment can differ.
@Suite struct PortabilityTests {
    /// The ways the current environment can differ from the baseline's (`none` for the same machine).
    enum Difference: String, CaseIterable, Sendable {
        case none, cpuModel, cores, perfEnv, profile, swiftVersion, architecture

        var environment: Environment {
            switch self {
            case .none: return RegressionTests.environment()
            case .cpuModel: return RegressionTests.environment(cpu: "Other CPU @ 2.00GHz")
            case .cores: return RegressionTests.environment(cores: 16)
            case .perfEnv: return RegressionTests.environment(perfEnv: "local")
            case .profile: return RegressionTests.environment(profile: "full")
            case .swiftVersion: return RegressionTests.environment(swift: "6.4")
            case .architecture: return RegressionTests.environment(architecture: "arm64")
            }
        }

        /// The note on a row this difference makes report-only.
        var reason: String {
            switch self {
            case .none: return ""
            case .cpuModel: return "CPU model differs"
            case .cores: return "core count differs"
            case .perfEnv: return "PERF_ENV differs"
            case .profile: return "profile quick → full"
            case .swiftVersion: return "Swift version differs"
            case .architecture: return "architecture differs"
            }
        }
    }

    /// Machine-dependent metrics: a time, a throughput and peak memory.
    static let timingKeys = ["nsPerOp", "requestsPerSec", "peakRssBytes"]
    /// Deterministic metrics: allocation and byte counts (exact) and instruction counts (+1 %).
    static let deterministicKeys = ["allocsPerOp", "bytesPerOp", "instructions"]

    /// One result whose every metric is worse than its threshold allows in the current report.
    func comparison(current difference: Difference, requireSameEnvironment: Bool = false) throws -> SuiteComparison {
        func metrics(_ factor: Double) -> [Metric] {
            [
                .nsPerOp(100 * factor, samples: samples(around: 100 * factor)),
                .requestsPerSec(1000 / factor, samples: samples(around: 1000 / factor)),
                .peakRssBytes(10_000_000 * factor),
                .allocsPerOp(factor), .bytesPerOp(64 * factor),
                .instructions(1000 * factor, samples: samples(around: 1000 * factor, count: 5, spread: 0.001)),
            ]
        }
        let baseline = try report("micro", [Result(name: "a/one", metrics: metrics(1))])
        let current = try report(
            "micro", [Result(name: "a/one", metrics: metrics(2))], environment: difference.environment)
        let input = SuiteInput(
            suite: "micro", current: current, currentPaths: ["results/micro.json"], baseline: baseline,
            baselinePath: "baselines/micro.json")
        return try Comparer(thresholds: .shipped).compare(input, requireSameEnvironment: requireSameEnvironment)
    }

    @Test(arguments: Difference.allCases)
    func eachMetricClassIsGatedUnlessTheDifferenceMovesIt(_ difference: Difference) throws {
        let rows = try comparison(current: difference).rows
        #expect(rows.map { $0.metric ?? "" }.sorted() == (Self.timingKeys + Self.deterministicKeys).sorted())
        let timingGated = difference == .none
        let deterministicGated = difference != .swiftVersion && difference != .architecture
        for row in rows {
            let key = try #require(row.metric)
            let deterministic = Self.deterministicKeys.contains(key)
            #expect(row.rule?.metricClass == (deterministic ? .deterministic : .machineDependent), "\(key)")
            if deterministic ? deterministicGated : timingGated {
                #expect(row.verdict == .regression, "\(key) against a baseline with \(difference)")
            } else {
                #expect(row.verdict == .warning, "\(key) against a baseline with \(difference)")
                #expect(row.note?.contains(difference.reason) == true, "\(key): \(row.note ?? "no note")")
            }
        }
    }

    @Test(arguments: Difference.allCases.filter { $0 != .none })
    func requireSameEnvironmentRefusesEveryDifferenceThatMakesTimingReportOnly(_ difference: Difference) throws {
        #expect(throws: RegressionError.self) {
            try comparison(current: difference, requireSameEnvironment: true)
        }
        #expect(try comparison(current: .none, requireSameEnvironment: true).count(.regression) == 6)
    }

    @Test func aDifferentBuildConfigurationIsRefusedWhateverTheMetricClass() throws {
        for metric in [Metric.allocsPerOp(1), .nsPerOp(100)] {
            let baseline = try report("micro", [Result(name: "a/one", metrics: [metric])])
            let current = try report(
                "micro", [Result(name: "a/one", metrics: [metric])], environment: environment(build: .debug))
            let input = SuiteInput(
                suite: "micro", current: current, currentPaths: ["results/micro.json"], baseline: baseline,
                baselinePath: "baselines/micro.json")
            #expect(throws: RegressionError.self) { try Comparer(thresholds: .shipped).compare(input) }
        }
    }

    @Test func debugAgainstDebugMakesEveryClassReportOnly() throws {
        let baseline = try report(
            "micro", [Result(name: "a/one", metrics: [.allocsPerOp(1), .nsPerOp(100)])],
            environment: environment(build: .debug))
        let current = try report(
            "micro", [Result(name: "a/one", metrics: [.allocsPerOp(2), .nsPerOp(300)])],
            environment: environment(build: .debug))
        let input = SuiteInput(
            suite: "micro", current: current, currentPaths: ["results/micro.json"], baseline: baseline,
            baselinePath: "baselines/micro.json")
        let rows = try Comparer(thresholds: .shipped).compare(input).rows
        #expect(rows.map(\.verdict) == [.warning, .warning])
        #expect(rows.allSatisfy { $0.note?.contains("debug build") == true })
    }

    @Test func aDifferentSwiftVersionMakesEveryMetricReportOnlyAndTheWarningSaysSo() throws {
        let suite = try comparison(current: .swiftVersion)
        #expect(suite.summaryNotes == ["all report-only: Swift version differs"])
        #expect(suite.environmentWarning?.contains("Every metric is REPORT-ONLY") == true)
        #expect(suite.count(.regression) == 0)
    }

    @Test func theReasonIsShownNextToTheRowsAndTheSuiteInEveryRendering() throws {
        let suite = try comparison(current: .profile)
        let outcome = CheckOutcome(suites: [suite], thresholdsSource: "t", thresholds: .shipped, strict: true)
        let rowNote = "warning (profile quick → full, limit +10 %)"
        let suiteNote = "timing report-only: profile quick → full"
        let warning = "the environment differs from the baseline's: profile quick → full. Timing and other"
        let text = outcome.textReport()
        #expect(text.contains("! " + rowNote))
        #expect(text.contains(suiteNote))
        #expect(text.contains("! WARNING: micro: " + warning))
        let markdown = outcome.markdownReport()
        #expect(markdown.contains("! " + rowNote))
        #expect(markdown.contains("| " + suiteNote + " |"))
        #expect(markdown.contains("> **micro**: " + warning))
        let html = outcome.htmlReport()
        #expect(html.contains("</svg> " + rowNote + "</td>"))
        #expect(html.contains("<td class=\"notes\">" + suiteNote + "</td>"))
        #expect(html.contains("<b>micro</b>: " + warning.replacingOccurrences(of: "'", with: "&#39;")))
        // The deterministic counts still fail the strict gate.
        #expect(outcome.exitCode == 1 && outcome.regressions == 3)
    }
}
