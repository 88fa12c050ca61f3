import PerfResult

extension PerformanceHistory {
    /// The same history with only the reports of the suites `filters` select (`CheckInputs.suite(_:isSelectedBy:)`:
    /// the name itself or `name-…`). Every entry stays, so that the commits and the newest one are the
    /// history's own, even where an entry holds none of the suites. No filters select everything.
    /// - Throws: `RegressionError.badHistory` naming a filter that selects no report of any entry.
    /// - Complexity: O(entries × reports × filters).
    public func selecting(suites filters: [String]) throws(RegressionError) -> PerformanceHistory {
        guard !filters.isEmpty else { return self }
        let suites = Set(entries.flatMap { $0.reports.map(\.suite) })
        for filter in filters where !suites.contains(where: { CheckInputs.suite($0, isSelectedBy: filter) }) {
            throw .badHistory(
                path: directory,
                reason: "no entry holds suite \"\(filter)\" (or \(filter)-*); the history has "
                    + suites.sorted().joined(separator: ", ") + "; check the name passed to --suite")
        }
        let selected = entries.map { entry in
            HistoryEntry(
                sequence: entry.sequence, commit: entry.commit,
                reports: entry.reports.filter { report in
                    filters.contains { CheckInputs.suite(report.suite, isSelectedBy: $0) }
                })
        }
        return PerformanceHistory(directory: directory, entries: selected)
    }
}
