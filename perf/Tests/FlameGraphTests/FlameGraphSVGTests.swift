import FlameGraph
import Testing

@Suite struct FlameGraphSVGTests {
    static func render(
        _ stacks: FoldedStacks = FlameTreeTests.sample(), options: FlameGraphSVG.Options = .init()
    ) throws -> (FlameGraphSVG.Rendering, SVGFrames) {
        let rendering = try FlameGraphSVG.render(FlameTree(stacks), options: options)
        return (rendering, try SVGFrames(rendering.svg))
    }

    @Test func everyNodeIsOneFrameGroupWithATitleARectAndALabel() throws {
        let (rendering, svg) = try Self.render()
        #expect(rendering.drawnFrames == 8 && rendering.omittedFrames == 0)
        #expect(svg.frames.count == 8)
        #expect(svg.elementCounts["title"] == 8)
        #expect(svg.elementCounts["script"] == 1)
        #expect(svg.root["data-total"] == "100")
        #expect(svg.frames.map(\.name).sorted() == ["all", "emit", "hash", "log", "main", "parse", "scan", "worker"])
    }

    @Test func frameWidthsAreProportionalToTheirCounts() throws {
        let (_, svg) = try Self.render()
        let usable = 1200.0 - 2 * FlameGraphSVG.horizontalPadding
        for frame in svg.frames {
            #expect(abs(frame.rectWidth - Double(frame.w) / 100 * usable) < 0.01, "\(frame.name)")
            #expect(
                abs(frame.rectX - (FlameGraphSVG.horizontalPadding + Double(frame.x) / 100 * usable)) < 0.01,
                "\(frame.name)")
        }
        let hash = try #require(svg.frames.first { $0.name == "hash" })
        let log = try #require(svg.frames.first { $0.name == "log" })
        #expect(abs(hash.rectWidth / log.rectWidth - 39) < 0.01)
    }

    @Test func eachDepthIsOneRowAboveItsCallerAndInsideItsCallersSpan() throws {
        let (_, svg) = try Self.render()
        let rootY = try #require(svg.frames.first { $0.d == 0 }).rectY
        for frame in svg.frames {
            #expect(abs(frame.rectY - (rootY - 16 * Double(frame.d))) < 0.01, "\(frame.name)")
            guard frame.d > 0 else { continue }
            let callers = svg.frames.filter {
                $0.d == frame.d - 1 && $0.x <= frame.x && $0.x + $0.w >= frame.x + frame.w
            }
            #expect(callers.count == 1, "\(frame.name) has one caller")
        }
        let scan = try #require(svg.frames.first { $0.name == "scan" })
        #expect(scan.d == 3)
    }

    @Test func tooltipsGiveCountsSharesAndTheKindOfCode() throws {
        let (_, svg) = try Self.render()
        let parse = try #require(svg.frames.first { $0.name == "parse" })
        #expect(parse.title == "parse\n40 samples (40.00%) · self 10 (10.00%) · C")
        let root = try #require(svg.frames.first { $0.d == 0 })
        #expect(root.title == "all\n100 samples (100.00%) · all samples")
    }

    @Test func labelsAreCutToTheirFrameAndHiddenWhenTooNarrow() {
        // 12 px font: 7.44 px a character, 6 px of margin.
        #expect(FlameGraphSVG.label("EventLoop.run()", width: 200, fontSize: 12) == "EventLoop.run()")
        #expect(FlameGraphSVG.label("EventLoop.run()", width: 80, fontSize: 12) == "EventLo..")
        #expect(FlameGraphSVG.label("EventLoop.run()", width: 28.4, fontSize: 12) == "E..")
        #expect(FlameGraphSVG.label("EventLoop.run()", width: 20, fontSize: 12) == "")
    }

    @Test func everyDrawnLabelFitsInsideItsRectangle() throws {
        var stacks = FlameTreeTests.sample()
        stacks.add(["main", "closure #1 in DemoServer.startLoops(_:) with a very long name indeed"], count: 7)
        let (_, svg) = try Self.render(stacks)
        for frame in svg.frames {
            #expect(Double(frame.label.count) * 12 * FlameGraphSVG.characterWidth <= frame.rectWidth - 6 + 0.001)
            #expect(frame.label.isEmpty || frame.name.hasPrefix(frame.label.replacingDots))
        }
    }

    @Test func namesWithMarkupCharactersAreEscaped() throws {
        var stacks = FoldedStacks()
        stacks.add(["main", "Array<Int>.append(_:) & \"co\"", "tcp_sendmsg_[k]"], count: 5)
        let (rendering, svg) = try Self.render(stacks)
        #expect(svg.frames.contains { $0.name == "Array<Int>.append(_:) & \"co\"" })
        #expect(svg.frames.contains { $0.name == "tcp_sendmsg" && $0.title.hasSuffix("· kernel") })
        #expect(rendering.svg.contains("Array&lt;Int&gt;.append(_:) &amp; &quot;co&quot;"))
    }

    @Test func theDocumentLoadsNothingFromTheNetwork() throws {
        let (rendering, _) = try Self.render()
        #expect(!rendering.svg.contains("href"))
        #expect(!rendering.svg.contains("url("))
        #expect(!rendering.svg.contains("<script src"))
        #expect(rendering.svg.split(separator: "http", omittingEmptySubsequences: false).count == 2) // xmlns
        #expect(rendering.svg.contains("window.flameGraph = {"))
    }

    @Test func framesNarrowerThanTheMinimumWidthAreCountedAsLeftOut() throws {
        var options = FlameGraphSVG.Options()
        options.minimumFrameWidth = 20 // log is 11.8 px wide
        let (rendering, svg) = try Self.render(options: options)
        #expect(rendering.omittedFrames == 1)
        #expect(!svg.frames.contains { $0.name == "log" })
    }

    @Test func framesAreColouredByKindAndTheSameNameAlwaysGetsTheSameColour() throws {
        var stacks = FoldedStacks()
        stacks.add(["demo-service", "EventLoop.run()", "__libc_send", "tcp_sendmsg_[k]"], count: 4)
        stacks.add(["demo-service", "EventLoop.run()", "EventLoop.flush(_:)_[i]", "[libc.so.6]"], count: 4)
        let (_, first) = try Self.render(stacks)
        let (_, second) = try Self.render(stacks)
        #expect(first.frames.map(\.fill) == second.frames.map(\.fill))
        let fill = { (name: String) in first.frames.first { $0.name == name }?.fill ?? "" }
        #expect(fill("tcp_sendmsg") == FramePalette.color(for: "tcp_sendmsg", kind: .kernel).description)
        #expect(
            fill("EventLoop.flush(_:)") == FramePalette.color(for: "EventLoop.flush(_:)", kind: .inlined).description)
        #expect(fill("[libc.so.6]") == FramePalette.color(for: "[libc.so.6]", kind: .unknown).description)
        #expect(FrameKind(frame: "EventLoop.run()") == .swift)
        #expect(FrameKind(frame: "__libc_send") == .c)
        #expect(FrameKind(frame: "do_softirq.part.0") == .c)
        #expect(FrameKind(frame: "DecodeScratch.__deallocating_deinit") == .swift)
        #expect(FrameKind(frame: "swift::RefCounts<int>::release") == .cxx)
        #expect(FrameKind(frame: "__libc_start_call_main (libc_start_call_main.h)") == .c)
        #expect(FrameKind(frame: "DemoService.respond(route:) (DemoService.swift)") == .swift)
        #expect(FrameKind(frame: "EventLoop.flush(_:)") == .swift)
    }

    @Test func everyPaletteColourKeepsBlackLabelsReadable() {
        for kind in FrameKind.allCases {
            for index in 0..<500 {
                let color = FramePalette.color(for: "function\(index)", kind: kind)
                #expect(color.contrastWithBlack >= 5, "\(kind) \(color)")
            }
        }
        #expect(FramePalette.searchMatch.contrastWithBlack >= 4.5)
        for step in -10...10 {
            #expect(FramePalette.differentialColor(delta: Double(step), largest: 10).contrastWithBlack >= 5)
        }
    }

    @Test func anEmptyProfileAndOutOfRangeOptionsAreRefused() {
        #expect(throws: FlameGraphError.emptyProfile(source: "the profile")) {
            try FlameGraphSVG.render(FlameTree(FoldedStacks()))
        }
        var options = FlameGraphSVG.Options()
        options.width = 50
        #expect(throws: FlameGraphError.invalidOption(name: "width", value: "50", expected: "200 to 20000 pixels")) {
            try FlameGraphSVG.render(FlameTree(FlameTreeTests.sample()), options: options)
        }
        #expect(
            FlameGraphError.invalidOption(name: "width", value: "50", expected: "200 to 20000 pixels").description
                == "width: expected 200 to 20000 pixels, got \"50\"")
        #expect(
            FlameGraphError.emptyProfile(source: "perf.txt").description
                == "perf.txt holds no samples: record longer, or check that perf recorded the right process "
                + "(perf report -i perf.data --stdio)")
        options = FlameGraphSVG.Options()
        options.frameHeight = 10
        #expect(
            throws: FlameGraphError.invalidOption(
                name: "frame height", value: "10", expected: "font size + 2 to 100 pixels")
        ) {
            try FlameGraphSVG.render(FlameTree(FlameTreeTests.sample()), options: options)
        }
    }
}

extension String {
    /// A cut label without its trailing `..`.
    fileprivate var replacingDots: String { hasSuffix("..") ? String(dropLast(2)) : self }
}
