import FlameGraph
import Testing

@Suite struct DifferentialTests {
    static func profile(parse: Int, emit: Int, hash: Int) -> FoldedStacks {
        var stacks = FoldedStacks()
        stacks.add(["main", "parse"], count: parse)
        stacks.add(["main", "emit"], count: emit)
        stacks.add(["worker", "hash"], count: hash)
        return stacks
    }

    static func fills(_ difference: FlameDifference) throws -> [String: String] {
        let svg = try SVGFrames(try FlameGraphSVG.render(difference).svg)
        return Dictionary(svg.frames.map { ($0.name, $0.fill) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func aFrameThatGrewIsRedOneThatShrankIsBlueAndAnUnchangedOneIsWhite() throws {
        let before = Self.profile(parse: 20, emit: 30, hash: 50)
        let after = Self.profile(parse: 40, emit: 10, hash: 50)
        let difference = FlameDifference(before: before, after: after)
        #expect(difference.scale == 1)
        let parse = try #require(difference.after.node(atPath: ["main", "parse"]))
        #expect(difference.selfDelta(of: parse) == 20)
        let fills = try Self.fills(difference)
        #expect(fills["parse"] == "rgb(255,90,90)") // the largest change: full red
        #expect(fills["emit"] == "rgb(110,110,255)") // the same size of change, shrinking: full blue
        #expect(fills["hash"] == "rgb(255,255,255)")
        #expect(fills["main"] == "rgb(255,255,255)") // no self samples: callers stay white
    }

    @Test func colourDeepensWithTheSizeOfTheChange() {
        let small = FramePalette.differentialColor(delta: 2, largest: 10)
        let large = FramePalette.differentialColor(delta: 8, largest: 10)
        #expect(small.red == 255 && large.red == 255)
        #expect(large.green < small.green)
        let shrink = FramePalette.differentialColor(delta: -5, largest: 10)
        #expect(shrink.blue == 255 && shrink.red == shrink.green && shrink.red < 255)
        #expect(FramePalette.differentialColor(delta: 0, largest: 0) == RGBColor(red: 255, green: 255, blue: 255))
    }

    @Test func beforeIsScaledToAfterTotalSoALongerRunOfTheSameCodeShowsNoChange() throws {
        let before = Self.profile(parse: 40, emit: 60, hash: 100)
        let after = Self.profile(parse: 20, emit: 30, hash: 50)
        let difference = FlameDifference(before: before, after: after)
        #expect(difference.scale == 0.5)
        for node in difference.after.nodes.indices {
            #expect(difference.selfDelta(of: node) == 0)
            #expect(difference.totalDelta(of: node) == 0)
        }
        #expect(Set(try Self.fills(difference).values) == ["rgb(255,255,255)"])
    }

    @Test func withoutNormalisationRawCountsAreCompared() throws {
        let before = Self.profile(parse: 40, emit: 60, hash: 100)
        let after = Self.profile(parse: 20, emit: 30, hash: 50)
        let difference = FlameDifference(before: before, after: after, normalize: false)
        let hash = try #require(difference.after.node(atPath: ["worker", "hash"]))
        #expect(difference.selfDelta(of: hash) == -50)
        #expect(try Self.fills(difference)["hash"] == "rgb(110,110,255)")
    }

    @Test func workGoneFromAfterIsCountedAndSaidInTheSubtitle() throws {
        var before = Self.profile(parse: 20, emit: 30, hash: 40)
        before.add(["worker", "compress"], count: 10)
        let after = Self.profile(parse: 20, emit: 30, hash: 50)
        let difference = FlameDifference(before: before, after: after)
        #expect(difference.vanishedCount == 10)
        let svg = try FlameGraphSVG.render(difference).svg
        #expect(svg.contains("10.00% of before is in stacks gone after"))
        #expect(svg.contains("data-kind=\"differential\""))
    }

    @Test func tooltipsGiveBothCountsAndTheSelfChange() throws {
        let difference = FlameDifference(
            before: Self.profile(parse: 20, emit: 30, hash: 50), after: Self.profile(parse: 40, emit: 10, hash: 50))
        let svg = try SVGFrames(try FlameGraphSVG.render(difference).svg)
        let parse = try #require(svg.frames.first { $0.name == "parse" })
        #expect(
            parse.title
                == "parse\nafter 40 samples (40.00%) · before 20 (20.00%)\n"
                + "self +20.00 percentage points (after 40.00%, before 20.00%)")
    }
}
