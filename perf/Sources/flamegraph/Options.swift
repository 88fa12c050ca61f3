import FlameGraph
import PerfSupport

/// What a run of `flamegraph` was asked to do, read from what `Options.command` parsed.
struct Options: Equatable {
    /// The subcommand; `render` when none is named.
    enum Action: String, Equatable {
        case render, diff, collapse
        case heapSummary = "heap-summary"
    }

    /// The form of an input, when the guess from its text is wrong.
    enum InputFormat: String, CaseIterable, Sendable {
        case perfScript = "perf-script"
        case folded
    }

    var action: Action = .render
    /// The input files in order (`-` is standard input; none is standard input too, except for `diff`).
    var inputs: [String] = []
    var output: String?
    var foldedOutput: String?
    var inputFormat: InputFormat?
    var render = FlameGraphSVG.Options()
    var collapse = PerfScriptCollapser.Options()
    var demangle = true
    var simplifiedNames = true
    var normalize = true
    /// heap-summary: the allocation sites in each table.
    var top = 8

    /// The defaults.
    init() {}

    /// The options a command line of `Options.command` chose.
    /// - Throws: `UsageError` when `render` or `diff` has no `-o`.
    init(_ parsed: ParsedArguments) throws(UsageError) {
        action = parsed.subcommand.flatMap(Action.init(rawValue:)) ?? .render
        inputs = parsed.positionals
        if action == .heapSummary {
            top = parsed[Self.top] ?? top
            demangle = !parsed[Self.noDemangle]
            simplifiedNames = !parsed[Self.fullNames]
            return
        }
        output = parsed[Self.output]
        inputFormat = parsed[Self.input]
        collapse.processRoot = parsed[Self.process] ?? collapse.processRoot
        collapse.event = parsed[Self.event]
        collapse.includeKernel = !parsed[Self.noKernel]
        collapse.includeInlined = !parsed[Self.noInline]
        demangle = !parsed[Self.noDemangle]
        simplifiedNames = !parsed[Self.fullNames]
        guard action != .collapse else { return }
        render.title = parsed[Self.title] ?? render.title
        render.subtitle = parsed[Self.subtitle].map(\.replacingEscapedNewlines)
        render.countName = parsed[Self.countName] ?? render.countName
        render.width = parsed[Self.width] ?? render.width
        render.minimumFrameWidth = parsed[Self.minimumWidth] ?? render.minimumFrameWidth
        if action == .render { foldedOutput = parsed[Self.foldedOutput] }
        if action == .diff { normalize = !parsed[Self.noNormalize] }
        guard output != nil else {
            throw UsageError("\(action.rawValue) needs -o OUT.svg (or -o - for stdout)")
        }
    }
}

extension String {
    /// `\n` written as two characters on a command line becomes a line break.
    fileprivate var replacingEscapedNewlines: String {
        split(separator: "\\n", omittingEmptySubsequences: false).joined(separator: "\n")
    }
}
