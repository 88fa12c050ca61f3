import PerfSupport

/// A bound a benchmark declares on one of its own metrics: its performance contract, shipped with the
/// benchmark and applied by the gate on top of the thresholds file.
///
/// ```swift
/// suite.bench("parse", limits: ["allocsPerOp": .exactly(0), "retainsPerOp": .atMost(2), "nsPerOp": .relative(percent: 5)]) {
///     blackHole(parse(line))
/// }
/// ```
///
/// The absolute bounds hold against the current figure whatever the baseline (also for a result the
/// baseline does not have yet); `relative` tightens the thresholds file's allowed worsening against the
/// baseline for this result and metric (a looser one changes nothing: the stricter applies). In a report
/// (`perfresult/1`) limits are the result's `limits` member, e.g. `{ "allocsPerOp": { "exactly": 0 } }`.
public enum Limit: Sendable, Hashable {
    /// The figure must equal this value (an exact count: `allocsPerOp` 0).
    case exactly(Double)
    /// The figure must not exceed this value.
    case atMost(Double)
    /// The figure must not fall below this value (a throughput).
    case atLeast(Double)
    /// Against the baseline, the figure may worsen by at most this many percent (in the metric's worse
    /// direction).
    case relative(percent: Double)

    /// Whether `value` satisfies an absolute bound; `nil` for `relative`, which needs a baseline.
    /// `exactly` compares to a relative 1e-9, so that a count divided by operations still matches.
    public func admits(_ value: Double) -> Bool? {
        switch self {
        case let .exactly(bound): return abs(value - bound) <= max(abs(bound), 1) * 1e-9
        case let .atMost(bound): return value <= bound + max(abs(bound), 1) * 1e-9
        case let .atLeast(bound): return value >= bound - max(abs(bound), 1) * 1e-9
        case .relative: return nil
        }
    }

    /// The bound as people read it: `= 0`, `≤ 2`, `≥ 1,000`, `+5 %`.
    public var summary: String {
        switch self {
        case let .exactly(bound): return "= \(NumberText.significant(bound))"
        case let .atMost(bound): return "≤ \(NumberText.significant(bound))"
        case let .atLeast(bound): return "≥ \(NumberText.significant(bound))"
        case let .relative(percent): return "+\(NumberText.fixed(percent, decimals: 1, trimmingZeros: true)) %"
        }
    }

    /// Why the limit is not usable, or `nil`: bounds must be finite, a relative limit not negative.
    public var problem: String? {
        switch self {
        case let .exactly(bound), let .atMost(bound), let .atLeast(bound):
            return bound.isFinite ? nil : "its bound must be a finite number"
        case let .relative(percent):
            return percent.isFinite && percent >= 0 ? nil : "a relative limit must be a finite percentage ≥ 0"
        }
    }
}
