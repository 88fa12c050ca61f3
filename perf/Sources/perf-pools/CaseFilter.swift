import MicroBench
import PerfSupport

/// Selects cases by name exactly as MicroBench's `--filter` does (`NameFilter`), and says so when the
/// patterns select nothing. A selected case brings the cases its bars divide by (`threads2/pool` brings
/// `threads1/pool`), so that its ratio metrics are measured whenever it is: a re-run of a flagged result — the
/// A/B confirmation round filters by result name — then measures the same metrics as the run that flagged it.
struct CaseFilter {
    private let filter: NameFilter

    init(_ patterns: [String]) {
        filter = NameFilter(patterns)
    }

    /// Whether `name` is selected.
    func matches(_ name: String) -> Bool { filter.matches(name) }

    /// The names among `names` that match, and the baselines of the `bars` whose subject matches, in the order of
    /// `names`.
    /// - Throws: `UsageError` when patterns were given and none of `names` matches them.
    func select(_ names: [String], bars: [Bar] = Bar.all) throws(UsageError) -> [String] {
        let matched = Set(names.filter(matches))
        guard !matched.isEmpty else {
            let shown = filter.patterns.map { "'\($0)'" }.joined(separator: ", ")
            throw UsageError("--filter \(shown) matches no case (see --list)")
        }
        let needed = Set(bars.filter { matched.contains($0.subject) }.map(\.baseline))
        return names.filter { matched.contains($0) || needed.contains($0) }
    }
}
