extension Command {
    /// Parses `arguments` (without the program name), reading environment fallbacks from `environment`.
    ///
    /// When `-h` or `--help` is among the options, returns at once with `helpRequested` set, whatever else
    /// the line holds.
    /// - Throws: `UsageError` naming the argument at fault and what to do.
    /// - Complexity: O(*n* × *a*) for *n* arguments and *a* declared arguments.
    public func parse(_ arguments: [String], environment: [String: String] = [:]) throws(UsageError)
        -> ParsedArguments
    {
        try parse(arguments[...], environment: environment, path: [name])
    }

    private func parse(_ arguments: ArraySlice<String>, environment: [String: String], path: [String])
        throws(UsageError) -> ParsedArguments
    {
        if let first = arguments.first, let subcommand = subcommands.first(where: { $0.name == first }) {
            return try subcommand.parse(arguments.dropFirst(), environment: environment, path: path + [first])
        }
        let declared = Set(self.arguments.map(\.name))
        let options = arguments.prefix { $0 != "--" }
        if options.contains("--help") || options.contains("-h") {
            return ParsedArguments(
                commandPath: path, helpRequested: true, helpText: helpText(path: path), positionals: [],
                values: [:], declared: declared)
        }
        var reader = ArgumentReader(command: self, program: path.joined(separator: " "), arguments: arguments)
        try reader.read()
        try reader.applyEnvironment(environment)
        try reader.checkPositionals()
        return ParsedArguments(
            commandPath: path, helpRequested: false, helpText: helpText(path: path), positionals: reader.positionals,
            values: reader.values, declared: declared)
    }
}

/// One pass over the arguments of one command: options with their values, then positionals.
private struct ArgumentReader {
    let command: Command
    let program: String
    let arguments: ArraySlice<String>
    var index: Int
    var values: [String: [any Sendable]] = [:]
    var typedAs: [String: String] = [:]
    var positionals: [String] = []

    init(command: Command, program: String, arguments: ArraySlice<String>) {
        self.command = command
        self.program = program
        self.arguments = arguments
        self.index = arguments.startIndex
    }

    mutating func read() throws(UsageError) {
        var onlyPositionals = false
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || argument == "-" || !argument.hasPrefix("-") {
                positionals.append(argument)
            } else if argument == "--" {
                onlyPositionals = true
            } else if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                let inline = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
                guard let declaration = command.argument(long: name) else { throw unknown(argument) }
                try record(declaration, typed: "--" + name, inline: inline)
            } else {
                let letter = argument[argument.index(after: argument.startIndex)]
                guard let declaration = command.argument(short: letter) else { throw unknown(argument) }
                let rest = argument.dropFirst(2)
                try record(declaration, typed: "-\(letter)", inline: rest.isEmpty ? nil : String(rest))
            }
        }
    }

    private mutating func record(_ declaration: any ArgumentDeclaration, typed: String, inline: String?)
        throws(UsageError)
    {
        let value: any Sendable
        let text: String
        if let placeholder = declaration.valuePlaceholder {
            if let inline {
                text = inline
            } else if index < arguments.endIndex, !arguments[index].hasPrefix("--") {
                text = arguments[index]
                index += 1
            } else {
                text = ""
            }
            guard !text.isEmpty else {
                throw UsageError("\(typed) needs a value (\(typed) \(placeholder)); see \(program) --help")
            }
            value = try declaration.convert(text, source: typed, fromEnvironment: false)
        } else {
            if let inline {
                throw UsageError("\(typed) takes no value; remove \"\(typed.hasPrefix("--") ? "=" : "")\(inline)\"")
            }
            text = typed
            value = true
        }
        if let earlier = typedAs[declaration.name], !declaration.repeatable {
            let both = declaration.valuePlaceholder == nil ? "" : " (\(earlier) and \(text))"
            throw UsageError("\(typed) is given twice\(both); give it once")
        }
        typedAs[declaration.name] = text
        values[declaration.name, default: []].append(value)
    }

    mutating func applyEnvironment(_ environment: [String: String]) throws(UsageError) {
        for declaration in command.arguments where values[declaration.name] == nil {
            guard let variable = declaration.environment, let text = environment[variable], !text.isEmpty else {
                continue
            }
            let value = try declaration.convert(text, source: variable, fromEnvironment: true)
            if let set = value as? Bool, !set { continue }
            values[declaration.name] = [value]
        }
    }

    func checkPositionals() throws(UsageError) {
        let declared = command.positionals
        let needed = declared.filter { $0.arity == .required || $0.arity == .oneOrMore }.count
        let unbounded = declared.last.map { $0.arity == .zeroOrMore || $0.arity == .oneOrMore } ?? false
        if positionals.count < needed {
            var remaining = positionals.count
            let missing = declared.first { positional in
                let needsOne = positional.arity == .required || positional.arity == .oneOrMore
                if needsOne && remaining == 0 { return true }
                if needsOne { remaining -= 1 }
                return false
            }
            throw UsageError("missing \(missing?.name ?? "an argument"); see \(program) --help")
        }
        guard !unbounded, positionals.count > declared.count else { return }
        let extra = positionals[declared.count]
        if declared.isEmpty && !command.subcommands.isEmpty {
            let names = command.subcommands.map(\.name)
            throw UsageError(
                "unknown command \"\(extra)\"; use \(ChoiceText.expectation(names)); see \(program) --help")
        }
        let what = declared.isEmpty ? "unexpected argument" : "unexpected extra argument"
        throw UsageError("\(what) \"\(extra)\"; see \(program) --help")
    }

    private func unknown(_ argument: String) -> UsageError {
        let name = String(argument.drop { $0 == "-" }.prefix { $0 != "=" })
        let names = command.arguments.flatMap { [$0.name] + $0.aliases }
        let nearest = names.map { (name: $0, distance: EditDistance.between($0, name)) }
            .filter { $0.distance <= 2 }
            .min { $0.distance < $1.distance }
        let hint = nearest.map { " (did you mean --\($0.name)?)" } ?? ""
        return UsageError("unknown option \(argument)\(hint); see \(program) --help")
    }
}

/// The Levenshtein distance, for "did you mean" hints.
enum EditDistance {
    static func between(_ first: String, _ second: String) -> Int {
        let a = Array(first)
        let b = Array(second)
        var previous = Array(0...b.count)
        for (i, characterA) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, characterB) in b.enumerated() {
                current[j + 1] = Swift.min(
                    previous[j + 1] + 1, current[j] + 1, previous[j] + (characterA == characterB ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
