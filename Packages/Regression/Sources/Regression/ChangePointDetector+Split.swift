extension ChangePointDetector {
    /// The split step (Otava's `split`): the weak change points, each re-tested between its final
    /// neighbours.
    func split(_ series: [Double], resumingAfter previous: (appendedCount: Int, points: [ChangePoint])?)
        -> [ChangePoint]
    {
        let windowLength = options.windowLength
        let step = windowLength / 2
        var start = 0
        var points: [ChangePoint] = []
        if let previous {
            points = previous.points
            // Otava's arithmetic, in floating point as Python's `/` does it.
            let windowsNeeded = Double(previous.appendedCount) / Double(windowLength) + 4
            let latestStart = Double(series.count) - windowsNeeded * Double(windowLength)
            for point in previous.points where Double(point.index) < latestStart {
                start = point.index
            }
            for windowStart in stride(from: 0, to: series.count, by: step)
            where Double(windowStart) < latestStart && start < windowStart {
                start = windowStart
            }
        }

        var found = Set(points.map(\.index))
        let maxPValue = options.splitMaxPValue
        while start < series.count {
            let end = min(start + windowLength, series.count)
            let window = Self.divide(window: Array(series[start..<end]), maxPValue: maxPValue)
            let last = window.last.map { $0.index + start } ?? 0
            for point in window where !found.contains(point.index + start) {
                var shifted = point
                shifted.index += start
                points.append(shifted)
                found.insert(shifted.index)
            }
            start = max(last, start + step)
        }

        let indexes = points.map(\.index).sorted()
        let intervals = ChangePointTTest.intervals(cutAt: indexes, count: series.count)
        return indexes.map { ChangePointTTest.changePoint(at: $0, in: series, intervals: intervals) }
    }

    /// E-Divisive within one window (Otava's `ChangePointDetector.get_change_points` with the t test):
    /// cut at the best candidate over all intervals while its t test passes `maxPValue`; stop at the first
    /// that fails. Indexes are the window's own.
    static func divide(window: [Double], maxPValue: Double) -> [ChangePoint] {
        let calculator = EDivisiveCalculator(series: window)
        var points: [ChangePoint] = []
        while true {
            let intervals = ChangePointTTest.intervals(cutAt: points.map(\.index), count: window.count)
            guard let candidate = calculator.nextCandidate(intervals: intervals) else { break }
            let point = ChangePointTTest.changePoint(at: candidate.index, in: window, intervals: intervals)
            guard point.pValue <= maxPValue else { break }
            let position = points.firstIndex { $0.index > point.index } ?? points.count
            points.insert(point, at: position)
        }
        return points
    }
}
