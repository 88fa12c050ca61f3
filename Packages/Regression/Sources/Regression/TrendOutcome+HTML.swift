import PerfResult

/// The HTML rendering of a trend analysis: a section for the report page (the change points newest first,
/// then a history chart per metric with change points) or a page of its own. Inline SVG only, no script,
/// nothing fetched.
extension TrendOutcome {
    /// The `<section class="trend">`, styled by the report's stylesheet (`HTMLStyle.css`).
    /// - Parameter includingReportOnly: list and chart change points of report-only metrics too.
    /// - Complexity: O(points of the charted metrics + change points · log change points).
    public func htmlSection(includingReportOnly: Bool = false) -> String {
        var html = "<section class=\"trend\" id=\"trend\">\n<h2>History and change points</h2>\n"
        html +=
            "<p class=\"meta\">\(HTML.escape(historyLine))<br>\(HTML.escape(methodLine))</p>\n"
            + "<p class=\"suite-summary\">\(HTML.escape(summaryLine(includingReportOnly: includingReportOnly)))</p>\n"
        let rows = changeRows(includingReportOnly: includingReportOnly)
        if !rows.isEmpty {
            html +=
                "<table class=\"change-points\">\n<thead><tr><th>commit</th><th>previous</th><th>suite</th>"
                + "<th>result</th><th>metric</th><th>unit</th><th>before</th><th>after</th><th>change</th><th>p</th>"
                + "<th>verdict</th></tr></thead>\n<tbody>\n"
            for row in rows {
                let kind = row.change.isRegression ? "v-regression" : "v-improved"
                html +=
                    "<tr class=\"\(kind)\" data-commit=\"\(HTML.escape(row.change.commit))\" "
                    + "data-suite=\"\(HTML.escape(row.trend.suite))\" data-metric=\"\(HTML.escape(row.trend.metric))\">"
                    + "<td><code title=\"\(HTML.escape(row.change.commit))\">\(HTML.escape(row.commitCell))</code></td>"
                    + "<td><code title=\"\(HTML.escape(row.change.previousCommit))\">"
                    + "\(HTML.escape(row.previousCommitCell))</code></td>"
                    + "<td>\(HTML.escape(row.trend.suite))</td><td><code>\(HTML.escape(row.trend.result))</code></td>"
                    + "<td>\(HTML.escape(row.trend.metric))</td><td>\(HTML.escape(row.trend.unit.rawValue))</td>"
                    + "<td class=\"n\">\(row.beforeCell)</td><td class=\"n\">\(row.afterCell)</td>"
                    + "<td class=\"n\">\(HTML.escape(row.changeCell))</td><td class=\"n\">\(HTML.escape(row.pCell))</td>"
                    + "<td>\(HTML.escape(row.verdictCell))</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        let charts = trends.filter { !$0.changePoints.isEmpty && ($0.gated || includingReportOnly) }
            .compactMap(HTMLCharts.trend)
        if !charts.isEmpty {
            html += "<h3>Metrics with change points</h3>\n" + charts.joined()
        }
        return html + "</section>\n"
    }

    /// A self-contained page holding `htmlSection(includingReportOnly:)`.
    public func htmlReport(includingReportOnly: Bool = false) -> String {
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>Performance history</title>\n<style>\n\(HTMLStyle.css)</style>\n</head>\n<body>\n"
            + htmlSection(includingReportOnly: includingReportOnly) + "</body>\n</html>\n"
    }
}
