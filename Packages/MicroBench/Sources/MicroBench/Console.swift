import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the runner writes: standard output for results, standard error for progress and errors.
///
/// Injected so that tests capture both streams and choose whether they are terminals. Progress is
/// written only when standard error is a terminal; colour only when the stream is a terminal and
/// `NO_COLOR` is unset or empty (`TerminalColors`).
struct Console {
    var write: (String) -> Void
    var writeError: (String) -> Void
    var outputIsTerminal: Bool
    var errorIsTerminal: Bool

    /// The process's standard output and error, written unbuffered so that each row appears as soon
    /// as it is measured. A closed pipe ends what can be shown, not the run: write errors are dropped.
    static var standard: Console {
        Console(
            write: { StandardStream.write($0, to: .output) },
            writeError: { StandardStream.write($0, to: .error) },
            outputIsTerminal: isatty(STDOUT_FILENO) == 1,
            errorIsTerminal: isatty(STDERR_FILENO) == 1)
    }

    /// The colours of standard output in `environment`.
    func outputColors(_ environment: [String: String]) -> TerminalColors {
        TerminalColors(isTerminal: outputIsTerminal, environment: environment)
    }

    /// The colours of standard error in `environment`.
    func errorColors(_ environment: [String: String]) -> TerminalColors {
        TerminalColors(isTerminal: errorIsTerminal, environment: environment)
    }
}
