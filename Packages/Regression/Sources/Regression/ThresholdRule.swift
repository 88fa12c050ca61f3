import PerfSupport

/// How much worse one metric may get before it counts as a regression: the rule resolved for one
/// suite, result and metric from `Thresholds`.
///
/// A metric regresses when it is worse than its baseline by more than `maxRegression` (relative to
/// the baseline) **and** by more than `floor` (absolute, in the metric's unit). Direction comes from
/// the metric (`better`), so `maxRegression = 0.10` means "10 % slower" for a time and "10 % fewer"
/// for a throughput.
public struct ThresholdRule: Sendable, Hashable {
    /// The largest allowed relative worsening, as a fraction of the baseline (0.10 for 10 %).
    public var maxRegression: Double
    /// The smallest absolute worsening, in the metric's unit, that can count as a regression; it keeps
    /// tiny and zero baselines (a few bytes, zero errors) from failing on noise.
    public var floor: Double
    /// Any worsening at all is a regression (allocation counts); no statistics apply.
    public var exact: Bool
    /// Whether a regression of this metric can fail the check; `false` shows it and never fails.
    public var gate: Bool
    /// The metric's samples are a series over time (heap after each iteration), not repeated
    /// measurements: the headline `value` is compared, and no significance test is run on them.
    public var series: Bool
    /// Whether the metric is a count that only the code and the toolchain decide (see `MetricClass`);
    /// `nil` follows `exact`: an exact rule is deterministic unless it says otherwise.
    public var deterministic: Bool?

    /// Creates a rule.
    /// - Precondition: `maxRegression` and `floor` are finite and not negative.
    public init(
        maxRegression: Double, floor: Double = 0, exact: Bool = false, gate: Bool = true, series: Bool = false,
        deterministic: Bool? = nil
    ) {
        precondition(maxRegression.isFinite && maxRegression >= 0, "maxRegression must be finite and >= 0")
        precondition(floor.isFinite && floor >= 0, "floor must be finite and >= 0")
        self.maxRegression = maxRegression
        self.floor = floor
        self.exact = exact
        self.gate = gate
        self.series = series
        self.deterministic = deterministic
    }

    /// The metric's class: `deterministic` when the rule says so (or, saying nothing, is exact), which decides
    /// the environments whose baselines gate it.
    public var metricClass: MetricClass {
        (deterministic ?? exact) ? .deterministic : .machineDependent
    }

    /// The threshold as people write it: `+10 %`, `exact`, with the floor when there is one, and
    /// `deterministic` for a deterministic rule that is not exact.
    public var summary: String {
        var text = exact ? "exact" : "\(NumberText.fixed(maxRegression * 100, decimals: 1, trimmingZeros: true)) %"
        if floor > 0 { text += ", floor \(NumberText.significant(floor))" }
        if series { text += ", series" }
        if !exact && metricClass == .deterministic { text += ", deterministic" }
        if !gate { text += ", report only" }
        return text
    }
}
