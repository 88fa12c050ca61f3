extension Command {
    /// The `--help` text of this command when run as `program`: usage lines, the summary, the option groups
    /// with defaults and environment variables, the subcommands, and the footer. Ends with a newline.
    /// - Complexity: O(*a*) in the number of declared arguments.
    public func helpText(program: String? = nil) -> String {
        helpText(path: [program ?? name])
    }

    func helpText(path: [String]) -> String {
        let program = path.joined(separator: " ")
        var sections: [String] = [usageSection(program: program)]
        if !summary.isEmpty { sections.append(summary) }
        let help = Flag("help", short: "h", help: "show this help and exit")
        var groups = self.groups
        if let last = groups.lastIndex(where: { $0.arguments.contains { !$0.hidden } }) {
            groups[last] = Group(groups[last].title, groups[last].arguments + [help])
        } else {
            groups.append(Group("Options", [help]))
        }
        let visible = groups.map { group in (group.title, group.arguments.filter { !$0.hidden }) }
        let rows = visible.flatMap(\.1).map(HelpLayout.left) + positionals.map { "  " + $0.name }
        let width = HelpLayout.column(for: rows)
        if !positionals.isEmpty {
            let lines = positionals.map { HelpLayout.row(left: "  " + $0.name, help: $0.help, column: width) }
            sections.append("Arguments:\n" + lines.joined(separator: "\n"))
        }
        for (title, arguments) in visible where !arguments.isEmpty {
            let lines = arguments.map {
                HelpLayout.row(left: HelpLayout.left($0), help: HelpLayout.help($0), column: width)
            }
            sections.append("\(title):\n" + lines.joined(separator: "\n"))
        }
        if !subcommands.isEmpty {
            let nameWidth = (subcommands.map(\.name.count).max() ?? 0) + 4
            let lines = subcommands.map { command in
                HelpLayout.row(left: "  " + command.name, help: command.firstSentence, column: nameWidth)
            }
            sections.append("Commands (\(program) COMMAND --help for each):\n" + lines.joined(separator: "\n"))
        }
        let variables = visible.flatMap(\.1).compactMap { argument in argument.environment.map { ($0, argument) } }
        if !variables.isEmpty {
            let variableWidth = (variables.map(\.0.count).max() ?? 0) + 4
            let lines = variables.map { variable, argument in
                let meaning =
                    argument.valuePlaceholder == nil
                    ? "--\(argument.name) when 1, true, yes or on" : "--\(argument.name) when not given"
                return HelpLayout.row(left: "  " + variable, help: meaning, column: variableWidth)
            }
            sections.append("Environment:\n" + lines.joined(separator: "\n"))
        }
        if !footer.isEmpty { sections.append(footer) }
        return sections.joined(separator: "\n\n") + "\n"
    }

    private func usageSection(program: String) -> String {
        var lines = usage.isEmpty ? [generatedUsage(program: program)] : usage.map { "\(program) \($0)" }
        if usage.isEmpty {
            lines += subcommands.map { $0.generatedUsage(program: "\(program) \($0.name)") }
        }
        return "Usage: " + lines.joined(separator: "\n       ")
    }

    private func generatedUsage(program: String) -> String {
        var words = [program]
        if !arguments.filter({ !$0.hidden }).isEmpty { words.append("[options]") }
        if !subcommands.isEmpty && positionals.isEmpty && !groups.isEmpty { words.append("| COMMAND ...") }
        words += positionals.map(\.usageText)
        if !subcommands.isEmpty && groups.isEmpty && positionals.isEmpty { words.append("COMMAND ...") }
        return words.joined(separator: " ")
    }

    /// The summary up to its first full stop, for the list of subcommands.
    var firstSentence: String {
        let flat = Array(summary.split(whereSeparator: \.isNewline).joined(separator: " "))
        for index in flat.indices.dropLast() where flat[index] == "." && flat[index + 1] == " " {
            return String(flat[...index])
        }
        return String(flat)
    }
}

/// The two-column layout of `--help`: the argument on the left, its help wrapped on the right.
enum HelpLayout {
    static let lineWidth = 110
    static let maximumColumn = 30

    /// `  -c, --connections N` or `      --json PATH`.
    static func left(_ argument: any ArgumentDeclaration) -> String {
        let short = argument.short.map { "-\($0), " } ?? "    "
        let value = argument.valuePlaceholder.map { " \($0)" } ?? ""
        return "  \(short)--\(argument.name)\(value)"
    }

    /// The help line with what the reader needs to know besides: default, repeatable, environment variable.
    static func help(_ argument: any ArgumentDeclaration) -> String {
        var notes: [String] = []
        if let value = argument.defaultDescription { notes.append("default \(value)") }
        if argument.repeatable { notes.append("repeatable") }
        if let variable = argument.environment { notes.append("env \(variable)") }
        return notes.isEmpty ? argument.help : "\(argument.help) (\(notes.joined(separator: "; ")))"
    }

    /// Where the help column starts: two spaces after the longest left part that fits the maximum.
    static func column(for lefts: [String]) -> Int {
        min((lefts.map(\.count).filter { $0 <= maximumColumn - 2 }.max() ?? 0) + 2, maximumColumn)
    }

    /// One entry: `left`, then `help` from `column` on, wrapped at `lineWidth`; a left part too long for the
    /// column puts the help on the next line.
    static func row(left: String, help: String, column: Int) -> String {
        let indent = String(repeating: " ", count: column)
        let wrapped = wrap(help, width: lineWidth - column)
        var lines: [String] = []
        if left.count + 2 <= column {
            lines.append(left + String(repeating: " ", count: column - left.count) + (wrapped.first ?? ""))
            lines += wrapped.dropFirst().map { indent + $0 }
        } else {
            lines.append(left)
            lines += wrapped.map { indent + $0 }
        }
        return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }

    /// `text` in lines of at most `width` characters, broken at spaces (a longer word gets its own line).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
