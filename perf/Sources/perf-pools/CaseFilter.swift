import MicroBench
import PerfSupport

/// Selects cases by name exactly as MicroBench's `--filter` does (`NameFilter`), and says so when the
/// patterns select nothing.
struct CaseFilter {
    private let filter: NameFilter

    init(_ patterns: [String]) {
        filter = NameFilter(patterns)
    }

    /// Whether `name` is selected.
    func matches(_ name: String) -> Bool { filter.matches(name) }

    /// The names among `names` that match, in order.
    /// - Throws: `UsageError` when patterns were given and none of `names` matches them.
    func select(_ names: [String]) throws(UsageError) -> [String] {
        let selected = names.filter(matches)
        guard !selected.isEmpty else {
            let shown = filter.patterns.map { "'\($0)'" }.joined(separator: ", ")
            throw UsageError("--filter \(shown) matches no case (see --list)")
        }
        return selected
    }
}
