import PerfResult
import PerfSupport

/// A sweep's metric against its numeric parameter: throughput or p99 against instance count, one line per
/// value of the other parameters.
extension HTMLCharts {
    /// Line colours cycle through this many classes (`sweep-0` …).
    static let sweepColours = 6

    /// One metric of `sweep` against its parameter: x from the smallest to the largest parameter value, ticks
    /// at each value (at most 12; round numbers beyond), y linear from 0 (or the lowest negative value), one
    /// polyline with dots per series, a legend of the series. `nil` when no series has two points with `key`.
    static func parameterCurve(suite: String, sweep: ParameterSweep, key: String) -> String? {
        let lines = sweep.series.map { series in
            (
                label: series.label,
                points: series.points.compactMap { point in point.result[key].map { (point.x, $0.value) } }
            )
        }
        let values = lines.flatMap(\.points)
        guard lines.contains(where: { $0.points.count >= 2 }), let unit = sweep.series.first?.points.first?.result[key]
        else { return nil }
        let xs = Set(values.map(\.0)).sorted()
        let (low, high) = (xs.first!, xs.last!)
        let minimum = min(0, values.map(\.1).min()!)
        let ticks = NiceScale.ticks(minimum: minimum, maximum: max(values.map(\.1).max()!, minimum + 1e-9))
        let (bottomValue, topValue) = (ticks.first!, ticks.last!)
        let (left, right, top, bottom) = (70.0, 560.0, 14.0, 200.0)
        func x(_ value: Double) -> Double { left + (value - low) / max(high - low, 1e-12) * (right - left) }
        func y(_ value: Double) -> Double { bottom - (value - bottomValue) / (topValue - bottomValue) * (bottom - top) }

        var canvas = SVGCanvas(width: right + 190, height: bottom + 40)
        for tick in ticks {
            canvas.line(left, y(tick), right, y(tick), class: "grid")
            canvas.text(left - 6, y(tick) + 4, NumberText.significant(tick), anchor: .end)
        }
        canvas.line(left, bottom, right, bottom, class: "axis")
        let xTicks = xs.count <= 12 ? xs : NiceScale.ticks(minimum: low, maximum: high, count: 6).filter { $0 <= high }
        for tick in xTicks {
            canvas.line(x(tick), bottom, x(tick), bottom + 4, class: "axis")
            canvas.text(x(tick), bottom + 18, NumberText.significant(tick), anchor: .middle)
        }
        for (index, line) in lines.enumerated() where !line.points.isEmpty {
            let colour = "sweep-\(index % sweepColours)"
            if line.points.count >= 2 {
                canvas.polyline(line.points.map { (x($0.0), y($0.1)) }, class: "sweep-line \(colour)")
            }
            for point in line.points {
                canvas.circle(
                    x(point.0), y(point.1), radius: 3.5, class: "sweep-dot \(colour)",
                    title: "\(line.label), \(sweep.parameter)=\(NumberText.significant(point.0)): "
                        + "\(NumberText.significant(point.1)) \(unit.unit.rawValue)")
            }
            let legendY = top + 6 + Double(index) * 18
            canvas.line(right + 12, legendY, right + 34, legendY, class: "sweep-line \(colour)")
            let label = line.label.count > 24 ? String(line.label.prefix(23)) + "…" : line.label
            canvas.text(right + 40, legendY + 4, label)
        }
        canvas.text((left + right) / 2, bottom + 36, sweep.parameter, anchor: .middle)
        canvas.text(left - 50, top - 2, unit.unit.rawValue, class: "label axis-title")
        let better = unit.better == .higher ? "higher is better" : "lower is better"
        return figure(
            kind: "parameter-curve", suite: suite, result: sweep.name, metric: key,
            caption: "\(sweep.name): \(key) (\(unit.unit.rawValue), \(better)) against \(sweep.parameter), "
                + "one line per \(lines.count > 1 ? "value of the other parameters" : "sweep"); current run",
            svg: canvas.render(label: "\(suite) \(sweep.name) \(key) against \(sweep.parameter)"))
    }
}
