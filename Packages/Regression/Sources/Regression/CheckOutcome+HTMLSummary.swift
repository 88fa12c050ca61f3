/// The top of the HTML report: the summary table, the headline figures, and the regressions and warnings.
///
/// The summary table keeps `id="summary"` and one row per suite whose first cell is the suite name; each count
/// cell carries `data-verdict` (a `Verdict` raw value), so a checker can match the counts with the rows each
/// suite's table marks (`tr class="v-<verdict>"`). The tables above the suite sections use no `v-` row classes.
extension CheckOutcome {
    func htmlSummary() -> String {
        var html = "<h2>Summary</h2>\n<table id=\"summary\" class=\"summary\">\n<thead><tr><th>suite</th>"
        for column in SuiteComparison.summaryColumns {
            html += "<th>\(HTMLIcon.verdict(column.verdict)) \(HTML.escape(column.heading))</th>"
        }
        html += "<th>timing geomean (95 % interval)</th><th>notes</th></tr></thead>\n<tbody>\n"
        for (index, suite) in suites.enumerated() {
            html += "<tr><td><a href=\"#suite-\(index)\">\(HTML.escape(suite.suite))</a></td>"
            for (column, count) in zip(SuiteComparison.summaryColumns, suite.summaryCounts) {
                html += "<td class=\"n\" data-verdict=\"\(column.verdict.rawValue)\">\(count)</td>"
            }
            html +=
                "<td class=\"n\">\(HTML.escape(suite.geomeanText))</td>"
                + "<td class=\"notes\">\(HTML.escape(suite.summaryNotes.joined(separator: "; ")))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        for suite in suites {
            if let warning = suite.environmentWarning {
                html +=
                    "<div class=\"env-warning\">\(HTMLIcon.warning()) <b>\(HTML.escape(suite.suite))</b>: "
                    + "\(HTML.escape(warning))</div>\n"
            }
        }
        if !baselinesWithoutResults.isEmpty {
            html +=
                "<p class=\"meta\">Not run (baseline present, no current results): "
                + baselinesWithoutResults.map { "<code>\(HTML.escape($0))</code>" }.joined(separator: ", ") + "</p>\n"
        }
        return html + "<p class=\"meta\">\(HTML.escape(summaryLegend))</p>\n"
    }

    func htmlHeadlineFigures() -> String {
        var html = "<h2>Headline figures</h2>\n<p class=\"meta\">The current median ±95 % interval of its samples; "
        html += "in brackets the change against the baseline.</p>\n"
        for suite in suites {
            let (keys, rows) = HeadlineFigure.table(suite.headlineFigures)
            guard !rows.isEmpty else { continue }
            html += "<h3>\(HTML.escape(suite.suite))</h3>\n"
            html += "<table class=\"headline\" data-suite=\"\(HTML.escape(suite.suite))\">\n<thead><tr><th>result</th>"
            html += keys.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in rows {
                html += "<tr><td><code>\(HTML.escape(row.result))</code></td>"
                for figure in row.figures {
                    guard let figure else {
                        html += "<td></td>"
                        continue
                    }
                    let verdict = figure.row.verdict
                    let marked = figure.row.baselineValue != nil && (verdict == .regression || verdict == .warning)
                    html +=
                        "<td class=\"n\">\(HTML.escape(figure.text(mark: false)))"
                        + (marked ? " " + HTMLIcon.verdict(verdict) : "") + "</td>"
                }
                html += "</tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        return html
    }

    func htmlAttention() -> String {
        let rows = attentionRows
        var html = "<h2>Regressions and warnings</h2>\n"
        guard !rows.isEmpty else { return html + "<p class=\"meta\">None.</p>\n" }
        html +=
            "<table class=\"attention\">\n<thead><tr><th>suite</th><th>result</th><th>metric</th><th>unit</th>"
            + "<th>baseline</th><th>current</th><th>change</th><th>p</th><th>verdict</th></tr></thead>\n<tbody>\n"
        for (suite, row) in rows {
            html +=
                "<tr class=\"attention-\(row.verdict.rawValue)\"><td>\(HTML.escape(suite))</td>"
                + "<td><code>\(HTML.escape(row.result))</code></td><td>\(HTML.escape(row.metricCell))</td>"
                + "<td>\(HTML.escape(row.unitCell))</td><td class=\"n\">\(row.baselineCell)</td>"
                + "<td class=\"n\">\(row.currentCell)</td><td class=\"n\">\(HTML.escape(row.changeCell))</td>"
                + "<td class=\"n\">\(HTML.escape(row.pCell))</td>"
                + "<td class=\"verdict-cell\">\(HTML.verdictCell(row))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}

extension HTML {
    /// The verdict in words only, for text without icons (a chart's tooltips): `REGRESSION (limit +10 %)`,
    /// `no significant change`, `new`.
    static func verdictWords(_ row: MetricComparison) -> String {
        let detail = row.verdictDetail
        return detail.isEmpty ? row.verdict.name : detail
    }

    /// A verdict cell: the icon, then the words (`REGRESSION (limit +10 %)`), escaped.
    static func verdictCell(_ row: MetricComparison) -> String {
        let detail = row.verdictDetail
        return HTMLIcon.verdict(row.verdict) + (detail.isEmpty ? "" : " " + escape(detail))
    }
}
