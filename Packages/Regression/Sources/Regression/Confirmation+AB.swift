import PerfResult
import PerfSupport

/// The A/B confirmation: a timing regression found by base-against-head forks must show again in a second,
/// independent set of base-against-head forks. Both rounds interleave base and head in the same job, so unlike a
/// re-run compared with a stored baseline, neither can confirm the machine's state of the moment.
///
/// It shows again when the second round calls it a regression too, or when the second round is worse by more
/// than the threshold again and both rounds' forks together (twice the forks a side) make it a significant
/// regression. The second clause keeps a real slowdown from being dismissed because forks land in a slow mode
/// on both sides (seen here: `routing/trie[path=deep]` made slower, +32 % then +53 %, the second round's U test at
/// p = 0.056 with 5 forks a side, both rounds' 10 a side at p ≈ 0.005); under a true null, a false alarm still
/// needs the second, independent round to be worse by more than the threshold.
extension Comparer {
    /// Keeps each gated timing regression of `comparison` only when `confirmation` (the same suite, measured
    /// again base against head) shows it again, as the type's note says; otherwise the row becomes a warning noted
    /// `not reproduced in the confirmation A/B: <its change>`. Deterministic regressions (exact counts,
    /// instructions: `MetricClass.deterministic`) stand as they are, since measuring them again gives the same
    /// numbers. A timing regression the confirmation did not measure cannot show again and becomes a warning
    /// noted `not measured in the confirmation A/B` (a ratio whose divisor the re-run left out was one).
    /// - Complexity: O(*r* × (*c* + *s* log *s*)) for *r* regression rows, *c* confirmation rows and *s* samples.
    public func confirm(_ comparison: inout SuiteComparison, with confirmation: SuiteComparison) {
        for index in comparison.rows.indices where comparison.rows[index].verdict == .regression {
            let row = comparison.rows[index]
            if row.isDeterministic { continue }
            guard
                let again = confirmation.rows.first(where: { $0.result == row.result && $0.metric == row.metric })
            else {
                comparison.rows[index].verdict = .warning
                comparison.rows[index].note = "not measured in the confirmation A/B"
                continue
            }
            if again.verdict == .regression {
                comparison.rows[index].note = [row.note, "reproduced in the confirmation A/B: \(again.changeCell)"]
                    .compactMap { $0 }.joined(separator: ", ")
            } else if again.isWorseBeyondLimit, let pooled = pooled(row, again), pooled.verdict == .regression {
                let p = pooled.pValue.map { ", p = \(NumberText.pValue($0))" } ?? ""
                comparison.rows[index].note = [
                    row.note, "reproduced in the confirmation A/B: \(again.changeCell) (both rounds' forks\(p))",
                ].compactMap { $0 }.joined(separator: ", ")
            } else {
                comparison.rows[index].verdict = .warning
                comparison.rows[index].note = "not reproduced in the confirmation A/B: \(again.changeCell)"
            }
        }
    }

    /// `first` and `again` compared on both rounds' samples together; `nil` when a side has no samples.
    private func pooled(_ first: MetricComparison, _ again: MetricComparison) -> MetricComparison? {
        guard let baseline = Self.pooling(first.baseline, again.baseline),
            let current = Self.pooling(first.current, again.current)
        else { return nil }
        // Both rounds' samples are forks' values, so a rule's `series` does not apply to them.
        return compare(
            baseline: baseline, current: current, suite: first.suite, result: first.result, samplesAreForks: true)
    }

    /// `metric` with `other`'s samples added, its value their median.
    private static func pooling(_ metric: Metric?, _ other: Metric?) -> Metric? {
        guard var metric, let samples = metric.samples, let more = other?.samples, other?.key == metric.key else {
            return nil
        }
        metric.samples = samples + more
        metric.value = SortedSample(samples + more).median
        return metric
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
    /// Whether the compared figures are worse by more than the row's limit, whatever the test said.
    var isWorseBeyondLimit: Bool {
        guard let change, let limit, let better = (current ?? baseline)?.better else { return false }
        return Comparer.beyond(better == .lower ? change : -change, limit)
    }

    /// Whether the row's metric is a deterministic count (exact, or `deterministic` in the thresholds), which a
    /// second measurement would only repeat.
    var isDeterministic: Bool {
        if case .exact = basis { return true }
        return rule?.metricClass == .deterministic
    }
}
