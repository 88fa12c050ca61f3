import PerfResult
import PerfSupport

/// The terminal output of a trend analysis: one aligned row per change point, newest first.
extension TrendOutcome {
    /// The history and method lines, the table of change points, and the summary line.
    /// - Parameter includingReportOnly: list change points of report-only metrics too.
    /// - Complexity: O(change points · log change points).
    public func textReport(includingReportOnly: Bool = false) -> String {
        var text = historyLine + "\n" + methodLine + "\n\n"
        let rows = changeRows(includingReportOnly: includingReportOnly)
        if !rows.isEmpty {
            var table = TextTable([
                .left("commit"), .left("previous"), .left("suite"), .left("result"), .left("metric"), .left("unit"),
                .right("before"), .right("after"), .right("change"), .right("p"), .left("verdict"),
            ])
            for row in rows {
                table.append([
                    row.commitCell, row.previousCommitCell, row.trend.suite, row.trend.result, row.trend.metric,
                    row.trend.unit.rawValue, row.beforeCell, row.afterCell, row.changeCell, row.pCell,
                    row.verdictCell,
                ])
            }
            text += table.rendered() + "\n\n"
        }
        return text + summaryLine(includingReportOnly: includingReportOnly) + "\n"
    }
}
