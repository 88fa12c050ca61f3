import FlameGraph
import Testing

@Suite struct FlameTreeTests {
    static func sample() -> FoldedStacks {
        var stacks = FoldedStacks()
        stacks.add(["main", "parse", "scan"], count: 30)
        stacks.add(["main", "parse"], count: 10)
        stacks.add(["main", "emit"], count: 20)
        stacks.add(["worker", "hash"], count: 39)
        stacks.add(["worker", "log"], count: 1)
        return stacks
    }

    @Test func totalsCoverCalleesAndSelfCountsOnlyTheLeaf() throws {
        let tree = FlameTree(Self.sample())
        #expect(tree.totalCount == 100)
        let parse = try #require(tree.node(atPath: ["main", "parse"]))
        #expect(tree.nodes[parse].total == 40)
        #expect(tree.nodes[parse].selfCount == 10)
        #expect(tree.nodes[parse].depth == 2)
        #expect(tree.path(of: parse) == ["main", "parse"])
        #expect(tree.node(atPath: ["main", "missing"]) == nil)
        #expect(tree.maximumDepth == 3)
    }

    @Test func childrenAreOrderedByNameAndPlacedSideBySideFromTheirParentsStart() throws {
        let tree = FlameTree(Self.sample())
        let placements = tree.placements()
        #expect(placements.count == tree.nodes.count)
        #expect(placements.first?.node == FlameTree.rootIndex)
        let byNode = Dictionary(uniqueKeysWithValues: placements.map { ($0.node, $0) })
        for node in tree.nodes.indices {
            let children = tree.nodes[node].children
            #expect(children.map { tree.nodes[$0].name } == children.map { tree.nodes[$0].name }.sorted())
            var start = try #require(byNode[node]).start
            for child in children {
                let placement = try #require(byNode[child])
                #expect(placement.start == start)
                #expect(placement.width == tree.nodes[child].total)
                #expect(placement.depth == tree.nodes[node].depth + 1)
                start += placement.width
            }
        }
        let worker = try #require(tree.node(atPath: ["worker"]))
        #expect(byNode[worker]?.start == 60)
    }

    @Test func framesNarrowerThanTheMinimumAreLeftOutWithTheirCallees() throws {
        var stacks = Self.sample()
        stacks.add(["worker", "log", "format"], count: 1)
        let tree = FlameTree(stacks)
        let kept = Set(tree.placements(minimumWidth: 3).map { tree.nodes[$0.node].name })
        #expect(!kept.contains("log") && !kept.contains("format"))
        #expect(kept.contains("hash") && kept.contains("scan"))
    }
}
