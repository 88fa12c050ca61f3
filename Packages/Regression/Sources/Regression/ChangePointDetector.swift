/// Finds change points in a series of measurements with E-Divisive means and a Student t test, exactly as
/// Apache Otava (formerly DataStax's Hunter) does: same windows, same candidates, same test, same merge,
/// so the same series and options give the same indexes. Deterministic: no permutations, no randomness.
///
/// Two steps (Fleming et al., "Hunter: Using Change Point Detection to Hunt for Performance Regressions",
/// ICPE 2023):
/// 1. **Split.** Windows of `windowLength` points, half a window apart (or starting at the last change
///    point found), are each cut recursively at the point of largest energy divergence while the t test of
///    the two sides passes a relaxed threshold (`ChangePointOptions.splitMaxPValue`). The union is the
///    *weak* change points.
/// 2. **Merge.** Repeatedly the weakest is removed — the largest p-value when it reaches `maxPValue`,
///    otherwise the smallest magnitude when it is at most `minMagnitude` — and the point after it is
///    re-tested against its new neighbourhood.
///
/// ```swift
/// let detector = ChangePointDetector(options: try ChangePointOptions(windowLength: 30, maxPValue: 0.01))
/// let points = detector.changePoints(in: nanoseconds)   // e.g. [ChangePoint(index: 15, …)]
/// ```
///
/// Otava's quirks are kept, because its published results depend on them: standard deviations are
/// population ones fed to a pooled t test as if sample ones; after a removal the change point *after* the
/// removed one and the one after that are re-tested, the one before keeps its old statistics.
public struct ChangePointDetector: Sendable {
    /// The parameters.
    public var options: ChangePointOptions

    /// Creates a detector; the default options are Otava's.
    public init(options: ChangePointOptions = .otavaDefaults) {
        self.options = options
    }

    /// The final change points of `series`, in index order (Otava's `compute_change_points(...)[0]`).
    /// - Complexity: O(*n* · w²) for *n* points and windows of *w*, times the number of change points
    ///   found per window.
    public func changePoints(in series: [Double]) -> [ChangePoint] {
        analyze(series).changePoints
    }

    /// The final and the weak change points of `series`.
    /// - Complexity: as `changePoints(in:)`.
    public func analyze(_ series: [Double]) -> ChangePointAnalysis {
        let weak = split(series, resumingAfter: nil)
        return ChangePointAnalysis(changePoints: merge(weak, in: series), weakChangePoints: weak)
    }

    /// Re-analyses `series` after `appendedCount` points were added to its end, searching only its tail
    /// (Otava's incremental mode, `new_data` and `old_weak_cp`): windows start from the last previous weak
    /// change point or window start more than `(appendedCount / windowLength + 4)` windows before the end,
    /// and the previous weak change points are kept.
    ///
    /// - Parameters:
    ///   - previousWeakChangePoints: the `weakChangePoints` of the analysis before the points were added.
    /// - Precondition: every previous index is in `1..<series.count`.
    /// - Complexity: as `changePoints(in:)` over the searched tail.
    public func analyze(_ series: [Double], appendedCount: Int, previousWeakChangePoints: [ChangePoint])
        -> ChangePointAnalysis
    {
        precondition(
            previousWeakChangePoints.allSatisfy { (1..<series.count).contains($0.index) },
            "previous change points lie inside the series")
        let weak = split(series, resumingAfter: (appendedCount, previousWeakChangePoints))
        return ChangePointAnalysis(changePoints: merge(weak, in: series), weakChangePoints: weak)
    }
}
