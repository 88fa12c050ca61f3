import PerfResult

/// The Markdown report (`--markdown`, `GITHUB_STEP_SUMMARY`), what matters first: the summary table (counts,
/// timing geomean, notes) with the report-only warnings, the headline figures per suite, the regressions and
/// warnings in full, then per suite where the numbers come from and every row folded under `<details>`.
///
/// Verdict marks are the text-safe ones of `Verdict.symbol` (✓ ~ ! ✗ ·), as in the terminal.
extension CheckOutcome {
    /// The report as GitHub-flavoured Markdown.
    /// - Complexity: O(rows), plus the headline figures' intervals.
    public func markdownReport() -> String {
        var text = "## Performance check\n\n"
        text += "**\(Markdown.escape(verdictLine))**\n\n"
        text +=
            "Thresholds: \(Markdown.code(thresholdsSource)) · mode: "
            + (strict ? "strict (regressions fail)" : "warn (regressions do not fail)") + "\n\n"
        text += "### Summary\n\n"
        let headings = SuiteComparison.summaryColumns.map(\.heading)
        text += "| suite | " + headings.joined(separator: " | ") + " | timing geomean (95 % interval) | notes |\n"
        text += "|---|" + String(repeating: "---:|", count: headings.count) + "---:|---|\n"
        for suite in suites {
            let cells =
                [Markdown.escape(suite.suite)] + suite.summaryCounts.map(String.init) + [
                    Markdown.escape(suite.geomeanText), Markdown.escape(suite.summaryNotes.joined(separator: "; ")),
                ]
            text += "| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |\n"
        }
        for suite in suites {
            if let warning = suite.environmentWarning {
                text += "\n> [!WARNING]\n> **\(Markdown.escape(suite.suite))**: \(Markdown.escape(warning))\n"
            }
        }
        if !baselinesWithoutResults.isEmpty {
            text +=
                "\nNot run (baseline present, no current results): "
                + baselinesWithoutResults.map(Markdown.code).joined(separator: ", ") + "\n"
        }
        text += "\n" + Markdown.escape(summaryLegend) + "\n"
        text += markdownHeadlineFigures()
        text += "\n### Regressions and warnings\n\n"
        let attention = attentionRows
        if attention.isEmpty {
            text += "None.\n"
        } else {
            text += Markdown.table(attention.map(\.row), suites: attention.map(\.suite))
        }
        text += "\n### Details\n"
        for suite in suites {
            text += "\n" + suite.markdownSection()
        }
        if let trend { text += "\n" + trend.markdownReport() }
        return text
    }

    private func markdownHeadlineFigures() -> String {
        var text = "\n### Headline figures\n\nThe current median ±95 % interval of its samples; in brackets the "
        text += "change against the baseline.\n"
        for suite in suites {
            let (keys, rows) = HeadlineFigure.table(suite.headlineFigures)
            guard !rows.isEmpty else { continue }
            text += "\n**\(Markdown.escape(suite.suite))**\n\n"
            text += "| result | " + keys.joined(separator: " | ") + " |\n"
            text += "|---|" + String(repeating: "---:|", count: keys.count) + "\n"
            for row in rows {
                let cells =
                    [Markdown.code(row.result)] + row.figures.map { $0.map { Markdown.escape($0.text()) } ?? " " }
                text += "| " + cells.joined(separator: " | ") + " |\n"
            }
        }
        return text
    }
}

extension SuiteComparison {
    func markdownSection() -> String {
        var text = "#### \(Markdown.escape(suite))\n\n"
        text +=
            "- current: \(currentPaths.map(Markdown.code).joined(separator: ", ")) · "
            + "\(Markdown.escape(current.environment.description))\n"
        if let baseline {
            text +=
                "- baseline: \(Markdown.code(baselinePath)) · \(Markdown.escape(baseline.environment.description))\n"
        } else {
            text +=
                "- baseline: none (\(Markdown.code(baselinePath)) does not exist): every result is new; create it "
                + "with `make perf-baseline`\n"
        }
        if !rows.isEmpty {
            text += "\n<details><summary>All \(rows.count) rows of \(Markdown.escape(suite))</summary>\n\n"
            text += Markdown.table(rows)
            text += "\n</details>\n"
        }
        return text
    }
}

/// Markdown escaping and the row table.
enum Markdown {
    /// The rows as a table; with `suites` (one per row), a first column names each row's suite.
    static func table(_ rows: [MetricComparison], suites: [String]? = nil) -> String {
        let suiteHeading = suites == nil ? "" : "suite | "
        var text = "| \(suiteHeading)result | metric | unit | baseline | current | change | p | verdict |\n"
        text += "|" + (suites == nil ? "" : "---|") + "---|---|---|---:|---:|---:|---:|---|\n"
        for (index, row) in rows.enumerated() {
            var cells = [
                code(row.result), row.metricCell, row.unitCell, row.baselineCell, row.currentCell, row.changeCell,
                row.pCell, escape(row.verdictText),
            ]
            if let suites { cells.insert(escape(suites[index]), at: 0) }
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
