public import PerfResult

/// The regression rules of a repository: statistics settings, per-metric defaults and scoped overrides.
///
/// The rule for one metric is resolved as a cascade, field by field:
/// 1. a fallback from the metric's unit and direction (`Thresholds.fallback(for:)`), so a suite's own
///    keys are gated sensibly without configuration;
/// 2. every entry of `defaults` whose metric pattern matches, in order;
/// 3. every entry of `overrides` whose suite, result and metric patterns match, in order.
///
/// Later entries overwrite only the fields they set: like CSS, the last match wins.
public struct Thresholds: Sendable, Hashable {
    /// The significance level of the Mann–Whitney U test: a change is significant when p < `alpha`.
    public var alpha: Double
    /// The fewest raw samples needed on both sides for the significance test; with fewer, the
    /// threshold × `lowConfidenceFactor` decides.
    public var minimumSamples: Int
    /// The factor applied to the threshold when there are too few samples for a test.
    public var lowConfidenceFactor: Double
    /// Per-metric rules for every suite; their `suite` and `result` are `nil`.
    public var defaults: [ThresholdEntry]
    /// Rules scoped to suites, results and metrics, applied after `defaults`.
    public var overrides: [ThresholdEntry]

    /// Creates thresholds.
    /// - Precondition: `0 < alpha < 1`, `minimumSamples >= 2`, `lowConfidenceFactor >= 1`.
    public init(
        alpha: Double = 0.05, minimumSamples: Int = 5, lowConfidenceFactor: Double = 1.5,
        defaults: [ThresholdEntry] = [], overrides: [ThresholdEntry] = []
    ) {
        precondition(alpha > 0 && alpha < 1, "alpha must be in (0, 1)")
        precondition(minimumSamples >= 2, "minimumSamples must be at least 2")
        precondition(lowConfidenceFactor >= 1 && lowConfidenceFactor.isFinite, "lowConfidenceFactor must be >= 1")
        self.alpha = alpha
        self.minimumSamples = minimumSamples
        self.lowConfidenceFactor = lowConfidenceFactor
        self.defaults = defaults
        self.overrides = overrides
    }

    /// The rule for `metric` of result `result` in suite `suite`.
    /// - Complexity: O(*d* + *o*) pattern matches for *d* defaults and *o* overrides.
    public func rule(suite: String, result: String, metric: Metric) -> ThresholdRule {
        var rule = Thresholds.fallback(for: metric)
        for entry in defaults where entry.matches(suite: suite, result: result, metric: metric.key) {
            entry.apply(to: &rule)
        }
        for entry in overrides where entry.matches(suite: suite, result: result, metric: metric.key) {
            entry.apply(to: &rule)
        }
        return rule
    }

    /// The rule a metric gets from its unit and direction alone, before any entry applies:
    /// counts are exact (and so deterministic, `MetricClass`), bytes get +5 % with a 64 KiB floor,
    /// everything else ±10 %.
    public static func fallback(for metric: Metric) -> ThresholdRule {
        guard metric.better == .lower else { return ThresholdRule(maxRegression: 0.10) }
        switch metric.unit {
        case .count:
            return ThresholdRule(maxRegression: 0, exact: true)
        case .bytes:
            return ThresholdRule(maxRegression: 0.05, floor: 65_536)
        default:
            return ThresholdRule(maxRegression: 0.10)
        }
    }
}
