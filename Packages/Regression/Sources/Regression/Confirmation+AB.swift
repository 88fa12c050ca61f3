public import PerfResult

/// The A/B confirmation: a timing regression found by base-against-head forks must show again in a second,
/// independent set of base-against-head forks. Under a true null the two rounds fail independently, so a false
/// alarm needs two (about 0.4 % × 0.4 % per metric with 5 forks a side at α = 0.01); a real slowdown shows in
/// both. Both rounds interleave base and head in the same job, so unlike a re-run compared with a stored baseline,
/// neither can confirm the machine's state of the moment.
extension Comparer {
    /// Keeps each gated timing regression of `comparison` only when `confirmation` (the same suite, measured
    /// again base against head) holds the same result and metric as a regression; otherwise the row becomes a
    /// warning noted `not reproduced in the confirmation A/B: <its change>`. Deterministic regressions (exact
    /// counts, instructions: `MetricClass.deterministic`) stand as they are, since measuring them again gives the
    /// same numbers; rows the confirmation does not hold are left alone.
    /// - Complexity: O(*r* × *c*) for *r* regression rows and *c* confirmation rows.
    public func confirm(_ comparison: inout SuiteComparison, with confirmation: SuiteComparison) {
        for index in comparison.rows.indices where comparison.rows[index].verdict == .regression {
            let row = comparison.rows[index]
            if row.isDeterministic { continue }
            guard
                let again = confirmation.rows.first(where: { $0.result == row.result && $0.metric == row.metric })
            else { continue }
            if again.verdict == .regression {
                comparison.rows[index].note = [row.note, "reproduced in the confirmation A/B: \(again.changeCell)"]
                    .compactMap { $0 }.joined(separator: ", ")
            } else {
                comparison.rows[index].verdict = .warning
                comparison.rows[index].note = "not reproduced in the confirmation A/B: \(again.changeCell)"
            }
        }
    }
}

extension CheckOutcome {
    /// The suites and results whose gated regressions are machine-dependent ones (timing, not deterministic
    /// counts), which a confirmation round re-measures: suite name → result names, in row order.
    public var timingRegressions: [String: [String]] {
        var flagged: [String: [String]] = [:]
        for suite in suites {
            for row in suite.rows where row.verdict == .regression {
                if row.isDeterministic { continue }
                if !(flagged[suite.suite]?.contains(row.result) ?? false) {
                    flagged[suite.suite, default: []].append(row.result)
                }
            }
        }
        return flagged
    }
}

extension MetricComparison {
    /// Whether the row's metric is a deterministic count (exact, or `deterministic` in the thresholds), which a
    /// second measurement would only repeat.
    var isDeterministic: Bool {
        if case .exact = basis { return true }
        return rule?.metricClass == .deterministic
    }
}
