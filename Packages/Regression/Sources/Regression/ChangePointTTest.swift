import PerfSupport

/// Otava's `TTestSignificanceTester`: how a change point's two sides are chosen and tested.
///
/// Change points, sorted by index, cut the series into intervals. A new candidate inside an interval
/// splits it (the split step); an existing change point sits where one interval ends and the next begins,
/// and its sides are those two intervals (the merge step).
enum ChangePointTTest {
    /// The intervals the change points at `indexes` (sorted, ascending) cut `0..<count` into; empty ones
    /// are left out (Otava's `get_intervals`).
    static func intervals(cutAt indexes: [Int], count: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for index in indexes {
            if start != index { ranges.append(start..<index) }
            start = index
        }
        ranges.append(start..<count)
        return ranges
    }

    /// The change point at `index` with the statistics of its two sides (Otava's `get_sides` then
    /// `compare`): the two intervals meeting at `index`, or the two halves of the interval holding it.
    /// - Precondition: `index` ends an interval that another follows, or lies strictly inside one.
    static func changePoint(at index: Int, in series: [Double], intervals: [Range<Int>]) -> ChangePoint {
        for (position, interval) in intervals.enumerated() {
            if interval.upperBound == index && position + 1 < intervals.count {
                return test(index: index, left: series[interval], right: series[intervals[position + 1]])
            }
            if interval.lowerBound < index && index < interval.upperBound {
                return test(
                    index: index, left: series[interval.lowerBound..<index], right: series[index..<interval.upperBound]
                )
            }
        }
        preconditionFailure("change point \(index) is not inside or between the intervals \(intervals)")
    }

    /// SciPy's `ttest_ind_from_stats(mean₁, std₁, n₁, mean₂, std₂, n₂)` with equal variances, fed NumPy's
    /// population standard deviations as Otava feeds them; no test (p = 1) for fewer than three points.
    private static func test(index: Int, left: ArraySlice<Double>, right: ArraySlice<Double>) -> ChangePoint {
        let (n1, n2) = (left.count, right.count)
        precondition(n1 > 0 && n2 > 0, "both sides of a change point hold points")
        let mean1 = PairwiseSum.mean(left)
        let mean2 = PairwiseSum.mean(right)
        let deviation1 = n1 >= 2 ? PairwiseSum.populationStandardDeviation(left) : 0
        let deviation2 = n2 >= 2 ? PairwiseSum.populationStandardDeviation(right) : 0
        let degreesOfFreedom = n1 + n2 - 2
        var p = 1.0
        var t = 0.0
        if degreesOfFreedom > 0 {
            // A single point has no variance of its own; SciPy zeroes it so the pooled formula holds.
            let variance1 = n1 == 1 ? 0 : deviation1 * deviation1
            let variance2 = n2 == 1 ? 0 : deviation2 * deviation2
            let df = Double(degreesOfFreedom)
            let pooled = (Double(n1 - 1) * variance1 + Double(n2 - 1) * variance2) / df
            let standardError = (pooled * (1.0 / Double(n1) + 1.0 / Double(n2))).squareRoot()
            t = (mean1 - mean2) / standardError
            p = StudentT.twoSidedPValue(t, degreesOfFreedom: df)
        }
        return ChangePoint(
            index: index, meanBefore: mean1, meanAfter: mean2, standardDeviationBefore: deviation1,
            standardDeviationAfter: deviation2, pValue: p, tStatistic: t, degreesOfFreedom: degreesOfFreedom)
    }
}
