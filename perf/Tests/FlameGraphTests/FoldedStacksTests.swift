import FlameGraph
import Testing

@Suite struct FoldedStacksTests {
    @Test func foldedTextIsSortedAndReadsBackToTheSameStacks() throws {
        var stacks = FoldedStacks()
        stacks.add(["main", "render"])
        stacks.add(["main", "parse", "scan"], count: 3)
        stacks.add(["main", "render"], count: 2)
        #expect(stacks.foldedText == "main;parse;scan 3\nmain;render 3\n")
        #expect(stacks.totalCount == 6)
        #expect(try FoldedStacks(parsing: stacks.foldedText) == stacks)
    }

    @Test func framesMayContainSpacesBecauseTheCountFollowsTheLastOne() throws {
        let stacks = try FoldedStacks(parsing: "demo-service;closure #1 in EventLoop.run() 7\r\n\nmain;idle 0\n")
        #expect(stacks.counts == ["demo-service;closure #1 in EventLoop.run()": 7])
    }

    @Test func heaptracksTrailingSemicolonBeforeTheCountAddsNoFrame() throws {
        let text = "_start (start.S);main (main.swift);$s4main3fooyyF (main.swift); 72704\n"
        let stacks = try FoldedStacks(parsing: text)
        #expect(stacks.counts == ["_start (start.S);main (main.swift);$s4main3fooyyF (main.swift)": 72704])
        #expect(throws: FlameGraphError.malformedFoldedLine(line: 1, text: "; 3")) { try FoldedStacks(parsing: "; 3") }
    }

    @Test func aSemicolonOrLineBreakInsideANameCannotSplitTheFrame() {
        var stacks = FoldedStacks()
        stacks.add(["a;b", "c\nd", ""])
        #expect(stacks.counts == ["a:b;c d;[unknown]": 1])
    }

    @Test func aLineWithoutACountIsRejectedWithItsLineNumber() {
        #expect(throws: FlameGraphError.malformedFoldedLine(line: 2, text: "main;parse")) {
            try FoldedStacks(parsing: "main 1\nmain;parse\n")
        }
        let error = FlameGraphError.malformedFoldedLine(line: 2, text: "main;parse")
        #expect(
            error.description
                == "folded stacks, line 2: expected \"frame;frame;... count\" with a positive integer count, "
                + "got \"main;parse\"; give perf script output with --input perf-script")
    }

    @Test func aNegativeCountOrAMissingStackIsRejected() {
        #expect(throws: FlameGraphError.malformedFoldedLine(line: 1, text: "main -3")) {
            try FoldedStacks(parsing: "main -3")
        }
        #expect(throws: FlameGraphError.malformedFoldedLine(line: 1, text: " 12")) {
            try FoldedStacks(parsing: " 12")
        }
    }

    @Test func foldedTextAndPerfScriptOutputAreToldApart() {
        #expect(FoldedStacks.looksFolded("a;b 3\na;c 1\n"))
        #expect(!FoldedStacks.looksFolded(PerfScriptFixture.all[...]))
        #expect(!FoldedStacks.looksFolded("demo-service 32030\n\t  2564a main+0x1 (/bin/x)\n"))
        #expect(!FoldedStacks.looksFolded(""))
    }

    @Test func renamingFramesMergesStacksThatBecomeEqual() {
        var stacks = FoldedStacks()
        stacks.add(["main", "f1"], count: 2)
        stacks.add(["main", "f2"], count: 3)
        let renamed = stacks.renamingFrames { $0.hasPrefix("f") ? "f" : $0 }
        #expect(renamed.counts == ["main;f": 5])
        #expect(renamed.totalCount == 5)
    }

    @Test func anEmptyStackIsAProgrammingError() async {
        await #expect(processExitsWith: .failure) {
            var stacks = FoldedStacks()
            stacks.add([])
        }
        await #expect(processExitsWith: .failure) {
            var stacks = FoldedStacks()
            stacks.add(["main"], count: 0)
        }
    }
}
