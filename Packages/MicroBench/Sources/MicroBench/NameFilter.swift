/// Selects tasks by name: a name matches when it contains a pattern, or when the pattern, read as a
/// regular expression, matches somewhere in it. No patterns select everything.
///
/// A pattern that is not a valid regular expression (`[size=16`) still matches as a substring. Public so that
/// suites with their own runners select cases exactly as `--filter` does.
public struct NameFilter {
    /// The patterns as given.
    public let patterns: [String]
    private let expressions: [Regex<AnyRegexOutput>]

    /// Creates a filter from `--filter` patterns; none selects everything.
    public init(_ patterns: [String]) {
        self.patterns = patterns
        expressions = patterns.compactMap { try? Regex($0) }
    }

    /// Whether `name` is selected.
    /// - Complexity: O(*p* × *n*) for *p* patterns and a name of length *n*, for the substring part.
    public func matches(_ name: String) -> Bool {
        if patterns.isEmpty { return true }
        if patterns.contains(where: { name.contains($0) }) { return true }
        return expressions.contains { (try? $0.firstMatch(in: name)) != nil }
    }
}
