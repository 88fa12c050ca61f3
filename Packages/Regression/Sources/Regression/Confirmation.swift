public import PerfResult

/// Re-runs that decide whether a regression is real: on a shared machine a whole benchmark process can
/// land in a burst of foreign load, and its samples then agree with each other (the U test is confident)
/// while the process is slow. A regression that is real reproduces in a fresh process; one that does not
/// was the machine.
extension Comparer {
    /// Keeps each gated regression of `comparison` only when it is a regression again in every re-run
    /// that holds its result and metric; otherwise the row becomes ⚠️ warning, noted
    /// `not reproduced in a re-run: <change of each re-run>`. A confirmed row is noted
    /// `reproduced in <n> re-runs: …`. Rows of results that no re-run holds are left as they are, and so
    /// are the figures, the geomean and every other verdict.
    ///
    /// - Parameter reruns: reports of any suites; those of `comparison.suite` are used.
    /// - Complexity: O(*r* × *m*) comparisons for *r* regression rows and *m* matching re-runs.
    public func confirm(_ comparison: inout SuiteComparison, reruns: [Report]) {
        let runs = reruns.filter { $0.suite == comparison.suite }
        guard !runs.isEmpty else { return }
        for index in comparison.rows.indices where comparison.rows[index].verdict == .regression {
            let row = comparison.rows[index]
            guard let key = row.metric, let baseline = row.baseline else { continue }
            let figures = runs.compactMap { $0.result(named: row.result)?[key] }
            guard !figures.isEmpty else { continue }
            var reproduced = true
            var changes: [String] = []
            for figure in figures where figure.unit == baseline.unit && figure.better == baseline.better {
                let again = compare(baseline: baseline, current: figure, suite: comparison.suite, result: row.result)
                changes.append(again.changeCell)
                if again.verdict != .regression { reproduced = false }
            }
            guard !changes.isEmpty else { continue }
            let list = changes.joined(separator: ", ")
            if reproduced {
                let runsText = changes.count == 1 ? "1 re-run" : "\(changes.count) re-runs"
                comparison.rows[index].note = [row.note, "reproduced in \(runsText): \(list)"]
                    .compactMap { $0 }.joined(separator: ", ")
            } else {
                comparison.rows[index].verdict = .warning
                comparison.rows[index].note = "not reproduced in a re-run: \(list)"
            }
        }
    }
}
