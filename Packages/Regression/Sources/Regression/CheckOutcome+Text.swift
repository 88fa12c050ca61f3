import PerfResult

/// The terminal output of a check: environments and warnings per suite, one aligned table, then a
/// summary line per suite.
extension CheckOutcome {
    /// The text printed to standard output (without the closing verdict line).
    /// - Complexity: O(rows).
    public func textReport() -> String {
        var text = "thresholds: \(thresholdsSource)\n"
        text += strict ? "mode: strict (regressions fail)\n" : "mode: warn (regressions do not fail)\n"
        for suite in suites {
            text += "\n" + suite.headerText()
        }
        text += "\n"
        var table = TextTable(
            header: ["suite", "result", "metric", "unit", "baseline", "current", "change", "p", "verdict"],
            alignments: [.left, .left, .left, .left, .right, .right, .right, .right, .left])
        for suite in suites {
            for row in suite.rows {
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

    /// `micro: 2 ❌ regressions, 1 ⚠️ warning, 97 ✅, 7 ~, 3 new, 1 gone; geomean +1.2 % (worse)`.
    func summaryLine() -> String {
        var parts: [String] = []
        func add(_ count: Int, _ label: String) { if count > 0 { parts.append("\(count) \(label)") } }
        add(count(.regression), count(.regression) == 1 ? "❌ regression" : "❌ regressions")
        add(count(.warning), count(.warning) == 1 ? "⚠️ warning" : "⚠️ warnings")
        add(count(.improved), "✅ improved")
        add(count(.unchanged), "✅ within threshold")
        add(count(.insignificant), "~ not significant")
        add(count(.new), "new")
        add(count(.gone), "gone")
        var line = "\(suite): " + (parts.isEmpty ? "nothing compared" : parts.joined(separator: ", "))
        if let geomean {
            let direction = geomean > 1 ? "worse" : (geomean < 1 ? "better" : "same")
            line += "; geomean \(ValueFormat.change(geomean - 1)) (\(direction))"
        }
        if reportOnlyReason != nil { line += "; report only (\(reportOnlyReason!))" }
        return line
    }
}
