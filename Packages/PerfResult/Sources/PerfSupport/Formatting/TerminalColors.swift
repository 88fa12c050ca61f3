#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether output gets ANSI colours, decided once per stream, and the painting that honours it.
///
/// Colour is on when the stream is a terminal (`isatty`) and `NO_COLOR` is unset or empty: any non-empty
/// value turns it off (https://no-color.org). Off, `paint` returns text unchanged, so output piped to a file
/// or another program never contains escapes.
public struct TerminalColors: Sendable, Hashable {
    /// Whether `paint` adds escapes.
    public let isEnabled: Bool

    /// Colours on or off as given (tests, or a `--color` flag).
    public init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    /// No colours.
    public static let disabled = TerminalColors(isEnabled: false)

    /// The decision for a stream: on when `isTerminal` and `environment["NO_COLOR"]` is unset or empty.
    public init(isTerminal: Bool, environment: [String: String]) {
        isEnabled = isTerminal && (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// The decision for standard output (`isatty(1)`) in `environment` (usually `ProcessEnvironment.current()`).
    public static func standardOutput(environment: [String: String]) -> TerminalColors {
        TerminalColors(isTerminal: isatty(STDOUT_FILENO) == 1, environment: environment)
    }

    /// The decision for standard error (`isatty(2)`) in `environment`.
    public static func standardError(environment: [String: String]) -> TerminalColors {
        TerminalColors(isTerminal: isatty(STDERR_FILENO) == 1, environment: environment)
    }

    /// `text` in `style` when colour is enabled and a style is given; `text` unchanged otherwise.
    /// - Complexity: O(*n*) in the length of `text`.
    public func paint(_ text: String, _ style: ANSIStyle?) -> String {
        guard isEnabled, let style else { return text }
        return style.wrap(text)
    }
}
