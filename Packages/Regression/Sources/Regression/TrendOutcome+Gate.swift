/// What `perf-check trend` fails on: a regression that starts at the newest commit.
///
/// Older change points are history, already seen when their commit was newest; only the newest commit is
/// this run's news. Report-only metrics never fail.
extension TrendOutcome {
    /// The change points at the newest commit of the history that are regressions of gated metrics (the
    /// first point of the new level is the newest commit's), in the order of `changeRows()`.
    /// - Complexity: O(change points · log change points).
    public var newestRegressions: [TrendChangeRow] {
        guard let newest = commits.last else { return [] }
        return changeRows().filter { $0.change.sequence == newest.sequence && $0.change.isRegression }
    }

    /// 1 when `strict` and a regression starts at the newest commit, else 0.
    public func exitCode(strict: Bool) -> Int32 {
        strict && !newestRegressions.isEmpty ? 1 : 0
    }

    /// The closing line: whether a regression starts at the newest commit, and whether that fails the run.
    public func verdictLine(strict: Bool) -> String {
        guard let newest = commits.last else { return "OK: no commits" }
        let count = newestRegressions.count
        let entry = entryName(newest)
        if count == 0 { return "OK: no regression starts at the newest commit (\(entry))" }
        let what = count == 1 ? "1 regression starts" : "\(count) regressions start"
        if strict { return "FAILED: \(what) at the newest commit (\(entry)) (strict mode: --strict or STRICT_PERF=1)" }
        return "WARNING: \(what) at the newest commit (\(entry)), not failing (set STRICT_PERF=1 or pass --strict "
            + "to fail)"
    }
}
