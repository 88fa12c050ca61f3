/// What a command line said, typed: read it with the declarations that described it.
///
/// ```swift
/// let url = parsed.positionals.first
/// let connections = parsed[Options.connections]    // given, else the environment, else the default
/// let headers = parsed.values(Options.header)       // every value of a repeatable option
/// if parsed[Options.strict] { ... }
/// ```
public struct ParsedArguments: Sendable {
    /// The command and subcommands chosen, e.g. `["loadgen", "merge"]`.
    public let commandPath: [String]
    /// Whether `-h` or `--help` was given; the other fields are then incomplete.
    public let helpRequested: Bool
    /// The help text of the chosen (sub)command.
    public let helpText: String
    /// The positional arguments, in order.
    public let positionals: [String]

    let values: [String: [any Sendable]]
    let declared: Set<String>

    init(
        commandPath: [String], helpRequested: Bool, helpText: String, positionals: [String],
        values: [String: [any Sendable]], declared: Set<String>
    ) {
        self.commandPath = commandPath
        self.helpRequested = helpRequested
        self.helpText = helpText
        self.positionals = positionals
        self.values = values
        self.declared = declared
    }

    /// The subcommand chosen (the last one for nested subcommands), or `nil` for the command itself.
    public var subcommand: String? {
        commandPath.count > 1 ? commandPath.last : nil
    }

    /// The value given on the command line (the last, for a repeatable option), else in the option's
    /// environment variable, else its default.
    /// - Precondition: the option is declared by the command that parsed.
    public subscript<Value>(_ option: Option<Value>) -> Value? {
        given(option) ?? option.defaultValue
    }

    /// Whether the flag was given on the command line or set true in its environment variable.
    /// - Precondition: the flag is declared by the command that parsed.
    public subscript(_ flag: Flag) -> Bool {
        checkDeclared(flag)
        return (values[flag.name]?.last as? Bool) ?? false
    }

    /// The value given on the command line or in the environment, ignoring the default: for tools where a
    /// given value overrides another source (a scenario file) and the default must not.
    /// - Precondition: the option is declared by the command that parsed.
    public func given<Value>(_ option: Option<Value>) -> Value? {
        checkDeclared(option)
        return values[option.name]?.last as? Value
    }

    /// Every value of a repeatable option, in the order given (the environment's when none was given).
    /// - Precondition: the option is declared by the command that parsed.
    public func values<Value>(_ option: Option<Value>) -> [Value] {
        checkDeclared(option)
        return (values[option.name] ?? []).compactMap { $0 as? Value }
    }

    /// Whether the option or flag was given on the command line or in its environment variable.
    public func isGiven(_ argument: some ArgumentDeclaration) -> Bool {
        checkDeclared(argument)
        return values[argument.name] != nil
    }

    /// Refuses two arguments given together.
    /// - Throws: `UsageError` naming both when both were given.
    public func exclusive(_ first: some ArgumentDeclaration, _ second: some ArgumentDeclaration) throws(UsageError) {
        guard isGiven(first), isGiven(second) else { return }
        throw UsageError("--\(first.name) and --\(second.name) cannot be used together; give one of them")
    }

    /// Refuses `dependent` without `requirement`.
    /// - Throws: `UsageError` naming both when `dependent` was given without `requirement`.
    public func requires(_ dependent: some ArgumentDeclaration, _ requirement: some ArgumentDeclaration)
        throws(UsageError)
    {
        guard isGiven(dependent), !isGiven(requirement) else { return }
        throw UsageError("--\(dependent.name) only applies with --\(requirement.name)")
    }

    private func checkDeclared(_ argument: some ArgumentDeclaration) {
        precondition(
            declared.contains(argument.name),
            "--\(argument.name) is not declared by \(commandPath.joined(separator: " "))")
    }
}
