/// A command line declared once: its options and flags (in titled groups), positional arguments and
/// subcommands, from which both the parser and `--help` are made.
///
/// ```swift
/// let json = Option("json", .path, help: "write a PerfResult report to PATH")
/// let strict = Flag("strict", environment: "STRICT_PERF", help: "fail on regressions")
/// let command = Command("perf-check", summary: "Compares results with baselines.", options: [json, strict])
/// let parsed = command.parseOrExit()
/// if parsed[strict] { ... }
/// ```
///
/// The rules, the same for every tool: `--name value` and `--name=value`; a short name takes its value as the
/// next argument or attached (`-c50`); a value may not start with `--` unless given with `=`; `--` ends the
/// options; an option given twice is an error unless declared repeatable; an option not given falls back to
/// its environment variable, then its default; `-h`/`--help` anywhere asks for the help text; every mistake is
/// a `UsageError` naming the argument and what to do (exit status 2).
public struct Command: Sendable {
    /// A titled group of options in `--help`, e.g. `Load` or `Output`.
    public struct Group: Sendable {
        /// The group's title in `--help`.
        public let title: String
        /// The options and flags, in the order `--help` lists them.
        public let arguments: [any ArgumentDeclaration]

        /// A group titled `title`.
        public init(_ title: String, _ arguments: [any ArgumentDeclaration]) {
            self.title = title
            self.arguments = arguments
        }
    }

    /// The program or subcommand name, e.g. `loadgen` or `merge`.
    public let name: String
    /// What the command does, one or more paragraphs printed after the usage lines.
    public let summary: String
    /// The option groups.
    public let groups: [Group]
    /// The positional arguments, in order; only the last may take more than one value.
    public let positionals: [Positional]
    /// The subcommands, chosen by the first argument.
    public let subcommands: [Command]
    /// Usage lines to print instead of the generated one (without the `Usage:` prefix), when the generated
    /// line cannot say it (e.g. alternative forms).
    public let usage: [String]
    /// Text printed at the end of `--help` (exit status, examples).
    public let footer: String

    /// Declares a command whose options are in titled groups.
    public init(
        _ name: String, summary: String, groups: [Group], positionals: [Positional] = [],
        subcommands: [Command] = [], usage: [String] = [], footer: String = ""
    ) {
        let lastMany = positionals.dropLast().contains { $0.arity == .zeroOrMore || $0.arity == .oneOrMore }
        precondition(!lastMany, "\(name): only the last positional argument may take several values")
        self.name = name
        self.summary = summary
        self.groups = groups
        self.positionals = positionals
        self.subcommands = subcommands
        self.usage = usage
        self.footer = footer
        let names = groups.flatMap(\.arguments).flatMap { [$0.name] + $0.aliases } + ["help"]
        precondition(Set(names).count == names.count, "\(name): two arguments share a name")
    }

    /// Declares a command whose options form one group, titled `Options`.
    public init(
        _ name: String, summary: String, options: [any ArgumentDeclaration], positionals: [Positional] = [],
        subcommands: [Command] = [], usage: [String] = [], footer: String = ""
    ) {
        self.init(
            name, summary: summary, groups: options.isEmpty ? [] : [Group("Options", options)],
            positionals: positionals, subcommands: subcommands, usage: usage, footer: footer)
    }

    /// Every option and flag, in declaration order.
    public var arguments: [any ArgumentDeclaration] {
        groups.flatMap(\.arguments)
    }

    /// The argument named `--text` (by name or alias), if any.
    func argument(long text: String) -> (any ArgumentDeclaration)? {
        arguments.first { $0.name == text || $0.aliases.contains(text) }
    }

    /// The argument named `-character`, if any.
    func argument(short character: Character) -> (any ArgumentDeclaration)? {
        arguments.first { $0.short == character }
    }
}
