import PerfSupport

/// The texts the trend renderings share: the header lines, the summary and a change row's cells.
extension TrendOutcome {
    /// `history DIR: 12 commits, 000001-1a2b3c4 … 000012-9f8e7d6` (entries named as the directory names
    /// them, commits shortened).
    public var historyLine: String {
        guard let first = commits.first, let last = commits.last else {
            return "history \(historyDirectory): no commits"
        }
        let count = commits.count == 1 ? "1 commit" : "\(commits.count) commits"
        return "history \(historyDirectory): \(count), \(entryName(first)) … \(entryName(last))"
    }

    /// `change points: E-Divisive means + Student t test (Apache Otava's method), window 50, p < 0.001, …`.
    public var methodLine: String {
        "change points: E-Divisive means + Student t test (Apache Otava's method), window \(options.windowLength), "
            + "p < \(NumberText.significant(options.maxPValue)), magnitude > "
            + "\(NumberText.fixed(options.minMagnitude * 100, decimals: 1, trimmingZeros: true)) %"
    }

    /// `3 change points in 2 of 120 metric series: 1 regression, 2 improvements`, plus the report-only ones
    /// left out when `includingReportOnly` is false.
    public func summaryLine(includingReportOnly: Bool = false) -> String {
        let rows = changeRows(includingReportOnly: includingReportOnly)
        let series = trends.filter { $0.gated || includingReportOnly }
        var text: String
        if rows.isEmpty {
            text = "no change points in \(series.count) metric series"
        } else {
            let metrics = Set(rows.map(\.trendIndex)).count
            let regressions = rows.filter(\.change.isRegression).count
            let improvements = rows.count - regressions
            text =
                "\(plural(rows.count, "change point")) in \(metrics) of \(series.count) metric series: "
                + "\(plural(regressions, "regression")), \(plural(improvements, "improvement"))"
        }
        if !includingReportOnly {
            let hidden = changeRows(includingReportOnly: true).count - rows.count
            if hidden > 0 { text += "; \(plural(hidden, "more change point")) in report-only metrics" }
        }
        return text
    }

    /// `000012-1174d12`: the entry as the history directory names it, the commit shortened.
    func entryName(_ commit: HistoryCommit) -> String {
        let digits = String(commit.sequence)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits + "-" + commit.commit.prefix(7)
    }

    private func plural(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }
}

extension TrendChangeRow {
    /// The commit after the change, shortened to 7 digits.
    public var commitCell: String { String(change.commit.prefix(7)) }

    /// The commit before the change, shortened to 7 digits.
    public var previousCommitCell: String { String(change.previousCommit.prefix(7)) }

    /// The mean before, four significant digits.
    public var beforeCell: String { NumberText.significant(change.meanBefore) }

    /// The mean after, four significant digits.
    public var afterCell: String { NumberText.significant(change.meanAfter) }

    /// `+21.0 %`, or `from 0` when the mean before is 0.
    public var changeCell: String { change.relativeChange.map(NumberText.change) ?? "from 0" }

    /// The p-value, `<0.0001` below that.
    public var pCell: String { NumberText.pValue(change.pValue) }

    /// `regression` or `improvement` (words, so no emoji font is needed), `(report only)` for ungated metrics.
    public var verdictCell: String {
        (change.isRegression ? "regression" : "improvement") + (trend.gated ? "" : " (report only)")
    }
}
