import FlameGraph
import PerfSupport

/// The command line of `flamegraph`: `render` (also when no subcommand is named), `diff`, `collapse` and
/// `heap-summary`, each declaring the options that mean something to it.
extension Options {
    static let output = Option(
        "output", short: "o", .path,
        help: "where to write; - for standard output (collapse: standard output when not given)")
    static let foldedOutput = Option(
        "folded-output", .path, help: "also write the folded stacks (keep them for a later diff)")
    static let input = Option("input", .choice(InputFormat.self), help: "the input's form, when the guess is wrong")
    static let process = Option(
        "process",
        ValueKind<PerfScriptCollapser.ProcessRoot>(
            placeholder: "command|pid|thread|none", expectation: "command, pid, thread or none"
        ) {
            ["command": .command, "pid": .commandAndProcess, "thread": .commandAndThread, "none": .none][$0]
        }, defaultText: "command", help: "the root frame of each stack")
    static let event = Option(
        "event", .string.placeholder("NAME"), help: "only samples of this perf event (cpu-clock, cycles, ...)")
    static let noKernel = Flag("no-kernel", help: "drop kernel frames")
    static let noInline = Flag("no-inline", help: "drop inlined frames")
    static let noDemangle = Flag("no-demangle", help: "keep Swift symbols mangled")
    static let fullNames = Flag(
        "full-names", help: "demangle with module names and signatures (default: simplified)")
    static let title = Option("title", .string, default: "Flame Graph", help: "the heading")
    static let subtitle = Option("subtitle", .string, help: "lines under the heading (\\n separates lines)")
    static let countName = Option(
        "count-name", .string.placeholder("NAME"), default: "samples",
        help: "what the counts are: samples, bytes, allocations")
    static let width = Option("width", .integer.placeholder("PX"), default: 1200, help: "image width")
    static let minimumWidth = Option(
        "min-width", .number.placeholder("PX"), default: 0.1, help: "leave out frames narrower than this")
    static let noNormalize = Flag(
        "no-normalize", help: "compare raw counts instead of scaling BEFORE to AFTER's total")
    static let top = Option(
        "top", .integer.atLeast(0), default: 8, help: "allocation sites in each table, by peak memory and by calls")

    private static let reading = Command.Group(
        "Input", [input, process, event, noKernel, noInline, noDemangle, fullNames])
    private static let drawing = Command.Group("Drawing", [title, subtitle, countName, width, minimumWidth])
    private static let anInput = Positional(
        "INPUT", .optional, help: "perf script text or folded stacks (told apart by their form); none or - is stdin")
    private static let demangling = """
        Swift symbols are demangled with `swift demangle --simplified`, all in one process. Kernel frames end
        in _[k] in folded stacks and are orange in the graph; inlined frames end in _[i] and are aqua; Swift is
        green, C red, C++ yellow, frames without a symbol grey. In the SVG: hover for details, click to zoom,
        Search (or Ctrl-F) highlights frames matching a regular expression.
        """
    private static let written = "Exit status: 0 written; 2 bad usage or input (the message says what to fix)."

    static let render = Command(
        "render", summary: "Draws a flame graph of INPUT as an interactive SVG.\n\n\(demangling)",
        groups: [reading, Command.Group("Output", [output, foldedOutput]), drawing], positionals: [anInput],
        usage: ["[INPUT] -o OUT.svg [options]"], footer: written)
    static let diff = Command(
        "diff",
        summary: """
            Draws a differential flame graph: AFTER's shape, each frame red (grew) or blue (shrank) by its self \
            change.

            \(demangling)
            """,
        groups: [
            reading, Command.Group("Output", [output]),
            Command.Group("Drawing", drawing.arguments + [noNormalize]),
        ],
        positionals: [
            Positional("BEFORE", help: "the profile before, perf script text or folded stacks; - is stdin"),
            Positional("AFTER", help: "the profile after"),
        ],
        usage: ["BEFORE AFTER -o OUT.svg [options]"], footer: written)
    static let collapse = Command(
        "collapse", summary: "Writes folded stacks (\"root;...;leaf count\" lines) of INPUT.\n\n\(demangling)",
        groups: [reading, Command.Group("Output", [output])], positionals: [anInput],
        usage: ["[INPUT] [-o OUT.folded] [options]"], footer: written)
    static let heapSummary = Command(
        "heap-summary",
        summary: """
            Prints the top allocation sites of heaptrack_print output.

            Reads the text of `heaptrack_print -f FILE` (PRINT.txt, or - for stdin) and prints the peak heap,
            the allocation calls, what was left at exit, and the top N allocation sites (8 by default) by peak
            memory and by number of calls. A site is the first frame of a backtrace that is the program's own
            code: not an allocator, the Swift runtime or the standard library; its file:line comes along. Swift
            names are demangled with `swift demangle --simplified` in one process (kept mangled when it is missing).
            """,
        options: [top, noDemangle, fullNames],
        positionals: [Positional("PRINT.txt", help: "the text of heaptrack_print -f FILE; - is stdin")],
        footer: "Exit status: 0 printed; 2 bad usage or an unreadable file.")

    /// `flamegraph`: without a subcommand, it renders.
    static let command = Command(
        "flamegraph",
        summary: """
            Collapses `perf script` output into folded stacks and draws interactive flame graphs (SVG). Without
            a command, it renders.

            INPUT is the text of `perf script` or folded stacks (told apart by their form); none or `-` is stdin.

            \(demangling)
            """,
        groups: render.groups, positionals: [anInput], subcommands: [render, diff, collapse, heapSummary],
        usage: [
            "render [INPUT] -o OUT.svg [options]", "diff BEFORE AFTER -o OUT.svg [options]",
            "collapse [INPUT] [-o OUT.folded] [options]", "heap-summary PRINT.txt [--top N] [options]",
        ],
        footer: written)
}
