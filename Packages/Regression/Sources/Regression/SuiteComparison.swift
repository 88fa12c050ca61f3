public import PerfResult

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The check of one suite: every row, the environments, and the suite's timing geomean.
public struct SuiteComparison: Sendable {
    /// The suite name.
    public var suite: String
    /// The baseline file (present or not).
    public var baselinePath: String
    /// The current result files.
    public var currentPaths: [String]
    /// The baseline report, or `nil` when there is no baseline.
    public var baseline: Report?
    /// The current results, merged from `currentPaths`.
    public var current: Report
    /// How the environments differ (CPU model, cores, architecture, Swift version, `PERF_ENV`, profile).
    public var environmentDifferences: [EnvironmentDifference]
    /// Why the suite's machine-dependent metrics (timing and the like, `MetricClass.machineDependent`) are
    /// report-only — `CPU model differs`, `profile quick → full`, `debug build` — or `nil` when they are gated.
    public var timingReportOnlyReason: String?
    /// Why the suite's deterministic metrics are report-only (a different Swift version or architecture,
    /// debug builds), or `nil` when they are gated. When set, `timingReportOnlyReason` is set too.
    public var deterministicReportOnlyReason: String?
    /// Every row: current results in order (their metrics in order, then metrics gone), then results gone.
    public var rows: [MetricComparison]
    /// The geometric mean of `costRatio` over the suite's gated timing metrics compared on both sides (above
    /// 1 is worse; see `SuiteComparison.isTimingGeomeanRow(_:)`), or `nil` when there are none.
    public var geomean: Double?
    /// How many metrics the geomean covers.
    public var geomeanCount: Int
    /// The geomean's 95 % interval (`GeomeanBootstrap`), or `nil` when a metric it covers has too few samples.
    public var geomeanInterval: ClosedRange<Double>?

    /// Whether the suite had a baseline to compare with.
    public var hasBaseline: Bool { baseline != nil }

    /// Why the suite's metrics of `metricClass` are report-only, or `nil` when they are gated.
    public func reportOnlyReason(for metricClass: MetricClass) -> String? {
        metricClass == .deterministic ? deterministicReportOnlyReason : timingReportOnlyReason
    }

    /// The number of rows with `verdict`.
    /// - Complexity: O(*n*) for *n* rows.
    public func count(_ verdict: Verdict) -> Int {
        rows.reduce(0) { $0 + ($1.verdict == verdict ? 1 : 0) }
    }

    /// Whether `row` counts in the geomean: compared on both sides, gated, machine-dependent, and timing by its
    /// unit (`MetricClass.isTiming`), so the geomean says how the suite's speed moved.
    public static func isTimingGeomeanRow(_ row: MetricComparison) -> Bool {
        guard let rule = row.rule, rule.gate, rule.metricClass == .machineDependent, let unit = row.unit,
            row.verdict != .new, row.verdict != .gone
        else { return false }
        return MetricClass.isTiming(unit) && row.costRatio != nil
    }
}

