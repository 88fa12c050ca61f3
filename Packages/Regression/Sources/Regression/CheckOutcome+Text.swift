import PerfResult

/// The terminal output of a check: environments and warnings per suite, one aligned table, then a
/// summary line per suite.
///
/// Every compared metric gets a row. A result that is new or gone shows only its headline metrics
/// (`HeadlineMetrics`), each with its current (new) or baseline (gone) figure, unless `allMetrics`;
/// a line under the table counts the rows left to the Markdown and HTML reports, which list every metric.
extension CheckOutcome {
    /// The text printed to standard output (without the closing verdict line).
    /// - Parameter allMetrics: list every metric of new and gone results, not only their headline metrics
    ///   (`perf-check --all-metrics`).
    /// - Complexity: O(rows).
    public func textReport(allMetrics: Bool = false) -> String {
        var text = "thresholds: \(thresholdsSource)\n"
        text += strict ? "mode: strict (regressions fail)\n" : "mode: warn (regressions do not fail)\n"
        for suite in suites {
            text += "\n" + suite.headerText()
        }
        text += "\n"
        var table = TextTable(
            header: ["suite", "result", "metric", "unit", "baseline", "current", "change", "p", "verdict"],
            alignments: [.left, .left, .left, .left, .right, .right, .right, .right, .left])
        var hidden = 0
        for suite in suites {
            for row in suite.rows {
                if !allMetrics && row.wholeResult && !row.headline {
                    hidden += 1
                    continue
                }
                table.append([
                    suite.suite, row.result, row.metricCell, row.unitCell, row.baselineCell, row.currentCell,
                    row.changeCell, row.pCell, row.verdictText,
                ])
            }
            if let geomean = suite.geomean {
                table.append([
                    suite.suite, "geomean", "\(suite.geomeanCount) metrics", "cost", "", "",
                    ValueFormat.change(geomean - 1), "", "(direction-normalized: + is worse)",
                ])
            }
        }
        text += table.rows.isEmpty ? "(no results)\n" : table.render()
        if hidden > 0 {
            text +=
                "new and gone results: headline metrics only (\(HeadlineMetrics.summary));\n"
                + "\(hidden) more \(hidden == 1 ? "row is" : "rows are") in the Markdown and HTML reports "
                + "(--markdown, --html; make perf-report), or pass --all-metrics\n"
        }
        text += "\n"
        for suite in suites { text += suite.summaryLine() + "\n" }
        if !baselinesWithoutResults.isEmpty {
            text +=
                "not run (baseline present, no current results): "
                + baselinesWithoutResults.joined(separator: ", ") + "\n"
        }
        return text
    }
}

extension SuiteComparison {
    /// Where the numbers come from, and any warning that changes how to read them.
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
        if let warning = environmentWarning {
            text += "  ⚠️  WARNING: \(warning)\n"
        }
        return text
    }

    /// The prominent warning when the comparison is report-only, or `nil`.
    var environmentWarning: String? {
        if !environmentDifferences.isEmpty {
            let list = environmentDifferences.map(\.description).joined(separator: "; ")
            return "the environment differs from the baseline's: \(list). The comparison is REPORT-ONLY: "
                + "regressions are shown as warnings and never fail (pass --require-same-env to refuse instead)."
        }
        if reportOnlyReason == "debug build" {
            return "both the baseline and the current results come from DEBUG builds; their numbers are not "
                + "meaningful. The comparison is REPORT-ONLY."
        }
        return nil
    }

    /// `micro: 2 ❌ regressions, 1 ⚠️ warning, 97 ✅ within threshold, 7 ~ not significant, 40 · report only, 3 new results,
    /// 1 new metric, 1 gone result; geomean +1.2 % (worse)`.
    func summaryLine() -> String {
        var parts: [String] = []
        func add(_ count: Int, _ label: String) { if count > 0 { parts.append("\(count) \(label)") } }
        add(count(.regression), count(.regression) == 1 ? "❌ regression" : "❌ regressions")
        add(count(.warning), count(.warning) == 1 ? "⚠️ warning" : "⚠️ warnings")
        add(count(.improved), "✅ improved")
        add(count(.unchanged), "✅ within threshold")
        add(count(.insignificant), "~ not significant")
        add(count(.reported), "· report only")
        let (newResults, newRows) = oneSidedCounts(.new)
        let (goneResults, goneRows) = oneSidedCounts(.gone)
        add(newResults, newResults == 1 ? "new result" : "new results")
        add(newRows, newRows == 1 ? "new metric" : "new metrics")
        add(goneResults, goneResults == 1 ? "gone result" : "gone results")
        add(goneRows, goneRows == 1 ? "gone metric" : "gone metrics")
        var line = "\(suite): " + (parts.isEmpty ? "nothing compared" : parts.joined(separator: ", "))
        if let geomean {
            let direction = geomean > 1 ? "worse" : (geomean < 1 ? "better" : "same")
            line += "; geomean \(ValueFormat.change(geomean - 1)) (\(direction))"
        }
        if reportOnlyReason != nil { line += "; report only (\(reportOnlyReason!))" }
        return line
    }

    /// The results wholly on one side with `verdict` (`.new` or `.gone`), and the rows of that verdict for
    /// metrics of results present on both sides.
    /// - Complexity: O(rows).
    func oneSidedCounts(_ verdict: Verdict) -> (results: Int, metrics: Int) {
        let matching = rows.filter { $0.verdict == verdict }
        let results = Set(matching.filter(\.wholeResult).map(\.result)).count
        return (results, matching.count { !$0.wholeResult })
    }
}
