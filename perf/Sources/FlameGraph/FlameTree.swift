/// The stacks of a profile merged into a tree: what a flame graph draws.
///
/// Node 0 is the root, which spans every sample; each stack adds its count to every node on its path.
/// Children are sorted by name, as flame graphs order them (the x axis is not time), so the same code
/// lands in the same place in two profiles of it.
public struct FlameTree: Sendable {
    /// One frame of the merged stacks.
    public struct Node: Sendable, Equatable {
        /// The frame's name, annotations included (`tcp_sendmsg_[k]`).
        public let name: String
        /// The samples of this frame and everything it called: the frame's width.
        public internal(set) var total: Int
        /// The samples in which this frame was the leaf.
        public internal(set) var selfCount: Int
        /// The callees, sorted by name.
        public internal(set) var children: [Int]
        /// The caller; nil for the root.
        public let parent: Int?
        /// 0 for the root, 1 for the outermost frames of the stacks, and so on.
        public let depth: Int
    }

    /// One frame placed on the graph: where it starts and how wide it is, in counts.
    public struct Placement: Sendable, Equatable {
        /// The node placed.
        public let node: Int
        /// The count to the left of the frame at its depth.
        public let start: Int
        /// The frame's width in counts (its node's total).
        public let width: Int
        /// The frame's row: 0 is the root.
        public let depth: Int
    }

    /// The index of the root node.
    public static let rootIndex = 0

    /// Every node, the root first, parents before their children.
    public private(set) var nodes: [Node]
    private var childByName: [[String: Int]]

    /// The tree of `stacks`, under a root named `rootName`.
    ///
    /// - Complexity: O(total number of frames in `stacks` + n log n) for n nodes.
    public init(_ stacks: FoldedStacks, rootName: String = "all") {
        nodes = [Node(name: rootName, total: 0, selfCount: 0, children: [], parent: nil, depth: 0)]
        childByName = [[:]]
        for (key, count) in stacks.counts {
            var current = Self.rootIndex
            nodes[current].total += count
            for frame in key.split(separator: ";", omittingEmptySubsequences: false) {
                let name = String(frame)
                if let child = childByName[current][name] {
                    current = child
                } else {
                    let child = nodes.count
                    nodes.append(
                        Node(
                            name: name, total: 0, selfCount: 0, children: [], parent: current,
                            depth: nodes[current].depth + 1))
                    childByName.append([:])
                    childByName[current][name] = child
                    nodes[current].children.append(child)
                    current = child
                }
                nodes[current].total += count
            }
            nodes[current].selfCount += count
        }
        let names = nodes.map(\.name)
        for index in nodes.indices where nodes[index].children.count > 1 {
            nodes[index].children.sort { names[$0] < names[$1] }
        }
    }

    /// Every count of the profile: the root's width.
    public var totalCount: Int { nodes[Self.rootIndex].total }

    /// The deepest row.
    public var maximumDepth: Int { nodes.lazy.map(\.depth).max() ?? 0 }

    /// The child of `node` named `name`, if any.
    ///
    /// - Complexity: O(1) on average.
    public func child(of node: Int, named name: String) -> Int? {
        childByName[node][name]
    }

    /// The node reached from the root by the frames of `path`, if every step exists.
    ///
    /// - Complexity: O(path length).
    public func node(atPath path: [String]) -> Int? {
        var current = Self.rootIndex
        for name in path {
            guard let next = child(of: current, named: name) else { return nil }
            current = next
        }
        return current
    }

    /// The frames from the root's first child down to `node`.
    ///
    /// - Complexity: O(depth of `node`).
    public func path(of node: Int) -> [String] {
        var names: [String] = []
        var current: Int? = node
        while let index = current, index != Self.rootIndex {
            names.append(nodes[index].name)
            current = nodes[index].parent
        }
        return names.reversed()
    }

    /// Every node placed left to right, parents before children: each child starts where its previous
    /// sibling ended, the first one where its parent starts.
    ///
    /// - Parameter minimumWidth: nodes narrower than this many counts are left out, with their subtrees.
    /// - Complexity: O(n) for n nodes.
    public func placements(minimumWidth: Int = 0) -> [Placement] {
        var result: [Placement] = []
        result.reserveCapacity(nodes.count)
        var pending: [(node: Int, start: Int)] = [(Self.rootIndex, 0)]
        while let (index, start) = pending.popLast() {
            let node = nodes[index]
            guard node.total >= minimumWidth, node.total > 0 else { continue }
            result.append(Placement(node: index, start: start, width: node.total, depth: node.depth))
            var childStart = start
            var children: [(Int, Int)] = []
            for child in node.children {
                children.append((child, childStart))
                childStart += nodes[child].total
            }
            pending.append(contentsOf: children.reversed())
        }
        return result
    }
}