extension Comparer {
    /// Compares a suite's current results with its baseline.
    ///
    /// Without a baseline, every result is new. Results and metrics on one side only are listed as new or
    /// gone and never fail, unless they break a limit their benchmark declared (`Result.limits`): declared
    /// absolute limits hold whatever the baseline, and a declared relative limit tightens the threshold. Environments that differ make the metrics they move report-only, by class
    /// (`MetricClass`): timing for any difference, deterministic counts only for the Swift version or the
    /// architecture; debug builds make every metric report-only.
    ///
    /// - Parameter requireSameEnvironment: when `true`, any environment difference (each makes timing
    ///   report-only) is an error instead.
    /// - Throws: `RegressionError.buildConfigurationMismatch` for debug against release,
    ///   `.environmentMismatch` (only with `requireSameEnvironment`), `.metricShapeChanged` when a
    ///   metric's unit or direction changed.
    /// - Complexity: O(*r* × *m*) comparisons for *r* results of *m* metrics, plus the geomean's bootstrap.
    public func compare(_ input: SuiteInput, requireSameEnvironment: Bool = false) throws(RegressionError)
        -> SuiteComparison
    {
        let current = input.current
        var comparison = SuiteComparison(
            suite: input.suite, baselinePath: input.baselinePath, currentPaths: input.currentPaths,
            baseline: input.baseline, current: current, environmentDifferences: [], timingReportOnlyReason: nil,
            deterministicReportOnlyReason: nil, rows: [], geomean: nil, geomeanCount: 0, geomeanInterval: nil)
        guard let baseline = input.baseline else {
            let debug = current.environment.buildConfiguration == .debug ? "debug build" : nil
            comparison.rows = applyingDeclaredLimits(
                to: current.results.flatMap { oneSidedResult($0, suite: input.suite, verdict: .new) }, current: current,
                suite: input.suite, reportOnlyReason: { _ in debug })
            return comparison
        }
        let baselineBuild = baseline.environment.buildConfiguration
        let currentBuild = current.environment.buildConfiguration
        guard baselineBuild == currentBuild else {
            throw .buildConfigurationMismatch(
                suite: input.suite, first: input.baselinePath, firstConfiguration: baselineBuild.rawValue,
                second: input.currentPaths.first ?? "(current results)", secondConfiguration: currentBuild.rawValue)
        }
        let differences = EnvironmentDifference.between(baseline: baseline.environment, current: current.environment)
        let samplesAreForks = (baseline.environment.forks ?? 1) > 1 && (current.environment.forks ?? 1) > 1
        if !differences.isEmpty && requireSameEnvironment {
            throw .environmentMismatch(suite: input.suite, differences: differences)
        }
        comparison.environmentDifferences = differences
        let debug = currentBuild == .debug ? "debug build" : nil
        func reason(_ metricClass: MetricClass) -> String? {
            let parts = [
                EnvironmentDifference.reason(differences.filter { metricClass.isAffected(by: $0.field) }), debug,
            ]
            let present = parts.compactMap { $0 }
            return present.isEmpty ? nil : present.joined(separator: ", ")
        }
        comparison.timingReportOnlyReason = reason(.machineDependent)
        comparison.deterministicReportOnlyReason = reason(.deterministic)

        var rows: [MetricComparison] = []
        for result in current.results {
            guard let old = baseline.result(named: result.name) else {
                rows += oneSidedResult(result, suite: input.suite, verdict: .new)
                continue
            }
            let headline = Set(HeadlineMetrics.select(from: result.metrics.map(\.key)))
            for metric in result.metrics {
                guard let oldMetric = old[metric.key] else {
                    var row = oneSided(metric, suite: input.suite, result: result.name, verdict: .new)
                    row.headline = headline.contains(metric.key)
                    rows.append(row)
                    continue
                }
                try checkShape(baseline: oldMetric, current: metric, result: result.name, input: input)
                let metricClass = thresholds.rule(suite: input.suite, result: result.name, metric: metric).metricClass
                var row = compare(
                    baseline: oldMetric, current: metric, suite: input.suite, result: result.name,
                    reportOnlyReason: comparison.reportOnlyReason(for: metricClass), samplesAreForks: samplesAreForks,
                    declared: result.limits[metric.key])
                row.headline = headline.contains(metric.key)
                rows.append(row)
            }
            let oldHeadline = Set(HeadlineMetrics.select(from: old.metrics.map(\.key)))
            for oldMetric in old.metrics where result[oldMetric.key] == nil {
                var row = oneSided(oldMetric, suite: input.suite, result: result.name, verdict: .gone)
                row.headline = oldHeadline.contains(oldMetric.key)
                rows.append(row)
            }
        }
        for old in baseline.results where current.result(named: old.name) == nil {
            rows += oneSidedResult(old, suite: input.suite, verdict: .gone)
        }
        let reasons = comparison
        comparison.rows = applyingDeclaredLimits(
            to: rows, current: current, suite: input.suite, reportOnlyReason: { reasons.reportOnlyReason(for: $0) })

        let timing = rows.filter(SuiteComparison.isTimingGeomeanRow)
        if !timing.isEmpty {
            let logSum = timing.reduce(0.0) { $0 + log($1.costRatio!) }
            comparison.geomeanCount = timing.count
            comparison.geomean = exp(logSum / Double(timing.count))
            comparison.geomeanInterval = GeomeanBootstrap.interval(timing, minimumSamples: thresholds.minimumSamples)
        }
        return comparison
    }

    /// The rows of a result on one side only: one per metric, headline metrics first, each with the
    /// figure of its side; one row without a metric when the result has none.
    private func oneSidedResult(_ result: Result, suite: String, verdict: Verdict) -> [MetricComparison] {
        guard !result.metrics.isEmpty else {
            var row = MetricComparison(
                suite: suite, result: result.name, metric: nil, baseline: nil, current: nil, baselineValue: nil,
                currentValue: nil, rule: nil, basis: .none, limit: nil, verdict: verdict, note: nil)
            row.wholeResult = true
            return [row]
        }
        let keys = result.metrics.map(\.key)
        let headline = Set(HeadlineMetrics.select(from: keys))
        return HeadlineMetrics.ordered(keys).map { key in
            var row = oneSided(result[key]!, suite: suite, result: result.name, verdict: verdict)
            row.wholeResult = true
            row.headline = headline.contains(key)
            return row
        }
    }

    /// A metric on one side only: `.new` carries the current figure, `.gone` the baseline's; compared
    /// as a metric on both sides would be (the median of the samples, the value for series).
    private func oneSided(_ metric: Metric, suite: String, result: String, verdict: Verdict) -> MetricComparison {
        let rule = thresholds.rule(suite: suite, result: result, metric: metric)
        let figure = Comparer.figure(metric, series: rule.series)
        let isNew = verdict == .new
        return MetricComparison(
            suite: suite, result: result, metric: metric.key, baseline: isNew ? nil : metric,
            current: isNew ? metric : nil, baselineValue: isNew ? nil : figure, currentValue: isNew ? figure : nil,
            rule: rule, basis: .none, limit: nil, verdict: verdict, note: nil)
    }

    private func checkShape(baseline: Metric, current: Metric, result: String, input: SuiteInput)
        throws(RegressionError)
    {
        let origin = input.origins[result] ?? SuiteInput.Origin(path: input.currentPaths.first ?? "", index: 0)
        let prefix = "results[\(origin.index)].metrics.\(current.key)"
        if baseline.unit != current.unit {
            throw .metricShapeChanged(
                path: origin.path, jsonPath: prefix + ".unit", field: "unit", baseline: baseline.unit.rawValue,
                current: current.unit.rawValue, baselinePath: input.baselinePath)
        }
        if baseline.better != current.better {
            throw .metricShapeChanged(
                path: origin.path, jsonPath: prefix + ".better", field: "direction",
                baseline: baseline.better.rawValue, current: current.better.rawValue,
                baselinePath: input.baselinePath)
        }
    }
}
