/// What the parser and `--help` need to know of an option or flag, whatever its value type.
///
/// `Option` and `Flag` conform; a command lists them, and the parser works through this protocol.
public protocol ArgumentDeclaration: Sendable {
    /// The long name without dashes, e.g. `connections` for `--connections`.
    var name: String { get }
    /// The one-letter name, e.g. `c` for `-c`, if any.
    var short: Character? { get }
    /// Other long names accepted for the same argument (e.g. `requests` for `count`).
    var aliases: [String] { get }
    /// The help line.
    var help: String { get }
    /// The environment variable read when the argument is not on the command line, if any.
    var environment: String? { get }
    /// Whether it is left out of `--help` (internal arguments, e.g. between a process and its children).
    var hidden: Bool { get }
    /// The placeholder of its value in `--help`, or `nil` for a flag, which takes no value.
    var valuePlaceholder: String? { get }
    /// The default as `--help` shows it, if any.
    var defaultDescription: String? { get }
    /// Whether it may be given more than once.
    var repeatable: Bool { get }

    /// Converts a value given on the command line (`source` is the flag as typed) or in the environment
    /// (`source` is the variable's name).
    /// - Throws: `UsageError` naming `source`.
    func convert(_ text: String, source: String, fromEnvironment: Bool) throws(UsageError) -> any Sendable
}

/// An option that takes a value: `--json PATH`, `--duration 10s`, `-c 50`.
///
/// ```swift
/// static let connections = Option("connections", short: "c", .integer.atLeast(1), default: 50,
///                                 help: "connections to open")
/// ...
/// let count = parsed[connections]   // Int?, the default when not given
/// ```
public struct Option<Value: Sendable>: ArgumentDeclaration {
    public let name: String
    public let short: Character?
    public let aliases: [String]
    /// How the value's text is converted and checked.
    public let kind: ValueKind<Value>
    public let help: String
    /// The value when the option is neither given nor set in the environment.
    public let defaultValue: Value?
    public let environment: String?
    public let repeatable: Bool
    public let hidden: Bool
    private let defaultText: String?

    /// Declares an option.
    ///
    /// - Parameters:
    ///   - name: the long name without dashes.
    ///   - short: the one-letter name; its value may be attached wrk-style (`-c50`, `-d8s`).
    ///   - kind: how the value is converted and checked.
    ///   - default: the value when the option is not given (shown in `--help` unless `defaultText` says more).
    ///   - defaultText: what `--help` shows as the default when it is not a plain value (`cores`).
    ///   - environment: a variable read when the option is not on the command line.
    ///   - repeatable: whether the option may be given more than once (`values(_:)` reads them all); a
    ///     non-repeatable option given twice is a usage error.
    ///   - hidden: left out of `--help`.
    public init(
        _ name: String, short: Character? = nil, aliases: [String] = [], _ kind: ValueKind<Value>,
        default: Value? = nil, defaultText: String? = nil, environment: String? = nil, repeatable: Bool = false,
        hidden: Bool = false, help: String
    ) {
        self.name = name
        self.short = short
        self.aliases = aliases
        self.kind = kind
        self.defaultValue = `default`
        self.defaultText = defaultText
        self.environment = environment
        self.repeatable = repeatable
        self.hidden = hidden
        self.help = help
    }

    public var valuePlaceholder: String? { kind.placeholder }

    public var defaultDescription: String? {
        defaultText ?? defaultValue.map(kind.describe)
    }

    public func convert(_ text: String, source: String, fromEnvironment: Bool) throws(UsageError) -> any Sendable {
        try kind.convert(text, source: source)
    }
}

/// A flag, which takes no value: `--strict`, `--list`, `-h`.
///
/// From the environment, a flag is read with the one truthy rule of the toolkit (`Truthiness`):
/// `STRICT_PERF=1` sets `--strict`.
public struct Flag: ArgumentDeclaration {
    public let name: String
    public let short: Character?
    public let aliases: [String]
    public let help: String
    public let environment: String?
    public let hidden: Bool

    /// Declares a flag; `environment` names a variable read with the truthy rule when the flag is not given.
    public init(
        _ name: String, short: Character? = nil, aliases: [String] = [], environment: String? = nil,
        hidden: Bool = false, help: String
    ) {
        self.name = name
        self.short = short
        self.aliases = aliases
        self.environment = environment
        self.hidden = hidden
        self.help = help
    }

    public var valuePlaceholder: String? { nil }
    public var defaultDescription: String? { nil }
    public var repeatable: Bool { false }

    public func convert(_ text: String, source: String, fromEnvironment: Bool) throws(UsageError) -> any Sendable {
        try Truthiness.parse(text, variable: source)
    }
}

/// A positional argument: `URL`, `FILE...`.
public struct Positional: Sendable, Hashable {
    /// How many values a positional takes.
    public enum Arity: Sendable, Hashable {
        /// Exactly one.
        case required
        /// One or none.
        case optional
        /// Any number, none included.
        case zeroOrMore
        /// At least one.
        case oneOrMore
    }

    /// The name in `--help` and messages, e.g. `URL` or `FILE`.
    public let name: String
    /// How many values it takes.
    public let arity: Arity
    /// The help line.
    public let help: String

    /// Declares a positional argument.
    public init(_ name: String, _ arity: Arity = .required, help: String) {
        self.name = name
        self.arity = arity
        self.help = help
    }

    /// How `--help`'s usage line writes it: `URL`, `[URL]`, `[FILE...]`, `FILE...`.
    var usageText: String {
        switch arity {
        case .required: name
        case .optional: "[\(name)]"
        case .zeroOrMore: "[\(name)...]"
        case .oneOrMore: "\(name)..."
        }
    }
}
