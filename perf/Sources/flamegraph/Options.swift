import FlameGraph
import SuiteSupport

/// What a run of `flamegraph` was asked to do.
struct Options {
    enum Command: String { case render, diff, collapse }
    enum InputFormat: String { case perfScript = "perf-script", folded }

    var command: Command = .render
    var inputs: [String] = []
    var output: String?
    var foldedOutput: String?
    var inputFormat: InputFormat?
    var render = FlameGraphSVG.Options()
    var collapse = PerfScriptCollapser.Options()
    var demangle = true
    var simplifiedNames = true
    var normalize = true
    var help = false

    static let usage = """
        flamegraph: collapse `perf script` output into folded stacks and draw interactive flame graphs (SVG).

        Usage:
          flamegraph render [INPUT] -o OUT.svg [options]       a flame graph
          flamegraph diff BEFORE AFTER -o OUT.svg [options]    a differential flame graph: AFTER's shape, each
                                                               frame red (grew) or blue (shrank) by its self change
          flamegraph collapse [INPUT] [-o OUT.folded]          folded stacks ("root;...;leaf count" lines)
          flamegraph heap-summary PRINT.txt [--top N]          top allocation sites of heaptrack_print output

        INPUT is the text of `perf script` or folded stacks (told apart by their form); none or `-` is stdin.

        Options:
          -o, --output PATH        where to write (collapse: stdout when not given)
          --folded-output PATH     render: also write the folded stacks (keep them for a later diff)
          --input perf-script|folded   the input's form, when the guess is wrong
          --title TEXT             the heading (default "Flame Graph")
          --subtitle TEXT          lines under the heading (\\n separates lines)
          --count-name NAME        what the counts are: samples (default), bytes, allocations
          --width PX               image width (default 1200)
          --min-width PX           leave out frames narrower than this (default 0.1)
          --process MODE           the root frame of each stack: command (default), pid, thread, none
          --event NAME             only samples of this perf event (cpu-clock, cycles, ...)
          --no-kernel              drop kernel frames
          --no-inline              drop inlined frames
          --no-demangle            keep Swift symbols mangled
          --full-names             demangle with module names and signatures (default: simplified)
          --no-normalize           diff: compare raw counts instead of scaling BEFORE to AFTER's total
          -h, --help               this text

        Swift symbols are demangled with `swift demangle --simplified`, all in one process. Kernel frames end
        in _[k] in folded stacks and are orange in the graph; inlined frames end in _[i] and are aqua; Swift is
        green, C red, C++ yellow, frames without a symbol grey. In the SVG: hover for details, click to zoom,
        Search (or Ctrl-F) highlights frames matching a regular expression.

        Exit status: 0 written; 2 bad usage or input (the message says what to fix).
        """

    static func parse(_ arguments: [String]) throws(UsageError) -> Options {
        var options = Options()
        var rest = arguments[...]
        if let first = rest.first, !first.hasPrefix("-") {
            guard let command = Command(rawValue: first) else {
                throw UsageError("unknown command '\(first)'; use render, diff, collapse or heap-summary (see --help)")
            }
            options.command = command
            rest = rest.dropFirst()
        }
        func value(_ flag: String) throws(UsageError) -> String {
            guard let next = rest.first else { throw UsageError("\(flag) needs a value (see --help)") }
            rest = rest.dropFirst()
            return next
        }
        func number(_ flag: String) throws(UsageError) -> Double {
            let text = try value(flag)
            guard let parsed = Double(text), parsed.isFinite else {
                throw UsageError("\(flag): expected a number, got '\(text)'")
            }
            return parsed
        }
        while let argument = rest.first {
            rest = rest.dropFirst()
            switch argument {
            case "-h", "--help": options.help = true
            case "-o", "--output": options.output = try value(argument)
            case "--folded-output": options.foldedOutput = try value(argument)
            case "--input":
                let text = try value(argument)
                guard let format = InputFormat(rawValue: text) else {
                    throw UsageError("--input: expected perf-script or folded, got '\(text)'")
                }
                options.inputFormat = format
            case "--title": options.render.title = try value(argument)
            case "--subtitle": options.render.subtitle = try value(argument).replacingEscapedNewlines
            case "--count-name": options.render.countName = try value(argument)
            case "--width": options.render.width = Int(try number(argument))
            case "--min-width": options.render.minimumFrameWidth = try number(argument)
            case "--process":
                let text = try value(argument)
                switch text {
                case "command": options.collapse.processRoot = .command
                case "pid": options.collapse.processRoot = .commandAndProcess
                case "thread": options.collapse.processRoot = .commandAndThread
                case "none": options.collapse.processRoot = .none
                default: throw UsageError("--process: expected command, pid, thread or none, got '\(text)'")
                }
            case "--event": options.collapse.event = try value(argument)
            case "--no-kernel": options.collapse.includeKernel = false
            case "--no-inline": options.collapse.includeInlined = false
            case "--no-demangle": options.demangle = false
            case "--full-names": options.simplifiedNames = false
            case "--no-normalize": options.normalize = false
            case "-": options.inputs.append(argument)
            default:
                if argument.hasPrefix("-") { throw UsageError("unknown flag '\(argument)' (see --help)") }
                options.inputs.append(argument)
            }
        }
        if options.help { return options }
        switch options.command {
        case .render, .collapse:
            guard options.inputs.count <= 1 else {
                throw UsageError("\(options.command.rawValue) reads one input, got \(options.inputs.count)")
            }
            if options.command == .render, options.output == nil {
                throw UsageError("render needs -o OUT.svg (or -o - for stdout)")
            }
        case .diff:
            guard options.inputs.count == 2 else {
                throw UsageError("diff needs BEFORE and AFTER, got \(options.inputs.count) input(s)")
            }
            guard options.output != nil else { throw UsageError("diff needs -o OUT.svg (or -o - for stdout)") }
        }
        return options
    }
}

extension String {
    /// `\n` written as two characters on a command line becomes a line break.
    fileprivate var replacingEscapedNewlines: String {
        split(separator: "\\n", omittingEmptySubsequences: false).joined(separator: "\n")
    }
}
