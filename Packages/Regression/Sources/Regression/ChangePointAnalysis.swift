/// What `ChangePointDetector.analyze` found.
public struct ChangePointAnalysis: Sendable, Hashable {
    /// The change points that passed the merge step, in index order.
    public var changePoints: [ChangePoint]
    /// Every change point of the split step, in index order, each with the statistics of its final
    /// neighbourhood; keep them for an incremental re-analysis.
    public var weakChangePoints: [ChangePoint]
}
