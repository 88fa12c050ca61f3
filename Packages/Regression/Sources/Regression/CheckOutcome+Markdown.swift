import PerfResult

/// The Markdown report (`--markdown`, `GITHUB_STEP_SUMMARY`): a summary per suite, the rows that need
/// attention, and every row folded under `<details>`.
extension CheckOutcome {
    /// The report as GitHub-flavoured Markdown.
    /// - Complexity: O(rows).
    public func markdownReport() -> String {
        var text = "## Performance check\n\n"
        text += "**\(Markdown.escape(verdictLine))**\n\n"
        text +=
            "Thresholds: \(Markdown.code(thresholdsSource)) · mode: "
            + (strict ? "strict (regressions fail)" : "warn (regressions do not fail)") + "\n\n"
        text += "| suite | ❌ | ⚠️ | ✅ | ~ | · | new | gone | geomean |\n"
        text += "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        for suite in suites {
            let geomean = suite.geomean.map { ValueFormat.change($0 - 1) } ?? ""
            let ok = suite.count(.unchanged) + suite.count(.improved)
            text +=
                "| \(Markdown.escape(suite.suite)) | \(suite.count(.regression)) | \(suite.count(.warning)) "
                + "| \(ok) | \(suite.count(.insignificant)) | \(suite.count(.reported)) | \(suite.count(.new)) "
                + "| \(suite.count(.gone)) "
                + "| \(geomean) |\n"
        }
        if !baselinesWithoutResults.isEmpty {
            text +=
                "\nNot run (baseline present, no current results): "
                + baselinesWithoutResults.map(Markdown.code).joined(separator: ", ") + "\n"
        }
        for suite in suites {
            text += "\n" + suite.markdownSection()
        }
        text +=
            "\nGeomean: the geometric mean, over the gated metrics compared, of current/baseline for "
            + "lower-is-better and baseline/current for higher-is-better metrics; above 0 % is worse. "
            + "`~`: no significant change (Mann–Whitney U, p ≥ \(ValueFormat.number(thresholds.alpha))). "
            + "`·`: a report-only metric, shown and never judged.\n"
        return text
    }
}

extension SuiteComparison {
    func markdownSection() -> String {
        var text = "### \(Markdown.escape(suite))\n\n"
        text +=
            "- current: \(currentPaths.map(Markdown.code).joined(separator: ", ")) · "
            + "\(Markdown.escape(current.environment.description))\n"
        if let baseline {
            text +=
                "- baseline: \(Markdown.code(baselinePath)) · \(Markdown.escape(baseline.environment.description))\n"
        } else {
            text += "- baseline: none (\(Markdown.code(baselinePath)) does not exist): every result is new\n"
        }
        if let warning = environmentWarning {
            text += "\n> [!WARNING]\n> \(Markdown.escape(warning))\n"
        }
        text += "\n" + summaryLine() + "\n\n"
        // A new or gone result shows its headline metrics here, like the terminal table; all rows follow.
        let attention = rows.filter { row in
            [.regression, .warning, .improved, .new, .gone].contains(row.verdict) && (!row.wholeResult || row.headline)
        }
        if !attention.isEmpty {
            var what = "regressions, warnings, improvements, new and gone"
            if rows.contains(where: { $0.wholeResult && !$0.headline }) {
                what += "; new and gone results with their headline metrics only, every metric in the table below"
            }
            text += "**Needs a look** (\(what)):\n\n"
            text += Markdown.table(attention) + "\n"
        }
        if !rows.isEmpty {
            text += "<details><summary>All \(rows.count) rows of \(Markdown.escape(suite))</summary>\n\n"
            text += Markdown.table(rows)
            text += "\n</details>\n"
        }
        return text
    }
}

/// Markdown escaping and the row table.
enum Markdown {
    static func table(_ rows: [MetricComparison]) -> String {
        var text = "| result | metric | unit | baseline | current | change | p | verdict |\n"
        text += "|---|---|---|---:|---:|---:|---:|---|\n"
        for row in rows {
            let cells = [
                code(row.result), row.metricCell, row.unitCell, row.baselineCell, row.currentCell, row.changeCell,
                row.pCell, escape(row.verdictText),
            ]
            text += "| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |\n"
        }
        return text
    }

    /// Text with the characters Markdown tables and inline markup react to escaped.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|", "*", "_", "`", "<", ">", "[", "]", "\\": result += "\\\(character)"
            default: result.append(character)
            }
        }
        return result
    }

    /// Inline code; a `|` inside would still end a table cell, so it is replaced by its entity.
    static func code(_ text: String) -> String {
        "`" + text.replacingAll("|", with: "&#124;").replacingAll("`", with: "'") + "`"
    }
}

extension String {
    /// Every occurrence of `target` (a single character) replaced, without Foundation.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
