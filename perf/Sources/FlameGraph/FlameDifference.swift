/// Two profiles of the same code compared frame by frame: the data of a differential flame graph.
///
/// The graph has the shape of the *after* profile; each frame is matched with the frame at the same path
/// (same names from the root) in the *before* profile. With normalisation (the default) the before counts
/// are scaled so that both profiles have the same total, which makes runs of different lengths comparable.
/// A frame's colour comes from the change of its self count (the samples where it was the leaf), so the
/// code that got slower or faster stands out, not every caller above it.
///
/// ```swift
/// let difference = FlameDifference(before: try FoldedStacks(parsing: old), after: try FoldedStacks(parsing: new))
/// let svg = try FlameGraphSVG.render(difference, options: .init(title: "login: after vs before"))
/// ```
public struct FlameDifference: Sendable {
    /// The tree drawn: the after profile.
    public let after: FlameTree
    /// The tree compared with.
    public let before: FlameTree
    /// The factor applied to before counts: after total ÷ before total with normalisation, 1 without.
    public let scale: Double
    /// For each node of ``after``, the matched before node's total, scaled; 0 when the path is new.
    public let beforeTotals: [Double]
    /// For each node of ``after``, the matched before node's self count, scaled; 0 when the path is new.
    public let beforeSelfCounts: [Double]
    /// Before counts (scaled) in stacks whose path does not exist in after: work that disappeared, which
    /// an after-shaped graph cannot draw.
    public let vanishedCount: Double

    /// Compares `before` with `after`.
    ///
    /// - Parameter normalize: scale before counts to after's total (true by default).
    /// - Precondition: `before` is not empty when `normalize` is true.
    /// - Complexity: O(nodes of both trees).
    public init(before: FoldedStacks, after: FoldedStacks, normalize: Bool = true) {
        precondition(!normalize || before.totalCount > 0, "an empty profile cannot be normalised")
        let afterTree = FlameTree(after)
        let beforeTree = FlameTree(before)
        let scale = normalize ? Double(after.totalCount) / Double(before.totalCount) : 1
        var totals = [Double](repeating: 0, count: afterTree.nodes.count)
        var selfCounts = [Double](repeating: 0, count: afterTree.nodes.count)
        var vanished = 0
        // Walk both trees together; a before node without a counterpart takes its whole subtree with it.
        var pending: [(after: Int, before: Int)] = [(FlameTree.rootIndex, FlameTree.rootIndex)]
        while let (afterIndex, beforeIndex) = pending.popLast() {
            let beforeNode = beforeTree.nodes[beforeIndex]
            totals[afterIndex] = Double(beforeNode.total) * scale
            selfCounts[afterIndex] = Double(beforeNode.selfCount) * scale
            for child in beforeNode.children {
                if let match = afterTree.child(of: afterIndex, named: beforeTree.nodes[child].name) {
                    pending.append((match, child))
                } else {
                    vanished += beforeTree.nodes[child].total
                }
            }
        }
        self.after = afterTree
        self.before = beforeTree
        self.scale = scale
        self.beforeTotals = totals
        self.beforeSelfCounts = selfCounts
        self.vanishedCount = Double(vanished) * scale
    }

    /// After self count minus the scaled before self count of `node`: positive when it grew.
    public func selfDelta(of node: Int) -> Double {
        Double(after.nodes[node].selfCount) - beforeSelfCounts[node]
    }

    /// After total minus the scaled before total of `node`.
    public func totalDelta(of node: Int) -> Double {
        Double(after.nodes[node].total) - beforeTotals[node]
    }
}
