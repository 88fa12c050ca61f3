public import PerfSupport

/// Every way collapsing, demangling or rendering a profile can fail.
///
/// Each message says what was wrong with the input and what to do about it.
public enum FlameGraphError: Error, Equatable, Sendable {
    /// A line of a folded-stacks file is not `frame;frame;... count`; `line` counts from 1.
    case malformedFoldedLine(line: Int, text: String)
    /// The profile holds no sample at all, so there is nothing to draw.
    case emptyProfile(source: String)
    /// The demangler could not be started or did not answer one line per symbol.
    case demanglerFailed(command: String, reason: String)
    /// A render option is out of its range; `expected` says what would be accepted.
    case invalidOption(name: String, value: String, expected: String)
}

extension FlameGraphError {
    /// The demangler's failure as this package's error, whose text adds `--no-demangle`.
    public init(_ failure: DemanglerFailure) {
        self = .demanglerFailed(command: failure.command, reason: failure.reason)
    }
}

extension FlameGraphError: CustomStringConvertible {
    /// What went wrong and what to do about it, in one line.
    public var description: String {
        switch self {
        case .malformedFoldedLine(let line, let text):
            let shown = text.count > 80 ? String(text.prefix(77)) + "..." : text
            return "folded stacks, line \(line): expected \"frame;frame;... count\" with a positive integer count, "
                + "got \"\(shown)\"; give perf script output with --input perf-script"
        case .emptyProfile(let source):
            return "\(source) holds no samples: record longer, or check that perf recorded the right process "
                + "(perf report -i perf.data --stdio)"
        case .demanglerFailed(let command, let reason):
            return "demangling with \(command) failed: \(reason); put the Swift toolchain's bin directory on PATH "
                + "or pass --no-demangle"
        case .invalidOption(let name, let value, let expected):
            return "\(name): expected \(expected), got \"\(value)\""
        }
    }
}
