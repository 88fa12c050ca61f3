import PerfResult
import PerfSupport

/// The terminal output of a check, what matters first: the summary (counts per suite, the timing geomean,
/// report-only warnings), the headline figures of every result, the regressions and warnings in full, then
/// where the numbers come from and the full table.
///
/// The full table lists every compared metric. A result that is new or gone in a suite with a baseline shows
/// only its headline metrics (`HeadlineMetrics`); a suite without a baseline shows no rows at all (its
/// headline figures are in the summary); a count line says what was left to the Markdown and HTML reports,
/// which list every metric. `allMetrics` lists every row.
extension CheckOutcome {
    /// The text printed to standard output (without the closing verdict line).
    /// - Parameter allMetrics: list every row in the full table, also those of suites without a baseline and
    ///   every metric of new and gone results (`perf-check --all-metrics`).
    /// - Complexity: O(rows), plus the headline figures' intervals.
    public func textReport(allMetrics: Bool = false) -> String {
        var text = "thresholds: \(thresholdsSource)\n"
        text += strict ? "mode: strict (regressions fail)\n" : "mode: warn (regressions do not fail)\n"
        text += "\n" + textSummary()
        text += "\n" + textHeadlineFigures()
        text += "\n" + textAttention()
        text += "\n" + textDetails(allMetrics: allMetrics)
        if !baselinesWithoutResults.isEmpty {
            text +=
                "not run (baseline present, no current results): "
                + baselinesWithoutResults.joined(separator: ", ") + "\n"
        }
        return text
    }

    /// `summary`, one line per suite with its counts, geomean and notes, the legend, and each suite's
    /// report-only warning.
    private func textSummary() -> String {
        var text = "summary\n"
        guard !suites.isEmpty else { return text + "(no results)\n" }
        let counts = SuiteComparison.summaryColumns.map(\.heading)
        var table = TextTable(
            [.left("suite")] + counts.map { .right($0) } + [.left("timing geomean (95 % interval)"), .left("notes")])
        for suite in suites {
            table.append(
                [suite.suite] + suite.summaryCounts.map(String.init) + [
                    suite.geomeanText, suite.summaryNotes.joined(separator: "; "),
                ])
        }
        text += table.rendered() + "\n"
        text += Self.wrapped(summaryLegend, width: 116)
        for suite in suites {
            if let warning = suite.environmentWarning { text += "! WARNING: \(suite.suite): \(warning)\n" }
        }
        return text
    }

    /// `headline figures`, per suite a table of its results' headline metrics.
    private func textHeadlineFigures() -> String {
        var text = "headline figures (current median ±95 % interval of its samples; change against the baseline)\n"
        for suite in suites {
            let (keys, rows) = HeadlineFigure.table(suite.headlineFigures)
            guard !rows.isEmpty else { continue }
            var table = TextTable([.left("result")] + keys.map { .left($0) })
            for row in rows { table.append([row.result] + row.figures.map { $0?.text() ?? "" }) }
            text += "\(suite.suite)\n" + table.rendered(indent: "  ") + "\n"
        }
        return text
    }

    /// `regressions and warnings`: their rows in full, or `none`.
    private func textAttention() -> String {
        let rows = attentionRows
        guard !rows.isEmpty else { return "regressions and warnings: none\n" }
        var table = Self.textRowTable()
        for (suite, row) in rows { table.append(Self.textCells(suite, row)) }
        return "regressions and warnings\n" + table.rendered() + "\n"
    }

    /// Where each suite's numbers come from, then the full table and what it leaves out.
    private func textDetails(allMetrics: Bool) -> String {
        var text = ""
        for suite in suites { text += suite.headerText() }
        text += "\n"
        var table = Self.textRowTable()
        var hidden = 0
        var withoutBaseline: [String] = []
        for suite in suites {
            if !suite.hasBaseline && !allMetrics {
                let results = suite.oneSidedCounts(.new).results
                withoutBaseline.append(
                    "\(suite.suite): no baseline, so its \(suite.rows.count) row\(suite.rows.count == 1 ? "" : "s") "
                        + "(\(results) new result\(results == 1 ? "" : "s")) \(suite.rows.count == 1 ? "is" : "are") "
                        + "not listed here")
                continue
            }
            for row in suite.rows {
                if !allMetrics && row.wholeResult && !row.headline {
                    hidden += 1
                    continue
                }
                table.append(Self.textCells(suite.suite, row))
            }
        }
        if !table.rows.isEmpty { text += table.rendered() + "\n" }
        if hidden > 0 {
            text +=
                "new and gone results: headline metrics only (\(HeadlineMetrics.summary));\n"
                + "\(hidden) more \(hidden == 1 ? "row is" : "rows are") in the Markdown and HTML reports "
                + "(--markdown, --html; make perf-report), or pass --all-metrics\n"
        }
        for line in withoutBaseline {
            text +=
                line + ": see the Markdown and HTML reports (--markdown, --html; make perf-report), or pass "
                + "--all-metrics\n"
        }
        return text + "\n"
    }

    /// `text` broken into lines of at most `width` characters at spaces (a longer word stands alone).
    static func wrapped(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { $0 + "\n" }.joined()
    }

    private static func textRowTable() -> TextTable {
        TextTable([
            .left("suite"), .left("result"), .left("metric"), .left("unit"), .right("baseline"), .right("current"),
            .right("change"), .right("p"), .left("verdict"),
        ])
    }

    private static func textCells(_ suite: String, _ row: MetricComparison) -> [String] {
        [
            suite, row.result, row.metricCell, row.unitCell, row.baselineCell, row.currentCell, row.changeCell,
            row.pCell, row.verdictText,
        ]
    }
}

extension SuiteComparison {
    /// Where the numbers come from: the current files and environment, the baseline's (or how to create one).
    func headerText() -> String {
        var text = "suite \(suite)\n"
        text += "  current:  \(currentPaths.joined(separator: ", ")) · \(current.environment)\n"
        if let baseline {
            text += "  baseline: \(baselinePath) · \(baseline.environment)\n"
        } else {
            text +=
                "  baseline: none (\(baselinePath) does not exist): every result is new; create it with "
                + "`make perf-baseline` (perf-check --update-baseline --suite \(suite))\n"
        }
        return text
    }
}
