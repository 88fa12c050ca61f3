import PerfResult

/// The change points of every metric of a performance history: per suite, result and metric, its values in
/// commit order and where its mean shifted (`ChangePointDetector`, Apache Otava's method).
///
/// ```swift
/// let history = try PerformanceHistory.read(from: "perf-history")
/// let outcome = TrendOutcome.analyze(history)
/// print(outcome.textReport())        // one row per change point, newest first
/// ```
public struct TrendOutcome: Sendable {
    /// The history's directory.
    public var historyDirectory: String
    /// The commits of the history, in sequence order.
    public var commits: [HistoryCommit]
    /// The detection parameters used.
    public var options: ChangePointOptions
    /// One trend per suite, result, metric key, unit and direction, ordered by suite, then result, then
    /// the order metrics first appear in.
    public var trends: [MetricTrend]

    /// Analyses every metric of `history`: each metric's `value` at each commit that has it, in commit
    /// order (a result missing at some commits just has fewer points). A metric whose unit or direction
    /// changed is two series. `thresholds` only decide which metrics are gated (`MetricTrend.gated`).
    /// - Complexity: O(points · w²) for windows of *w* points (see `ChangePointDetector`).
    public static func analyze(
        _ history: PerformanceHistory, options: ChangePointOptions = .otavaDefaults, thresholds: Thresholds = .shipped
    ) -> TrendOutcome {
        struct Key: Hashable {
            var suite: String
            var result: String
            var metric: String
            var unit: Metric.Unit
            var better: Metric.Direction
        }
        var keys: [Key] = []
        var pointsByKey: [Key: [TrendPoint]] = [:]
        var latest: [Key: Metric] = [:]
        for entry in history.entries {
            for report in entry.reports {
                for result in report.results {
                    for metric in result.metrics {
                        let key = Key(
                            suite: report.suite, result: result.name, metric: metric.key, unit: metric.unit,
                            better: metric.better)
                        if pointsByKey[key] == nil { keys.append(key) }
                        pointsByKey[key, default: []].append(
                            TrendPoint(sequence: entry.sequence, commit: entry.commit, value: metric.value))
                        latest[key] = metric
                    }
                }
            }
        }
        let order = keys.indices.sorted { left, right in
            let (a, b) = (keys[left], keys[right])
            if a.suite != b.suite { return a.suite < b.suite }
            if a.result != b.result { return a.result < b.result }
            return left < right
        }
        let detector = ChangePointDetector(options: options)
        let trends = order.map { position in
            let key = keys[position]
            let points = pointsByKey[key]!
            let gated = thresholds.rule(suite: key.suite, result: key.result, metric: latest[key]!).gate
            let found = detector.changePoints(in: points.map(\.value))
            return MetricTrend(
                suite: key.suite, result: key.result, metric: key.metric, unit: key.unit, better: key.better,
                gated: gated, points: points,
                changePoints: found.map { TrendChangePoint(point: $0, in: points, better: key.better) })
        }
        return TrendOutcome(
            historyDirectory: history.directory,
            commits: history.entries.map { HistoryCommit(sequence: $0.sequence, commit: $0.commit) }, options: options,
            trends: trends)
    }

    /// Every change point, newest first (by the commit after the change), then by suite, result and
    /// metric; report-only metrics only when `includingReportOnly`.
    public func changeRows(includingReportOnly: Bool = false) -> [TrendChangeRow] {
        var rows: [TrendChangeRow] = []
        for (position, trend) in trends.enumerated() where trend.gated || includingReportOnly {
            for point in trend.changePoints {
                rows.append(TrendChangeRow(trendIndex: position, trend: trend, change: point))
            }
        }
        return rows.sorted { a, b in
            a.change.sequence != b.change.sequence ? a.change.sequence > b.change.sequence : a.trendIndex < b.trendIndex
        }
    }
}
