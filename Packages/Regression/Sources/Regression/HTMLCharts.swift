import PerfResult
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The charts of the HTML report, each an inline SVG in a `<figure>` whose class names its kind:
/// `baseline-vs-current` (with `current-only` for results without a baseline), `latency-curve`,
/// `rps-series`, `heap-series`, `series`, `parameter-curve` (a sweep against its numeric parameter).
enum HTMLCharts {
    /// At most this many bars in one baseline-vs-current chart: the largest changes are kept.
    static let maximumBars = 60

    // MARK: Baseline vs current

    /// Horizontal bar pairs, one per row: the baseline at 100 %, the current figure relative to it
    /// (coloured by verdict), the interquartile range of the current samples as a whisker, and the limit
    /// as a red tick. `key` names the metric when every row has the same one; otherwise bars are labelled
    /// `result · metric`.
    static func baselineVersusCurrent(suite: String, key: String?, rows allRows: [MetricComparison]) -> String? {
        var rows = allRows.filter { row in
            guard let baseline = row.baselineValue, let current = row.currentValue else { return false }
            return baseline > 0 && current >= 0
        }
        guard !rows.isEmpty else { return nil }
        let total = rows.count
        if rows.count > maximumBars {
            let kept = Set(
                rows.indices.sorted { abs(log(ratio(rows[$0]) + 1e-12)) > abs(log(ratio(rows[$1]) + 1e-12)) }
                    .prefix(maximumBars))
            rows = rows.indices.filter(kept.contains).map { rows[$0] }
        }
        let unit = key == nil ? "" : rows[0].unitCell
        let labelWidth = 300.0
        let plotWidth = 480.0
        let rowHeight = 26.0
        let top = 10.0
        let height = top + Double(rows.count) * rowHeight + 36
        var extent = 1.0
        for row in rows {
            extent = max(extent, ratio(row), limitPosition(row) ?? 0, quartiles(row)?.upper ?? 0)
        }
        extent = min(extent * 1.05, 4)
        let ticks = NiceScale.ticks(maximum: extent, count: 5)
        let axisEnd = ticks.last ?? extent
        func x(_ value: Double) -> Double { labelWidth + min(value, axisEnd) / axisEnd * plotWidth }

        var canvas = SVGCanvas(width: labelWidth + plotWidth + 90, height: height)
        let bottom = top + Double(rows.count) * rowHeight
        for tick in ticks {
            canvas.line(x(tick), top, x(tick), bottom, class: tick == 1 ? "grid baseline-line" : "grid")
            canvas.text(x(tick), bottom + 16, NumberText.fixed(tick * 100, decimals: 0) + " %", anchor: .middle)
        }
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            let full = key == nil ? "\(row.result) · \(row.metricCell)" : row.result
            let name = full.count > 44 ? String(full.prefix(43)) + "…" : full
            canvas.text(labelWidth - 8, y + 16, name, anchor: .end)
            canvas.rect(
                x: x(0), y: y + 4, width: x(1) - x(0), height: 7, class: "bar-baseline",
                title: "\(full) baseline \(row.baselineCell) \(row.unitCell)")
            let current = ratio(row)
            canvas.rect(
                x: x(0), y: y + 12, width: x(current) - x(0), height: 9, class: "bar-current v-\(row.verdict.rawValue)",
                title:
                    "\(full) current \(row.currentCell) \(row.unitCell) (\(row.changeCell), \(HTML.verdictWords(row)))")
            if let range = quartiles(row) {
                canvas.line(x(range.lower), y + 16.5, x(range.upper), y + 16.5, class: "whisker")
            }
            if let limit = limitPosition(row) {
                canvas.line(x(limit), y + 2, x(limit), y + rowHeight - 2, class: "limit")
            }
            canvas.text(x(axisEnd) + 6, y + 20, row.changeCell, class: "label change")
        }
        let what = key.map { "\($0), \(unit)" } ?? "metrics compared once in this suite"
        canvas.text(labelWidth + plotWidth / 2, height - 4, "current as % of baseline (\(what))", anchor: .middle)
        let shown = total > rows.count ? " (the \(rows.count) largest changes of \(total))" : ""
        return figure(
            kind: "baseline-vs-current", suite: suite, result: nil, metric: key,
            caption: "\(key ?? "Other metrics"): current vs baseline, baseline = 100 %\(shown). Grey: baseline; "
                + "coloured: current (by verdict); whisker: current samples' interquartile range; red tick: the limit.",
            svg: canvas.render(label: "\(suite) \(key ?? "other metrics") current versus baseline"))
    }

    private static func ratio(_ row: MetricComparison) -> Double {
        guard let baseline = row.baselineValue, let current = row.currentValue, baseline > 0 else { return 1 }
        return current / baseline
    }

    private static func limitPosition(_ row: MetricComparison) -> Double? {
        guard let limit = row.limit, let better = row.current?.better, row.rule?.exact != true else { return nil }
        return better == .lower ? 1 + limit : max(0, 1 - limit)
    }

    private static func quartiles(_ row: MetricComparison) -> (lower: Double, upper: Double)? {
        guard let baseline = row.baselineValue, baseline > 0, row.rule?.series != true,
            let samples = row.current?.samples, samples.count >= 4
        else { return nil }
        let sorted = SortedSample(samples)
        return (sorted.quantile(0.25) / baseline, sorted.quantile(0.75) / baseline)
    }

    // MARK: Latency percentile curve

    /// The latency metrics of a load scenario and where each sits on the x axis (−log₁₀(1 − q):
    /// one step per "nine"); `latencyMaxMs` goes one step past the last percentile.
    static let latencyPercentiles: [(key: String, label: String, position: Double)] = [
        ("latencyP50Ms", "p50", log10(2)), ("latencyP75Ms", "p75", log10(4)), ("latencyP90Ms", "p90", 1),
        ("latencyP95Ms", "p95", log10(20)), ("latencyP99Ms", "p99", 2), ("latencyP99_9Ms", "p99.9", 3),
        ("latencyP99_99Ms", "p99.99", 4), ("latencyMaxMs", "max", 5),
    ]

    /// The percentile curve of one result, baseline and current, when it has at least two latency
    /// percentile metrics.
    static func latencyCurve(suite: String, current: Result, baseline: Result?) -> String? {
        func points(_ result: Result?) -> [(label: String, position: Double, value: Double)] {
            guard let result else { return [] }
            return latencyPercentiles.compactMap { entry in
                result[entry.key].map { (entry.label, entry.position, $0.value) }
            }
        }
        let now = points(current)
        guard now.count >= 2 else { return nil }
        let before = points(baseline)
        let positions = (now + before).map(\.position)
        let low = positions.min()!
        let high = positions.max()!
        let peak = (now + before).map(\.value).max() ?? 1
        let ticks = NiceScale.ticks(maximum: max(peak, 1e-9))
        let axisTop = ticks.last!
        let (left, right, top, bottom) = (60.0, 600.0, 14.0, 220.0)
        func x(_ position: Double) -> Double { left + (position - low) / max(high - low, 1e-9) * (right - left) }
        func y(_ value: Double) -> Double { bottom - value / axisTop * (bottom - top) }

        var canvas = SVGCanvas(width: right + 130, height: bottom + 40)
        for tick in ticks {
            canvas.line(left, y(tick), right, y(tick), class: "grid")
            canvas.text(left - 6, y(tick) + 4, NumberText.significant(tick), anchor: .end)
        }
        var labels: [Double: String] = [:]
        for point in now + before { labels[point.position] = point.label }
        for (position, label) in labels.sorted(by: { $0.key < $1.key }) {
            canvas.line(x(position), bottom, x(position), bottom + 4, class: "axis")
            canvas.text(x(position), bottom + 18, label, anchor: .middle)
        }
        canvas.line(left, bottom, right, bottom, class: "axis")
        if before.count >= 2 {
            canvas.polyline(before.map { (x($0.position), y($0.value)) }, class: "series-baseline")
            for point in before {
                canvas.circle(
                    x(point.position), y(point.value), radius: 3, class: "dot-baseline",
                    title: "baseline \(point.label) \(NumberText.significant(point.value)) ms")
            }
        }
        canvas.polyline(now.map { (x($0.position), y($0.value)) }, class: "series-current")
        for point in now {
            canvas.circle(
                x(point.position), y(point.value), radius: 3.5, class: "dot-current",
                title: "current \(point.label) \(NumberText.significant(point.value)) ms")
        }
        legend(&canvas, x: right + 12, y: top + 6, hasBaseline: before.count >= 2)
        canvas.text(left - 50, top - 2, "ms", class: "label axis-title")
        return figure(
            kind: "latency-curve", suite: suite, result: current.name, metric: nil,
            caption: "\(current.name): latency by percentile (ms), baseline and current",
            svg: canvas.render(label: "\(suite) \(current.name) latency percentiles"))
    }

    // MARK: Series

    /// A line chart of a metric's samples in order (requests/s per second, heap per iteration sample),
    /// baseline and current.
    static func series(
        kind: String, suite: String, result: String, key: String, current: Metric?, baseline: Metric?, title: String,
        xLabel: String
    ) -> String? {
        let now = current?.samples ?? []
        let before = baseline?.samples ?? []
        guard now.count >= 2 || before.count >= 2 else { return nil }
        let count = max(now.count, before.count)
        let values = now + before
        let minimum = min(0, values.min()!)
        let ticks = NiceScale.ticks(minimum: minimum, maximum: max(values.max()!, minimum + 1e-9))
        let (bottomValue, topValue) = (ticks.first!, ticks.last!)
        let (left, right, top, bottom) = (70.0, 600.0, 14.0, 200.0)
        func x(_ index: Int) -> Double { left + Double(index) / Double(max(count - 1, 1)) * (right - left) }
        func y(_ value: Double) -> Double { bottom - (value - bottomValue) / (topValue - bottomValue) * (bottom - top) }

        var canvas = SVGCanvas(width: right + 130, height: bottom + 40)
        for tick in ticks {
            canvas.line(left, y(tick), right, y(tick), class: "grid")
            canvas.text(left - 6, y(tick) + 4, NumberText.significant(tick), anchor: .end)
        }
        canvas.line(left, bottom, right, bottom, class: "axis")
        // Sample numbers are whole: ticks at 2.5 steps would sit between samples.
        for tick in NiceScale.ticks(maximum: Double(count), count: 6)
        where tick >= 1 && tick <= Double(count) && tick == tick.rounded() {
            let index = Int(tick) - 1
            canvas.line(x(index), bottom, x(index), bottom + 4, class: "axis")
            canvas.text(x(index), bottom + 18, NumberText.significant(tick), anchor: .middle)
        }
        if before.count >= 2 {
            canvas.polyline(before.enumerated().map { (x($0.offset), y($0.element)) }, class: "series-baseline")
        }
        if now.count >= 2 {
            canvas.polyline(now.enumerated().map { (x($0.offset), y($0.element)) }, class: "series-current")
        }
        legend(&canvas, x: right + 12, y: top + 6, hasBaseline: before.count >= 2)
        canvas.text((left + right) / 2, bottom + 36, xLabel, anchor: .middle)
        let unit = (current ?? baseline)?.unit.rawValue ?? ""
        return figure(
            kind: kind, suite: suite, result: result, metric: key, caption: "\(result): \(title) (\(key), \(unit))",
            svg: canvas.render(label: "\(suite) \(result) \(title)"))
    }

    // MARK: Parts

    private static func legend(_ canvas: inout SVGCanvas, x: Double, y: Double, hasBaseline: Bool) {
        canvas.line(x, y, x + 22, y, class: "series-current")
        canvas.text(x + 28, y + 4, "current")
        if hasBaseline {
            canvas.line(x, y + 18, x + 22, y + 18, class: "series-baseline")
            canvas.text(x + 28, y + 22, "baseline")
        }
    }

    static func figure(
        kind: String, suite: String, result: String?, metric: String?, caption: String, svg: String
    )
        -> String
    {
        var attributes = "class=\"chart \(kind)\" data-suite=\"\(HTML.escape(suite))\""
        if let result { attributes += " data-result=\"\(HTML.escape(result))\"" }
        if let metric { attributes += " data-metric=\"\(HTML.escape(metric))\"" }
        return "<figure \(attributes)>\(svg)<figcaption>\(HTML.escape(caption))</figcaption></figure>\n"
    }
}
