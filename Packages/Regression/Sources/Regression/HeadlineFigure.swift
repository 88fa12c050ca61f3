public import PerfResult
public import PerfSupport

/// One headline metric of a current result as the summaries show it: the figure with its uncertainty, and
/// its change against the baseline when there is one.
///
/// The figure is the one the gate compares (the median of the samples, else the value); its uncertainty is
/// the distribution-free 95 % interval of the median of the samples (`SortedSample.medianInterval(level:)`;
/// none for series and for metrics without at least 2 samples, and not printed when every sample is the same).
public struct HeadlineFigure: Sendable, Hashable {
    /// The result, e.g. `stringOps/concat[size=16]`.
    public var result: String
    /// The metric key, one of `HeadlineMetrics.keys` (or the result's own keys when it has none of them).
    public var metric: String
    /// The current figure.
    public var value: Double
    /// The metric's unit.
    public var unit: Metric.Unit
    /// The 95 % interval of the median of the current samples, when there is one.
    public var interval: MedianInterval?
    /// The row the figure comes from, for its change and verdict.
    public var row: MetricComparison

    /// The cell text: `41.5 ns ±2.4 %`; `0.98 ±1.0 % (94 % interval)` when too few samples reach 95 %;
    /// with the change when compared, marked (`Verdict.symbol`) when it regressed or warns:
    /// `108 ns ±2.4 % (+20.1 % ✗)`. Without `mark`, for a renderer that draws the mark itself.
    public func text(mark: Bool = true) -> String {
        var text = NumberText.significant(value)
        switch unit {
        case .count, .ratio: break
        case .percent: text += " %"
        default: text += " \(unit.rawValue)"
        }
        if let interval, interval.upper > interval.lower, value != 0 {
            // The larger side, so that the ± never understates a skewed interval.
            let half = max(interval.upper - value, value - interval.lower) / abs(value)
            text += " ±\(NumberText.fixed(half * 100, decimals: 1)) %"
            if !interval.reachesLevel {
                text += " (\(NumberText.fixed(interval.coverage * 100, decimals: 0)) % interval)"
            }
        }
        if row.baselineValue != nil {
            let marked = mark && (row.verdict == .regression || row.verdict == .warning)
            text += " (\(row.changeCell)\(marked ? " \(row.verdict.symbol)" : ""))"
        }
        return text
    }

    /// Lays figures out as a table: one row per result (in order of first appearance), one column per
    /// metric key (headline keys in the order of `HeadlineMetrics.keys`, then others as they come), `nil`
    /// where a result lacks a key.
    /// - Complexity: O(*f* × *k*) for *f* figures of *k* keys.
    public static func table(_ figures: [HeadlineFigure])
        -> (keys: [String], rows: [(result: String, figures: [HeadlineFigure?])])
    {
        var keys: [String] = []
        var results: [String] = []
        var byResult: [String: [String: HeadlineFigure]] = [:]
        for figure in figures {
            if !keys.contains(figure.metric) { keys.append(figure.metric) }
            if byResult[figure.result] == nil { results.append(figure.result) }
            byResult[figure.result, default: [:]][figure.metric] = figure
        }
        // Headline keys in their canonical order, then a suite's own keys as they came.
        let rank = { (key: String) in HeadlineMetrics.keys.firstIndex(of: key) ?? HeadlineMetrics.keys.count }
        keys = keys.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
        return (keys, results.map { result in (result, keys.map { byResult[result]?[$0] }) })
    }
}

extension SuiteComparison {
    /// The headline figures of every current result, in row order (a result's headline metrics in the order
    /// of `HeadlineMetrics.keys`); gone results have none.
    /// - Complexity: O(rows + samples × log samples).
    public var headlineFigures: [HeadlineFigure] {
        rows.compactMap { row in
            guard row.headline, let metric = row.metric, let current = row.current, let value = row.currentValue
            else { return nil }
            let series = row.rule?.series ?? false
            let samples = series ? [] : current.samples ?? []
            let interval = samples.count >= 2 ? SortedSample(samples).medianInterval(level: 0.95) : nil
            return HeadlineFigure(
                result: row.result, metric: metric, value: value, unit: current.unit, interval: interval, row: row)
        }
    }
}
