public import PerfResult

/// One metric's values over a history and its change points.
public struct MetricTrend: Sendable {
    /// The suite.
    public var suite: String
    /// The result's full name.
    public var result: String
    /// The metric key.
    public var metric: String
    /// The unit of every point.
    public var unit: Metric.Unit
    /// Which direction is better, deciding which changes are regressions.
    public var better: Metric.Direction
    /// Whether the thresholds gate this metric (`false`: report only).
    public var gated: Bool
    /// The values in commit order.
    public var points: [TrendPoint]
    /// The change points, in commit order.
    public var changePoints: [TrendChangePoint]
}

/// A metric's value at one commit.
public struct TrendPoint: Sendable, Hashable {
    /// The history entry's sequence number.
    public var sequence: Int
    /// The commit.
    public var commit: String
    /// The metric's `value` in that commit's report.
    public var value: Double
}
