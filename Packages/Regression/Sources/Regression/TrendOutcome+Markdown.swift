import PerfResult

/// The Markdown rendering of a trend analysis, for `GITHUB_STEP_SUMMARY` and pull-request comments.
extension TrendOutcome {
    /// A section: the history, the method, the summary, and one table row per change point, newest first.
    /// - Parameter includingReportOnly: list change points of report-only metrics too.
    /// - Complexity: O(change points · log change points).
    public func markdownReport(includingReportOnly: Bool = false) -> String {
        var text = "## Performance history\n\n"
        text += "- \(Markdown.escape(historyLine))\n- \(Markdown.escape(methodLine))\n\n"
        text += "**\(Markdown.escape(summaryLine(includingReportOnly: includingReportOnly)))**\n"
        let rows = changeRows(includingReportOnly: includingReportOnly)
        guard !rows.isEmpty else { return text }
        text += "\n| commit | previous | suite | result | metric | unit | before | after | change | p | verdict |\n"
        text += "|---|---|---|---|---|---|---:|---:|---:|---:|---|\n"
        for row in rows {
            let cells = [
                Markdown.code(row.commitCell), Markdown.code(row.previousCommitCell),
                Markdown.escape(row.trend.suite), Markdown.code(row.trend.result), Markdown.escape(row.trend.metric),
                Markdown.escape(row.trend.unit.rawValue), row.beforeCell, row.afterCell, row.changeCell,
                Markdown.escape(row.pCell), Markdown.escape(row.verdictCell),
            ]
            text += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return text
    }
}
