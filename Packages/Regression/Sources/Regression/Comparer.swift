public import PerfResult
import PerfSupport

/// The verdict rules: compares a baseline metric with the current one under the thresholds.
///
/// For one metric, with the rule from `Thresholds.rule(suite:result:metric:)`:
/// - the figures compared are the medians of the raw samples (the values when there are none, and
///   always the values for `series` metrics); worse means higher for `better == .lower` and lower
///   for `.higher`;
/// - **exact** rules: any worsening is a regression, any improvement an improvement;
/// - with at least `minimumSamples` samples on both sides, a two-sided Mann–Whitney U test runs:
///   p ≥ α is `~` (insignificant); otherwise a worsening beyond the threshold **and** the floor is a
///   regression, an improvement beyond both is an improvement, anything else unchanged;
/// - with fewer samples, the threshold × `lowConfidenceFactor` decides ("low confidence"); a
///   worsening between the threshold and that is a warning;
/// - a report-only metric (`gate: false`) is `reported` whatever its change: shown with its change and
///   never judged, so it counts neither as a warning nor as an improvement;
/// - a regression in a report-only comparison (the environments differ) is shown as a warning.
///
/// A worsening exactly at the threshold (to a relative 1e-9) is not a regression.
///
/// Not `Sendable`: it caches exact distributions; use one per thread.
public struct Comparer {
    /// The thresholds every comparison uses.
    public var thresholds: Thresholds
    private let cache = ExactDistributionCache()

    /// Creates a comparer.
    public init(thresholds: Thresholds = .shipped) {
        self.thresholds = thresholds
    }

    /// Compares one metric present on both sides.
    ///
    /// - Parameters:
    ///   - reportOnlyReason: when not `nil`, a regression becomes a warning with this note
    ///     (e.g. `environment differs`).
    ///   - samplesAreForks: both reports were merged from forks (`Environment.forks` > 1), so every metric's
    ///     samples are the forks' values even where the rule calls them a series over one run (`series`: a
    ///     staged load's per-second rates): they are then compared as repeated measurements.
    /// - Precondition: both metrics have the same key.
    /// - Complexity: O(*n* log *n*) for *n* samples (plus the exact distribution for small samples
    ///   with ties, O(*n*⁴) at worst for *n* ≤ 40).
    ///   - declared: the result's declared limit on this metric (`Result.limits`): a tighter `relative` limit
    ///     replaces the rule's allowed worsening; absolute limits are applied by the suite comparison.
    public func compare(
        baseline: Metric, current: Metric, suite: String, result: String, reportOnlyReason: String? = nil,
        samplesAreForks: Bool = false, declared: Limit? = nil
    ) -> MetricComparison {
        precondition(baseline.key == current.key, "comparing different metrics")
        let (rule, tightened) = self.rule(
            thresholds.rule(suite: suite, result: result, metric: current), tightenedBy: declared)
        // A series over one run (per second, per iteration) is not repeated measurements: its median is not the
        // run's figure (a 1,000 → 5,000 → 1,000 requests/s spike has a median of 1,000 and a rate of 2,333) and a
        // test over its points is pseudo-replication. The value, the whole run's figure, is compared instead.
        let series = rule.series && !samplesAreForks
        let baselineValue = Comparer.figure(baseline, series: series)
        let currentValue = Comparer.figure(current, series: series)
        var row = MetricComparison(
            suite: suite, result: result, metric: current.key, baseline: baseline, current: current,
            baselineValue: baselineValue, currentValue: currentValue, rule: rule, basis: .none,
            limit: rule.exact ? nil : rule.maxRegression, verdict: .unchanged, note: nil)
        // Positive when current is worse than baseline, in the metric's unit.
        let worsening = current.better == .lower ? currentValue - baselineValue : baselineValue - currentValue
        let relative: Double
        if baselineValue != 0 {
            relative = worsening / abs(baselineValue)
        } else {
            relative = worsening > 0 ? .infinity : (worsening < 0 ? -.infinity : 0)
        }

        if rule.exact {
            row.basis = .exact
            row.verdict = worsening > 0 ? .regression : (worsening < 0 ? .improved : .unchanged)
            row.note = "exact"
        } else if !series, let baselineSamples = baseline.samples, let currentSamples = current.samples,
            baselineSamples.count >= thresholds.minimumSamples, currentSamples.count >= thresholds.minimumSamples
        {
            let outcome = MannWhitney.test(baselineSamples, currentSamples, cache: cache)
            row.basis = .test(outcome)
            if outcome.pValue >= thresholds.alpha {
                row.verdict = .insignificant
            } else {
                row.verdict = Comparer.classify(
                    relative: relative, worsening: worsening, threshold: rule.maxRegression, floor: rule.floor)
            }
        } else {
            row.basis = .lowConfidence
            row.note = "low confidence"
            let widened = rule.maxRegression * thresholds.lowConfidenceFactor
            row.limit = widened
            row.verdict = Comparer.classify(
                relative: relative, worsening: worsening, threshold: widened, floor: rule.floor)
            if row.verdict == .unchanged, Comparer.beyond(relative, rule.maxRegression),
                Comparer.beyond(worsening, rule.floor)
            {
                row.verdict = .warning
            }
        }

        if tightened, let declared { row.note = join(row.note, "declared \(declared.summary)") }
        if !rule.gate {
            row.verdict = .reported
            row.note = "report only"
        } else if row.verdict == .regression, let reportOnlyReason {
            row.verdict = .warning
            row.note = join(row.note, reportOnlyReason)
        }
        return row
    }

    /// The figure of a metric that is compared: the median of its samples, else its value.
    static func figure(_ metric: Metric, series: Bool) -> Double {
        guard !series, let samples = metric.samples, !samples.isEmpty else { return metric.value }
        return SortedSample(samples).median
    }

    private static func classify(relative: Double, worsening: Double, threshold: Double, floor: Double) -> Verdict {
        if beyond(relative, threshold) && beyond(worsening, floor) { return .regression }
        if beyond(-relative, threshold) && beyond(-worsening, floor) { return .improved }
        return .unchanged
    }

    /// `amount > limit`, where an amount within 1e-9 (relative) of the limit counts as at the limit, so
    /// that 41.5 × 1.1 against 41.5 is "exactly at +10 %" despite binary rounding.
    static func beyond(_ amount: Double, _ limit: Double) -> Bool {
        amount > limit + max(abs(limit), 1e-300) * 1e-9
    }

    private func join(_ first: String?, _ second: String) -> String {
        guard let first else { return second }
        return "\(first), \(second)"
    }
}
