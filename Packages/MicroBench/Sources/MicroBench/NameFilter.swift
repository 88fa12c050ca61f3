/// Selects tasks by name: a name matches when it contains a pattern, or when the pattern, read as a
/// regular expression, matches somewhere in it. No patterns select everything.
///
/// A pattern that is not a valid regular expression (`[size=16`) still matches as a substring.
struct NameFilter {
    private let patterns: [String]
    private let expressions: [Regex<AnyRegexOutput>]

    init(_ patterns: [String]) {
        self.patterns = patterns
        expressions = patterns.compactMap { try? Regex($0) }
    }

    /// Whether `name` is selected.
    /// - Complexity: O(*p* × *n*) for *p* patterns and a name of length *n*, for the substring part.
    func matches(_ name: String) -> Bool {
        if patterns.isEmpty { return true }
        if patterns.contains(where: { name.contains($0) }) { return true }
        return expressions.contains { (try? $0.firstMatch(in: name)) != nil }
    }
}
