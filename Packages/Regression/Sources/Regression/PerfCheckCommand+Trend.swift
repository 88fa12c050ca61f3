import PerfSupport

/// `perf-check trend`: the change points of a history of result sets (`PerformanceHistory`, `TrendOutcome`).
extension PerfCheckCommand {
    static let history = Option(
        "history", .path.placeholder("DIR"),
        help: "the history: DIR/<seq>-<commit>/<suite>.json, one directory per commit (required)")
    static let trendSuite = Option(
        "suite", .string.placeholder("NAME"), repeatable: true, help: "analyse only this suite (and NAME-*)")
    static let window = Option(
        "window", .integer.atLeast(2), default: ChangePointOptions.otavaDefaults.windowLength,
        help: "points per window the split step searches (Otava's window_len)")
    static let maxPValue = Option(
        "max-pvalue", .number.placeholder("P").requiring("be above 0 and at most 1") { $0 > 0 && $0 <= 1 },
        default: ChangePointOptions.otavaDefaults.maxPValue,
        help: "the largest t-test p-value a change point may have (Otava's max_pvalue)")
    static let minMagnitude = Option(
        "min-magnitude", .number.placeholder("M").atLeast(0), default: ChangePointOptions.otavaDefaults.minMagnitude,
        help: "drop change points whose means differ by at most this fraction (0.05 for 5 %; Otava's min_magnitude)")
    static let includeReportOnly = Flag(
        "include-report-only", help: "list and chart the change points of report-only metrics too (never fail)")
    static let trendMarkdown = Option("markdown", .path, help: "write the change points as Markdown")
    static let trendHTML = Option("html", .path, help: "write a self-contained HTML page with a chart per metric")

    static let trend = Command(
        "trend",
        summary: """
            Finds the change points of a history of results. The history is one directory per commit,
            DIR/<seq>-<commit>/<suite>.json (seq the position in commit order). Per suite, result and metric,
            its value at each commit is cut where the level shifts, with E-Divisive means and a Student t test
            as Apache Otava does (deterministic). One row per change point, newest first: the commit after the
            change and the one before, the means before and after, the change, the p-value, and regression or
            improvement (by the metric's direction). Report-only metrics (gate: false in the thresholds) are
            analysed but listed only with --include-report-only.
            """,
        groups: [
            .init("Inputs", [history, thresholds, trendSuite]),
            .init("Detection", [window, maxPValue, minMagnitude]),
            .init("Reports", [includeReportOnly, trendMarkdown, trendHTML]),
            .init("Verdict", [CommonOptions.strict]),
        ],
        usage: ["--history DIR [options]"],
        footer: """
            Exit status: 0 the change points are reported (also regressions, without --strict), 1 with --strict
            or STRICT_PERF=1 when a change point at the newest commit is a regression of a gated metric, 2 bad
            usage or bad input (nothing is written then).
            """)
}
