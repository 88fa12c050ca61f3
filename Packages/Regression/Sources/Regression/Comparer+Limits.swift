public import PerfResult

extension Comparer {
    /// The rule for a metric with the result's declared limit on top: a `relative` limit tighter than the
    /// rule's allowed worsening replaces it (and gates even a report-only rule); anything else leaves the rule.
    func rule(_ rule: ThresholdRule, tightenedBy declared: Limit?) -> (rule: ThresholdRule, tightened: Bool) {
        guard case let .relative(percent)? = declared else { return (rule, false) }
        var tightened = rule
        tightened.gate = true
        if !rule.exact { tightened.maxRegression = min(rule.maxRegression, percent / 100) }
        return (tightened, tightened != rule)
    }

    /// `rows` with the current results' declared absolute limits (`exactly`, `atMost`, `atLeast`) applied to
    /// their current figures, whatever the baseline: a broken limit makes its row a regression (a warning when
    /// `reportOnlyReason` gives a reason for the metric's class, e.g. a debug build), and a limit on a metric
    /// the result does not report adds a warning row. Limits are the benchmark's contract, so they hold for new
    /// results too.
    /// - Complexity: O(*r* × *l*) for *r* rows and *l* limits.
    func applyingDeclaredLimits(
        to rows: [MetricComparison], current: Report, suite: String,
        reportOnlyReason: (MetricClass) -> String?
    ) -> [MetricComparison] {
        var rows = rows
        for result in current.results where !result.limits.isEmpty {
            for (key, limit) in result.limits.sorted(by: { $0.key < $1.key }) {
                guard let metric = result[key] else {
                    rows.append(
                        MetricComparison(
                            suite: suite, result: result.name, metric: key, baseline: nil, current: nil,
                            baselineValue: nil, currentValue: nil, rule: nil, basis: .none, limit: nil,
                            verdict: .warning, note: "declared \(limit.summary), but the result has no \(key)"))
                    continue
                }
                guard
                    let index = rows.firstIndex(where: {
                        $0.result == result.name && $0.metric == key && $0.current != nil
                    }),
                    let value = rows[index].currentValue, let admitted = limit.admits(value)
                else { continue }
                if admitted { continue }
                let metricClass = thresholds.rule(suite: suite, result: result.name, metric: metric).metricClass
                let reason = reportOnlyReason(metricClass)
                let broken = "breaks its declared \(limit.summary)"
                rows[index].verdict = reason == nil ? .regression : .warning
                rows[index].note = [rows[index].note, broken, reason].compactMap { $0 }.joined(separator: ", ")
                rows[index].headline = true
            }
        }
        return rows
    }
}
