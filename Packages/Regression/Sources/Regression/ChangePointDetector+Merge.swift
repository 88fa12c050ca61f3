extension ChangePointDetector {
    /// The merge step (Otava's `merge`): removes the weakest change point until every one left has a
    /// p-value below `maxPValue` and a magnitude above `minMagnitude`.
    ///
    /// The weakest is the one with the largest p-value when that p-value is not below `maxPValue`;
    /// otherwise the one with the smallest magnitude, removed only when that magnitude is at most
    /// `minMagnitude`. Ties go to the earliest, as Python's `max` and `min` keep the first.
    func merge(_ weak: [ChangePoint], in series: [Double]) -> [ChangePoint] {
        var points = weak
        while !points.isEmpty {
            var weakest = points[0]
            for point in points.dropFirst() where point.pValue > weakest.pValue { weakest = point }
            if weakest.pValue < options.maxPValue {
                weakest = points[0]
                for point in points.dropFirst() where point.magnitude < weakest.magnitude { weakest = point }
                if weakest.magnitude > options.minMagnitude { return points }
            }
            let removed = points.firstIndex { $0.index == weakest.index }!
            points.remove(at: removed)

            // Otava re-tests the point that followed the removed one and the point after that; the one
            // before keeps its statistics although its right side grew. Kept for identical results.
            let intervals = ChangePointTTest.intervals(cutAt: points.map(\.index), count: series.count)
            for position in [removed, removed + 1] where position < points.count {
                points[position] = ChangePointTTest.changePoint(
                    at: points[position].index, in: series, intervals: intervals)
            }
        }
        return points
    }
}
