/// A terminal text style (ANSI SGR): bold, dim, a colour, or several together (`.bold + .red`).
///
/// A style only describes; `TerminalColors.paint` applies it, and only when colour is enabled.
public struct ANSIStyle: Sendable, Hashable {
    /// The SGR parameters, e.g. `1;31`.
    public let parameters: String

    /// A style with raw SGR `parameters` (`38;5;208` for a 256-colour orange).
    public init(parameters: String) {
        self.parameters = parameters
    }

    public static let bold = ANSIStyle(parameters: "1")
    public static let dim = ANSIStyle(parameters: "2")
    public static let red = ANSIStyle(parameters: "31")
    public static let green = ANSIStyle(parameters: "32")
    public static let yellow = ANSIStyle(parameters: "33")
    public static let blue = ANSIStyle(parameters: "34")
    public static let magenta = ANSIStyle(parameters: "35")
    public static let cyan = ANSIStyle(parameters: "36")

    /// Both styles at once: `.bold + .red` is `1;31`.
    public static func + (left: ANSIStyle, right: ANSIStyle) -> ANSIStyle {
        ANSIStyle(parameters: left.parameters + ";" + right.parameters)
    }

    /// `text` between this style's escape and the reset escape, whatever the terminal.
    /// - Complexity: O(*n*) in the length of `text`.
    public func wrap(_ text: String) -> String {
        "\u{1B}[\(parameters)m\(text)\u{1B}[0m"
    }

    /// The number of characters of `text` a terminal shows: escape sequences excluded.
    ///
    /// Counts `Character`s, so a character a terminal draws two columns wide (most emoji, CJK) counts one.
    /// - Complexity: O(*n*) in the length of `text`.
    public static func visibleCount(of text: String) -> Int {
        text.utf8.contains(0x1B) ? withoutEscapes(text).count : text.count
    }

    /// `text` without its escape sequences: CSI sequences (`ESC [`, parameters, a final byte in `@...~`, which
    /// covers every SGR style) and two-character escapes (`ESC c`).
    /// - Complexity: O(*n*) in the length of `text`.
    public static func withoutEscapes(_ text: String) -> String {
        var plain = String.UnicodeScalarView()
        var state = EscapeState.text
        for scalar in text.unicodeScalars {
            switch state {
            case .text:
                if scalar == "\u{1B}" { state = .escape } else { plain.append(scalar) }
            case .escape:
                state = scalar == "[" ? .controlSequence : .text
            case .controlSequence:
                if (0x40...0x7E).contains(scalar.value) { state = .text }
            }
        }
        return String(plain)
    }

    private enum EscapeState {
        case text
        case escape
        case controlSequence
    }
}
