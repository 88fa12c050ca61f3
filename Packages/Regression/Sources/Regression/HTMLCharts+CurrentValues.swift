import PerfResult
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The baseline-vs-current chart of results without a baseline: current bars only, in the metric's unit,
/// so that a first run (no baselines yet) has charts too.
extension HTMLCharts {
    /// The rows a suite's current-values charts draw, grouped by key in order of first appearance: the new
    /// rows of gated metrics that are headline metrics (`HeadlineMetrics`), or every new row of a gated
    /// metric when no headline row qualifies; a key whose rows are all 0 is left out.
    /// - Complexity: O(rows).
    static func currentValueGroups(_ rows: [MetricComparison]) -> [(key: String, rows: [MetricComparison])] {
        var keys: [String] = []
        var rowsByKey: [String: [MetricComparison]] = [:]
        for row in rows where row.verdict == .new && row.rule?.gate == true && row.currentValue?.isFinite == true {
            guard let key = row.metric else { continue }
            if rowsByKey[key] == nil { keys.append(key) }
            rowsByKey[key, default: []].append(row)
        }
        func drawable(_ rows: [MetricComparison]) -> Bool { rows.contains { $0.currentValue != 0 } }
        let headline = keys.map { key in (key, rowsByKey[key]!.filter(\.headline)) }.filter { drawable($0.1) }
        return headline.isEmpty ? keys.map { ($0, rowsByKey[$0]!) }.filter { drawable($0.1) } : headline
    }

    /// Horizontal bars of the current figures of one metric key, one per row (at most `maximumBars`, the
    /// first ones), each labelled with its value. The axis is logarithmic when the positive values span
    /// more than two decades and none is negative (a micro suite's ns/op go from 1 to 10⁵), else linear
    /// and including 0 (bars left of it for negative values such as a shrinking heap's slope); `nil` when
    /// every value is 0.
    static func currentValues(suite: String, key: String, rows allRows: [MetricComparison]) -> String? {
        let total = allRows.count
        let rows = Array(allRows.prefix(maximumBars))
        let values = rows.compactMap(\.currentValue)
        guard values.count == rows.count, let largest = values.max(), let smallest = values.min(),
            largest != 0 || smallest != 0
        else { return nil }
        let unit = rows[0].unitCell
        let smallestPositive = values.filter { $0 > 0 }.min() ?? 0
        let logarithmic = smallest >= 0 && largest / smallestPositive > 100
        let ticks: [Double]
        if logarithmic {
            let low = Int(log10(smallestPositive).rounded(.down))
            let high = max(Int(log10(largest).rounded(.up)), low + 1)
            ticks = (low...high).map { pow(10, Double($0)) }
        } else {
            ticks = NiceScale.ticks(minimum: min(0, smallest), maximum: max(0, largest), count: 5)
        }
        let (axisStart, axisEnd) = (ticks.first!, ticks.last!)
        let labelWidth = 300.0
        let plotWidth = 480.0
        let rowHeight = 20.0
        let top = 10.0
        let height = top + Double(rows.count) * rowHeight + 36
        func x(_ value: Double) -> Double {
            guard logarithmic else { return labelWidth + (value - axisStart) / (axisEnd - axisStart) * plotWidth }
            guard value > 0 else { return labelWidth }
            return labelWidth + (log10(value) - log10(axisStart)) / (log10(axisEnd) - log10(axisStart)) * plotWidth
        }

        var canvas = SVGCanvas(width: labelWidth + plotWidth + 110, height: height)
        let bottom = top + Double(rows.count) * rowHeight
        for tick in ticks {
            canvas.line(x(tick), top, x(tick), bottom, class: "grid")
            canvas.text(x(tick), bottom + 16, NumberText.significant(tick), anchor: .middle)
        }
        let origin = logarithmic ? labelWidth : x(0)
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            let name = row.result.count > 44 ? String(row.result.prefix(43)) + "…" : row.result
            canvas.text(labelWidth - 8, y + 14, name, anchor: .end)
            let end = x(row.currentValue!)
            canvas.rect(
                x: min(origin, end), y: y + 5, width: abs(end - origin), height: 11,
                class: "bar-current v-\(row.verdict.rawValue)",
                title: "\(row.result) current \(row.currentCell) \(unit) (new: no baseline yet)")
            canvas.text(labelWidth + plotWidth + 6, y + 14, "\(row.currentCell) \(unit)", class: "label change")
        }
        canvas.line(origin, top, origin, bottom, class: "axis")
        let scale = logarithmic ? "log scale" : "linear scale"
        canvas.text(labelWidth + plotWidth / 2, height - 4, "current \(key) (\(unit), \(scale))", anchor: .middle)
        let shown = total > rows.count ? " (the first \(rows.count) of \(total))" : ""
        return figure(
            kind: "baseline-vs-current current-only", suite: suite, result: nil, metric: key,
            caption: "\(key): current values of the results without a baseline (\(unit), \(scale))\(shown). "
                + "No baseline yet: make perf-baseline records one; later runs chart current against it.",
            svg: canvas.render(label: "\(suite) \(key) current values without a baseline"))
    }
}
