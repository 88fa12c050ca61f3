/// Parsers for the text files the environment is read from; they take text so tests can use fixtures.
enum SystemFacts {
    /// `PRETTY_NAME` from `/etc/os-release`, unquoted, e.g. `Debian GNU/Linux 12 (bookworm)`.
    static func osName(fromOsRelease text: String) -> String? {
        var name: String?
        var version: String?
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingSpaces()
            let value = unquote(line[line.index(after: equals)...].trimmingSpaces())
            if key == "PRETTY_NAME", !value.isEmpty { return value }
            if key == "NAME" { name = value }
            if key == "VERSION" { version = value }
        }
        guard let name, !name.isEmpty else { return nil }
        return version.map { "\(name) \($0)" } ?? name
    }

    /// The first `model name` of `/proc/cpuinfo` (x86), else its `Hardware` or `Model` line (ARM boards).
    static func cpuModel(fromCpuinfo text: String) -> String? {
        var fallback: String?
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingSpaces()
            let value = line[line.index(after: colon)...].trimmingSpaces()
            guard !value.isEmpty else { continue }
            if key == "model name" { return collapseSpaces(value) }
            if fallback == nil, key == "Hardware" || key == "Model" { fallback = collapseSpaces(value) }
        }
        return fallback
    }

    private static func unquote(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == text.last, first == "\"" || first == "'" else {
            return text
        }
        return String(text.dropFirst().dropLast())
    }

    private static func collapseSpaces(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }
}
