import SuiteSupport

/// Selects cases by name: a name matches when it contains a pattern, or when the pattern, read as a
/// regular expression, matches somewhere in it (as MicroBench's `--filter`). No patterns select every case.
///
/// A pattern that is not a valid regular expression (`[size`) still matches as a substring.
struct CaseFilter {
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

    /// The names among `names` that match, in order.
    /// - Throws: `UsageError` when patterns were given and none of `names` matches them.
    func select(_ names: [String]) throws(UsageError) -> [String] {
        let selected = names.filter(matches)
        guard !selected.isEmpty else {
            let shown = patterns.map { "'\($0)'" }.joined(separator: ", ")
            throw UsageError("--filter \(shown) matches no case (see --list)")
        }
        return selected
    }
}
