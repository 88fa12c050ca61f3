/// Parsing and validation of result names (`group/case[key=value,...]`).
enum ResultName {
    struct Parsed {
        var segments: [Substring]
        var parameters: [String: String]?
    }

    /// Splits and checks a full name. Segments hold no whitespace, quotes, brackets, `=` or `,`.
    static func parse(_ name: String) throws(PerfResultError) -> Parsed {
        guard !name.isEmpty else { throw .invalidResultName(name, reason: "the name is empty") }
        guard name.utf8.count <= 256 else {
            throw .invalidResultName(name, reason: "the name is longer than 256 bytes")
        }
        var base = Substring(name)
        var parameters: [String: String]?
        if let open = name.firstIndex(of: "[") {
            guard name.last == "]" else {
                throw .invalidResultName(name, reason: "a '[' must open a parameter suffix that ends the name with ']'")
            }
            base = name[..<open]
            let inner = name[name.index(after: open)..<name.index(before: name.endIndex)]
            parameters = try parseParameters(inner, in: name)
        }
        let segments = base.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count >= 2 else {
            throw .invalidResultName(name, reason: "it needs at least one '/' between a group and a case")
        }
        for segment in segments {
            guard !segment.isEmpty else {
                throw .invalidResultName(name, reason: "it has an empty segment (leading, trailing or double '/')")
            }
            if let bad = segment.first(where: isForbiddenInSegment) {
                throw .invalidResultName(name, reason: "segment \"\(segment)\" contains \(describe(bad))")
            }
        }
        return Parsed(segments: segments, parameters: parameters)
    }

    static func validate(parameters: [String: String], in name: String) throws(PerfResultError) {
        for (key, value) in parameters {
            for part in [key, value] {
                guard !part.isEmpty else {
                    throw .invalidResultName(name, reason: "parameter keys and values must not be empty")
                }
                if let bad = part.first(where: isForbiddenInSegment) {
                    throw .invalidResultName(name, reason: "parameter \"\(part)\" contains \(describe(bad))")
                }
            }
        }
    }

    /// `[a=1,b=2]`, keys sorted so that the same parameters always give the same name.
    static func suffix(for parameters: [String: String]) -> String {
        "[" + parameters.keys.sorted().map { "\($0)=\(parameters[$0]!)" }.joined(separator: ",") + "]"
    }

    private static func parseParameters(_ inner: Substring, in name: String) throws(PerfResultError) -> [String: String]
    {
        var result: [String: String] = [:]
        for pair in inner.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = pair.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw .invalidResultName(name, reason: "parameter \"\(pair)\" is not key=value")
            }
            let key = String(parts[0])
            guard result[key] == nil else {
                throw .invalidResultName(name, reason: "parameter \"\(key)\" appears twice")
            }
            result[key] = String(parts[1])
        }
        try validate(parameters: result, in: name)
        return result
    }

    private static func isForbiddenInSegment(_ character: Character) -> Bool {
        character.isWhitespace || character.unicodeScalars.contains { $0.properties.generalCategory == .control }
            || "[]=,\"\\/".contains(character)
    }

    private static func describe(_ character: Character) -> String {
        if character.isWhitespace { return "whitespace" }
        if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "a control character"
        }
        return "'\(character)'"
    }
}
