import PerfResult
import PerfSupport

/// The history chart of one metric (class `trend`): its value at each commit as a line, the mean of each
/// stretch between change points as a dashed level, and each change point as a vertical rule between the
/// last commit before and the first after, labelled with that commit (red for a regression, green for an
/// improvement).
extension HTMLCharts {
    static func trend(_ trend: MetricTrend) -> String? {
        let points = trend.points
        guard points.count >= 2 else { return nil }
        let values = points.map(\.value)
        let ticks = NiceScale.ticks(minimum: values.min()!, maximum: max(values.max()!, values.min()! + 1e-9))
        let (bottomValue, topValue) = (ticks.first!, ticks.last!)
        let (left, right, top, bottom) = (70.0, 640.0, 34.0, 220.0)
        func x(_ index: Double) -> Double { left + index / Double(points.count - 1) * (right - left) }
        func y(_ value: Double) -> Double { bottom - (value - bottomValue) / (topValue - bottomValue) * (bottom - top) }

        var canvas = SVGCanvas(width: right + 40, height: bottom + 44)
        for tick in ticks {
            canvas.line(left, y(tick), right, y(tick), class: "grid")
            canvas.text(left - 6, y(tick) + 4, NumberText.significant(tick), anchor: .end)
        }
        canvas.line(left, bottom, right, bottom, class: "axis")
        canvas.text(left - 6, top - 10, trend.unit.rawValue, anchor: .end, class: "label axis-title")
        canvas.text(left, bottom + 18, String(points[0].commit.prefix(7)), anchor: .start)
        canvas.text(right, bottom + 18, String(points[points.count - 1].commit.prefix(7)), anchor: .end)
        canvas.text((left + right) / 2, bottom + 36, "commits in order (\(points.count))", anchor: .middle)

        // The level of each stretch between change points, from its own points.
        let cuts = [0] + trend.changePoints.map(\.index) + [points.count]
        for (start, end) in zip(cuts, cuts.dropFirst()) where end > start {
            let mean = values[start..<end].reduce(0, +) / Double(end - start)
            canvas.line(x(Double(start)), y(mean), x(Double(end - 1)), y(mean), class: "segment-mean")
        }
        canvas.polyline(values.enumerated().map { (x(Double($0.offset)), y($0.element)) }, class: "series-current")
        for (index, point) in points.enumerated() {
            canvas.circle(
                x(Double(index)), y(point.value), radius: 2.5, class: "dot-current",
                title:
                    "\(point.sequence) \(point.commit): \(NumberText.significant(point.value)) \(trend.unit.rawValue)")
        }
        for (number, change) in trend.changePoints.enumerated() {
            let position = x(Double(change.index) - 0.5)
            let kind = change.isRegression ? "regression" : "improved"
            canvas.line(position, top - 4, position, bottom, class: "changepoint \(kind)")
            // Alternate the labels' heights so neighbouring change points stay readable.
            let labelY = number % 2 == 0 ? 12.0 : 25.0
            canvas.text(
                position, labelY, String(change.commit.prefix(7)), anchor: .middle,
                class: "label changepoint-label \(kind)"
            )
        }
        let marks = trend.changePoints.map { change in
            "\(change.commit.prefix(7)) (\(change.relativeChange.map(NumberText.change) ?? "from 0"))"
        }
        let caption =
            "\(trend.result) · \(trend.metric) (\(trend.unit.rawValue)) over \(points.count) commits; change points at "
            + marks.joined(separator: ", ") + ". Dashed: the mean between change points."
        return figure(
            kind: "trend", suite: trend.suite, result: trend.result, metric: trend.metric, caption: caption,
            svg: canvas.render(label: "\(trend.suite) \(trend.result) \(trend.metric) history"))
    }
}
