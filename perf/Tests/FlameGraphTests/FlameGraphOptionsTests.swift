import FlameGraph
import Foundation
import PerfSupport
import SuiteTestSupport
import Testing

@testable import flamegraph

/// The command line of `flamegraph`: every flag of every subcommand, what each refuses, and the exit statuses.
@Suite struct FlameGraphOptionsTests {
    func parse(_ arguments: String...) throws(UsageError) -> Options {
        try Options(try Options.command.parse(arguments))
    }

    @Test func withoutACommandItRendersStandardInputAndNeedsAnOutput() throws {
        #expect(throws: UsageError("render needs -o OUT.svg (or -o - for stdout)")) { try parse() }
        let options = try parse("-o", "out.svg")
        #expect(options.action == .render && options.inputs.isEmpty && options.output == "out.svg")
        #expect(try parse("-o", "out.svg", "in.folded") == parse("render", "in.folded", "-o", "out.svg"))
    }

    @Test func renderReadsEveryFlag() throws {
        let options = try parse(
            "render", "perf.txt", "-o", "-", "--folded-output", "out.folded", "--input", "perf-script", "--title",
            "login", "--subtitle", "one\\ntwo", "--count-name", "bytes", "--width", "1600", "--min-width", "0.5",
            "--process", "pid", "--event", "cycles", "--no-kernel", "--no-inline", "--no-demangle", "--full-names")
        #expect(options.action == .render && options.inputs == ["perf.txt"] && options.output == "-")
        #expect(options.foldedOutput == "out.folded" && options.inputFormat == .perfScript)
        #expect(options.render.title == "login" && options.render.subtitle == "one\ntwo")
        #expect(options.render.countName == "bytes" && options.render.width == 1600)
        #expect(options.render.minimumFrameWidth == 0.5)
        #expect(options.collapse.processRoot == .commandAndProcess && options.collapse.event == "cycles")
        #expect(!options.collapse.includeKernel && !options.collapse.includeInlined)
        #expect(!options.demangle && !options.simplifiedNames)
    }

    @Test func renderDefaultsAreTheLibrarys() throws {
        let options = try parse("render", "-o", "out.svg")
        #expect(options.render == FlameGraphSVG.Options() && options.collapse == PerfScriptCollapser.Options())
        #expect(options.inputFormat == nil && options.foldedOutput == nil)
        #expect(options.demangle && options.simplifiedNames && options.normalize)
    }

    @Test func kernelAndInlinedFramesAreDroppedSeparately() throws {
        let noKernel = try parse("collapse", "--no-kernel").collapse
        #expect(!noKernel.includeKernel && noKernel.includeInlined)
        let noInline = try parse("collapse", "--no-inline").collapse
        #expect(noInline.includeKernel && !noInline.includeInlined)
        #expect(try parse("collapse", "--no-demangle").simplifiedNames)
        #expect(try !parse("collapse", "--full-names").simplifiedNames)
    }

    @Test(arguments: [
        ("command", PerfScriptCollapser.ProcessRoot.command), ("pid", .commandAndProcess),
        ("thread", .commandAndThread), ("none", .none),
    ])
    func eachProcessRootHasItsName(_ name: String, _ root: PerfScriptCollapser.ProcessRoot) throws {
        #expect(try parse("collapse", "--process", name).collapse.processRoot == root)
    }

    @Test func diffTakesBeforeAndAfterAndMayCompareRawCounts() throws {
        let options = try parse("diff", "before.folded", "after.folded", "-o", "diff.svg", "--no-normalize")
        #expect(options.action == .diff && options.inputs == ["before.folded", "after.folded"])
        #expect(!options.normalize && options.output == "diff.svg")
        #expect(try parse("diff", "a", "b", "-o", "d.svg", "--width=800").render.width == 800)
        #expect(try parse("diff", "a", "b", "-o", "d.svg").normalize)
    }

    @Test func collapseWritesToStandardOutputWithoutAnOutput() throws {
        let options = try parse("collapse", "--input", "folded", "--no-demangle")
        #expect(options.action == .collapse && options.output == nil && options.inputFormat == .folded)
        #expect(try parse("collapse", "perf.txt", "-o", "out.folded").output == "out.folded")
    }

    @Test func heapSummaryReadsTopAndTheNameFlags() throws {
        let options = try parse("heap-summary", "print.txt", "--top", "3", "--no-demangle", "--full-names")
        #expect(options.action == .heapSummary && options.inputs == ["print.txt"] && options.top == 3)
        #expect(!options.demangle && !options.simplifiedNames)
        let defaults = try parse("heap-summary", "-")
        #expect(defaults.inputs == ["-"] && defaults.top == 8 && defaults.demangle && defaults.simplifiedNames)
        #expect(try parse("heap-summary", "--top", "0", "print.txt").top == 0)
    }

