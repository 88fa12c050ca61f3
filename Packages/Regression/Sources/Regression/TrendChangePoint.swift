import PerfResult

/// A change point of a metric's history, placed at the commit where the new level starts.
public struct TrendChangePoint: Sendable, Hashable {
    /// The index in `MetricTrend.points` of the first point at the new level.
    public var index: Int
    /// The commit of that point: the first commit measured after the change.
    public var commit: String
    /// Its sequence number.
    public var sequence: Int
    /// The last commit measured before the change; the change came in between.
    public var previousCommit: String
    /// The mean from the previous change point (or the start) up to this one.
    public var meanBefore: Double
    /// The mean from this change point up to the next (or the end).
    public var meanAfter: Double
    /// `meanAfter / meanBefore − 1`; `nil` when `meanBefore` is 0.
    public var relativeChange: Double?
    /// The t test's two-sided p-value.
    public var pValue: Double
    /// Whether the new level is worse, given the metric's `better` direction.
    public var isRegression: Bool
    /// The detector's full statistics.
    public var statistics: ChangePoint

    init(point: ChangePoint, in points: [TrendPoint], better: Metric.Direction) {
        index = point.index
        commit = points[point.index].commit
        sequence = points[point.index].sequence
        previousCommit = points[point.index - 1].commit
        meanBefore = point.meanBefore
        meanAfter = point.meanAfter
        relativeChange = point.meanBefore == 0 ? nil : point.relativeChange
        pValue = point.pValue
        isRegression = better == .lower ? point.meanAfter > point.meanBefore : point.meanAfter < point.meanBefore
        statistics = point
    }
}

/// A change point with the metric it belongs to, as the tables list them.
public struct TrendChangeRow: Sendable {
    /// The position of the trend in `TrendOutcome.trends`.
    public var trendIndex: Int
    /// The metric's trend.
    public var trend: MetricTrend
    /// The change point.
    public var change: TrendChangePoint
}
