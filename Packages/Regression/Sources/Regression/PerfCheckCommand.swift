public import PerfSupport

/// The command line of `perf-check`, declared once: the options of the check and the `trend` subcommand
/// (`PerfCheckCommand+Trend.swift`). The parser and `--help` both come from it; `CheckOptions` and
/// `TrendOptions` are built from what it parses, and `run(_:environment:)` does what it says.
public enum PerfCheckCommand {
    static let results = Option(
        "results", .path.placeholder("DIR"), default: "perf/results", help: "current results (*.json reports)")
    static let baselines = Option(
        "baselines", .path.placeholder("DIR"), default: "baselines", help: "baselines (DIR/<suite>.json)")
    static let thresholds = Option(
        "thresholds", .path, defaultText: "\(CheckOptions.defaultThresholdsPath), else built-in",
        help: "thresholds file")
    static let suite = Option(
        "suite", .string.placeholder("NAME"), repeatable: true, help: "check only this suite (and NAME-*)")
    static let confirm = Option(
        "confirm", .path.placeholder("DIR"),
        help: "re-runs of results (*.json reports in DIR): a regression stands only if it is a regression again "
            + "in each re-run holding it; else it is a warning")
    static let requireSameEnvironment = Flag(
        "require-same-env",
        help: "refuse (exit 2) when CPU model, cores, architecture, Swift version, PERF_ENV or profile differ "
            + "from the baseline's, instead of comparing report-only")
    static let allMetrics = Flag(
        "all-metrics",
        help: "list every row in the table: every metric of new and gone results, and the suites without a "
            + "baseline")
    static let markdown = Option(
        "markdown", .path, help: "write a Markdown report (also appended to $GITHUB_STEP_SUMMARY when set)")
    static let html = Option("html", .path, help: "write a self-contained HTML report with charts")
    static let githubBenchmark = Option(
        "github-benchmark", .path.placeholder("DIR"),
        help: "write DIR/smaller-is-better.json and DIR/bigger-is-better.json for github-action-benchmark "
            + "(customSmallerIsBetter / customBiggerIsBetter)")
    static let jmh = Option(
        "jmh", .path.placeholder("FILE"),
        help: "write the current results in JMH's JSON result format (mode avgt, ns/op), for JMH's visualizers "
            + "such as jmh.morethan.io")
    static let checkHistory = Option(
        "history", .path.placeholder("DIR"),
        help: "also chart each gated metric's history and its change points (DIR/<seq>-<commit>/<suite>.json)")
    static let listRegressions = Flag(
        "list-regressions", help: "print \"suite<TAB>result\" for each result with a regression, nothing else")
    static let updateBaseline = Flag(
        "update-baseline",
        help: "write baselines/<suite>.json from the current results (with --suite: only those suites); nothing "
            + "is compared")

    /// `perf-check [options]` and `perf-check trend --history DIR [options]`.
    public static let definition = Command(
        "perf-check", summary: summary,
        groups: [
            .init("Inputs", [results, baselines, thresholds, suite, confirm]),
            .init("Verdict", [CommonOptions.strict, requireSameEnvironment]),
            .init("Reports", [allMetrics, markdown, html, githubBenchmark, jmh, listRegressions, checkHistory]),
            .init("Baselines", [updateBaseline]),
        ],
        subcommands: [ab, trend, coverage],
        usage: [
            "[options]", "ab --base REV [--suite NAME]... [options]", "trend --history DIR [options]",
            "coverage RUN.json... [options]",
        ],
        footer: """
            Exit status: 0 no regression (or regressions without --strict), 1 regressions with --strict or
            STRICT_PERF=1, 2 bad usage or bad input (nothing is written then).
            """)

    private static let summary = """
        Compares the current results (perf/results/*.json) with the baselines (baselines/<suite>.json). The
        output leads with a summary per suite (rows per verdict, the geomean of the gated timing metrics with
        its 95 % bootstrap interval, notes), then the headline figures of every result (current median ± the
        95 % interval of its samples, change), then the regressions and warnings, then the full table.
        Verdict marks are text, so they render in any terminal font: ✓ ok or improved, ~ no significant
        change, ! warning, ✗ REGRESSION, · report only (shown, never judged), new (no baseline yet: the
        current figure), gone (not run: the baseline's figure). The Markdown report uses the same marks; the
        HTML report draws them as SVG icons with text alternatives.
        A regression needs the threshold exceeded (perf/regression/thresholds.json) and, with >= 5 samples
        a side, a two-sided Mann-Whitney U test with p < 0.05; with fewer samples the threshold x 1.5
        decides ("low confidence"). New and gone results show their headline metrics in the table
        (nsPerOp or p50Ns, instructions, allocsPerOp, requestsPerSec, latencyP50Ms, latencyP99Ms,
        errorRate, hitRate, heapGrowthRatio, liveAllocsSlopePerIter, peakRssBytes); a suite without a
        baseline shows none (its headline figures are in the summary); the Markdown and HTML reports list
        every metric.
        Environments: a different CPU model, core count, PERF_ENV or profile (quick/full) makes timing and
        other machine-dependent metrics report-only (regressions shown as warnings); deterministic counts
        (allocsPerOp, bytesPerOp, instructions: "deterministic" or "exact" in the thresholds file) stay gated.
        A different Swift version or architecture makes every metric report-only; debug against release is
        refused.
        """
}