    static let errors: [([String], String)] = [
        (["render"], "render needs -o OUT.svg (or -o - for stdout)"),
        (["diff", "a", "b"], "diff needs -o OUT.svg (or -o - for stdout)"),
        (["diff", "a", "-o", "d.svg"], "missing AFTER; see flamegraph diff --help"),
        (["render", "a", "b", "-o", "x.svg"], "unexpected extra argument \"b\"; see flamegraph render --help"),
        (["collapse", "a", "b"], "unexpected extra argument \"b\"; see flamegraph collapse --help"),
        (["render", "-o"], "-o needs a value (-o PATH); see flamegraph render --help"),
        (["render", "--width", "wide", "-o", "x.svg"], "--width: \"wide\" is not a whole number"),
        (["render", "--min-width", "thin", "-o", "x.svg"], "--min-width: \"thin\" is not a number"),
        (["render", "--input", "json", "-o", "x.svg"], "--input: \"json\" is not perf-script or folded"),
        (["collapse", "--process", "cpu"], "--process: \"cpu\" is not command, pid, thread or none"),
        (["collapse", "--title", "x"], "unknown option --title; see flamegraph collapse --help"),
        (["collapse", "--folded-output", "x"], "unknown option --folded-output; see flamegraph collapse --help"),
        (["render", "--no-normalize", "-o", "x.svg"], "unknown option --no-normalize; see flamegraph render --help"),
        (
            ["render", "--no-kernels"],
            "unknown option --no-kernels (did you mean --no-kernel?); see flamegraph render --help"
        ),
        (["render", "--title", "a", "--title", "b"], "--title is given twice (a and b); give it once"),
        (["heap-summary"], "missing PRINT.txt; see flamegraph heap-summary --help"),
        (["heap-summary", "p.txt", "--top", "-1"], "--top: -1 is out of range: it must be at least 0"),
        (["heap-summary", "p.txt", "--top", "many"], "--top: \"many\" is not a whole number"),
        (
            ["heap-summary", "p.txt", "q.txt"],
            "unexpected extra argument \"q.txt\"; see flamegraph heap-summary --help"
        ),
        (["heap-summary", "p.txt", "--title", "x"], "unknown option --title; see flamegraph heap-summary --help"),
    ]

    @Test(arguments: 0..<errors.count)
    func badCommandLinesAreRefusedSayingWhatToFix(_ index: Int) {
        let (arguments, message) = Self.errors[index]
        #expect(throws: UsageError(message)) { try Options(try Options.command.parse(arguments)) }
    }

    @Test func helpKeepsEveryPieceOfTheOldText() {
        let help = Options.command.helpText()
        for piece in [
            "Usage: flamegraph render [INPUT] -o OUT.svg [options]", "flamegraph diff BEFORE AFTER -o OUT.svg",
            "flamegraph collapse [INPUT] [-o OUT.folded]", "flamegraph heap-summary PRINT.txt [--top N]",
            "none or `-` is stdin", "red (grew) or blue (shrank)", "\"root;...;leaf count\" lines",
            "top allocation sites of heaptrack_print output", "  -o, --output PATH", "--folded-output PATH",
            "--input perf-script|folded", "--title TEXT", "--subtitle TEXT", "--count-name NAME", "--width PX",
            "--min-width PX", "--process command|pid|thread|none", "--event NAME", "--no-kernel", "--no-inline",
            "--no-demangle", "--full-names", "`swift demangle --simplified`", "Kernel frames end",
            "Search (or Ctrl-F)", "Exit status: 0 written; 2 bad usage or input",
        ] {
            #expect(help.contains(piece), "\(piece) missing from --help")
        }
        #expect(Options.diff.helpText(program: "flamegraph diff").contains("--no-normalize"))
        let heap = Options.heapSummary.helpText(program: "flamegraph heap-summary")
        for piece in ["--top N", "(default 8)", "Exit status: 0 printed; 2 bad usage or an unreadable file."] {
            #expect(heap.contains(piece), "\(piece) missing from heap-summary --help")
        }
    }
}

/// The built `flamegraph`: what a shell sees.
@Suite struct FlameGraphExecutableTests {
    let path = BuiltExecutable("flamegraph").path

    @Test func helpExitsZeroAndBadUsageExitsTwoBeforeReadingAnything() throws {
        let help = try ChildProcess(path, ["--help"]).run(timeout: .seconds(30))
        #expect(help.termination == .exited(0))
        #expect(help.standardOutputText == Options.command.helpText())
        let bad = try ChildProcess(path, ["render", "--width", "wide", "-o", "x.svg"]).run(timeout: .seconds(30))
        #expect(bad.termination == .exited(UsageError.exitStatus))
        #expect(bad.standardErrorText == "flamegraph: --width: \"wide\" is not a whole number\n")
        let noOutput = try ChildProcess(path, ["diff", "a", "b"]).run(timeout: .seconds(30))
        #expect(noOutput.termination == .exited(2))
        #expect(noOutput.standardErrorText == "flamegraph: diff needs -o OUT.svg (or -o - for stdout)\n")
    }

    @Test func renderWritesTheGraphAndReportsWhatItRead() throws {
        let directory = try TemporaryDirectory(prefix: "flamegraph-tests")
        let input = directory.path + "/in.folded"
        try "main;work 3\nmain;idle 1\n".write(toFile: input, atomically: true, encoding: .utf8)
        let svg = directory.path + "/out.svg"
        let run = try ChildProcess(path, ["render", input, "-o", svg, "--no-demangle", "--title", "T"])
            .run(timeout: .seconds(60))
        #expect(run.termination == .exited(0), "\(run.standardErrorText)")
        #expect(run.standardOutputText.contains("folded stacks, 4 counts in 2 stacks"))
        #expect(try String(contentsOfFile: svg, encoding: .utf8).contains(">T</text>"))
        let collapse = try ChildProcess(path, ["collapse", input, "--no-demangle"]).run(timeout: .seconds(60))
        #expect(collapse.termination == .exited(0))
        #expect(collapse.standardOutputText == "main;idle 1\nmain;work 3\n")
    }

    @Test func anUnreadableInputExitsTwo() throws {
        let run = try ChildProcess(path, ["collapse", "/nonexistent/in.folded"]).run(timeout: .seconds(30))
        #expect(run.termination == .exited(2))
        #expect(run.standardErrorText.hasPrefix("flamegraph: "))
    }
}
