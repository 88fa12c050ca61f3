public import PerfResult

/// One row of the check: a metric of a result, baseline against current, with its verdict and why.
///
/// A result that exists on one side only has one row per metric, with verdict `.new` (its current figure)
/// or `.gone` (its baseline figure) and `wholeResult` set, its headline metrics first; a result without
/// metrics is one row with `metric == nil`. A metric that exists on one side only has the same verdicts.
public struct MetricComparison: Sendable, Hashable {
    /// How the verdict was reached.
    public enum Basis: Sendable, Hashable {
        /// The Mann–Whitney U test on the raw samples, with the threshold on the medians.
        case test(MannWhitney.Outcome)
        /// Too few samples for a test: the threshold × the low-confidence factor decided.
        case lowConfidence
        /// An exact metric: any worsening is a regression.
        case exact
        /// Nothing was compared (new or gone).
        case none
    }

    /// The suite, e.g. `micro`.
    public var suite: String
    /// The full result name, e.g. `stringOps/concat[size=16]`.
    public var result: String
    /// The metric key, or `nil` for a whole result that is new or gone.
    public var metric: String?
    /// The baseline's metric, when there is one.
    public var baseline: Metric?
    /// The current metric, when there is one.
    public var current: Metric?
    /// The baseline figure compared: the median of the samples, or the value when there are none
    /// (always the value for series).
    public var baselineValue: Double?
    /// The current figure compared, chosen as for `baselineValue`.
    public var currentValue: Double?
    /// The rule that applied (for a new or gone row: the rule that would apply, which decides whether it
    /// is charted).
    public var rule: ThresholdRule?
    /// How the verdict was reached.
    public var basis: Basis
    /// The relative limit that decided: the rule's `maxRegression`, times the low-confidence factor
    /// when there were too few samples; `nil` for exact rules and one-sided rows.
    public var limit: Double?
    /// The verdict.
    public var verdict: Verdict
    /// Why, in a few words when it is not obvious: `low confidence`, `report only`,
    /// `environment differs`, `exact`.
    public var note: String?
    /// Whether the whole result is on one side only (new or gone), not only this metric.
    public var wholeResult = false
    /// Whether the metric is one of its result's headline metrics (`HeadlineMetrics.select(from:)`): the
    /// terminal table shows only those of a whole new or gone result.
    public var headline = true

    /// The signed relative change `(current − baseline) / |baseline|`, or `nil` when either side is
    /// missing or the baseline is zero.
    public var change: Double? {
        guard let baselineValue, let currentValue, baselineValue != 0 else { return nil }
        return (currentValue - baselineValue) / abs(baselineValue)
    }

    /// Current over baseline as a cost (above 1 is worse): `current / baseline` for lower-is-better,
    /// `baseline / current` for higher-is-better; `nil` unless both are positive.
    public var costRatio: Double? {
        guard let baselineValue, let currentValue, baselineValue > 0, currentValue > 0,
            let better = (current ?? baseline)?.better
        else { return nil }
        return better == .lower ? currentValue / baselineValue : baselineValue / currentValue
    }

    /// The p-value of the test, when one ran.
    public var pValue: Double? {
        if case let .test(outcome) = basis { return outcome.pValue }
        return nil
    }

    /// The metric's unit, from whichever side has it.
    public var unit: Metric.Unit? { (current ?? baseline)?.unit }
}
