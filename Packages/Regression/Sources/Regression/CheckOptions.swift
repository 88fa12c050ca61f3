public import PerfSupport

/// What `perf-check` was asked to do: its flags and the environment variables it reads.
public struct CheckOptions: Sendable, Hashable {
    /// Where the thresholds are read from when `--thresholds` is not given; when that file does not
    /// exist, the built-in `Thresholds.shipped` apply.
    public static let defaultThresholdsPath = "perf/regression/thresholds.json"

    /// The directory of current results (`--results`, default `perf/results`).
    public var resultsDirectory = "perf/results"
    /// The directory of baselines (`--baselines`, default `baselines`).
    public var baselinesDirectory = "baselines"
    /// The thresholds file given with `--thresholds`; it must exist.
    public var thresholdsPath: String?
    /// The `--suite` values (repeatable); empty checks every suite found.
    public var suites: [String] = []
    /// Whether regressions fail (exit 1): `--strict` or `STRICT_PERF` (1, true, yes or on).
    public var strict = false
    /// Whether differing environments are an error instead of making metrics report-only (`--require-same-env`).
    public var requireSameEnvironment = false
    /// Where to write the Markdown report (`--markdown`).
    public var markdownPath: String?
    /// Where to write the HTML report (`--html`).
    public var htmlPath: String?
    /// The directory for github-action-benchmark files (`--github-benchmark`).
    public var githubBenchmarkDirectory: String?
    /// Where to write the current results in JMH's JSON result format (`--jmh`).
    public var jmhPath: String?
    /// List every row in the table (`--all-metrics`): every metric of new and gone results, not only their
    /// headline metrics, and the rows of suites without a baseline; the Markdown and HTML reports always list
    /// every metric.
    public var allMetrics = false
    /// Write baselines from the current results instead of comparing (`--update-baseline`).
    public var updateBaseline = false
    /// Print the usage and exit 0 (`--help`, `-h`).
    public var help = false
    /// `GITHUB_STEP_SUMMARY`: the Markdown report is appended there when set.
    public var stepSummaryPath: String?
    /// `--confirm DIR`: re-runs of results (`*.json` reports of any suites); a regression stands only when
    /// it reproduces in each re-run that holds it (`Comparer.confirm`).
    public var confirmDirectory: String?
    /// `--list-regressions`: print `suite<TAB>result` for each result with a gated regression, and nothing
    /// else, so a script can re-run exactly those.
    public var listRegressions = false

    /// `--history DIR`: a history of result sets whose change points the reports show after the suites.
    public var historyDirectory: String?

    /// Options with every default.
    public init() {}

    /// The options in `parsed` (parsed by `PerfCheckCommand.definition`, no subcommand), and
    /// `GITHUB_STEP_SUMMARY` from `environment`.
    /// - Throws: `UsageError` when an option of the comparison comes with `--update-baseline`.
    public init(_ parsed: ParsedArguments, environment: [String: String]) throws(UsageError) {
        typealias Line = PerfCheckCommand
        help = parsed.helpRequested
        guard !help else { return }
        resultsDirectory = parsed[Line.results] ?? resultsDirectory
        baselinesDirectory = parsed[Line.baselines] ?? baselinesDirectory
        thresholdsPath = parsed[Line.thresholds]
        suites = parsed.values(Line.suite)
        strict = parsed[CommonOptions.strict]
        requireSameEnvironment = parsed[Line.requireSameEnvironment]
        markdownPath = parsed[Line.markdown]
        htmlPath = parsed[Line.html]
        githubBenchmarkDirectory = parsed[Line.githubBenchmark]
        jmhPath = parsed[Line.jmh]
        allMetrics = parsed[Line.allMetrics]
        updateBaseline = parsed[Line.updateBaseline]
        confirmDirectory = parsed[Line.confirm]
        listRegressions = parsed[Line.listRegressions]
        historyDirectory = parsed[Line.checkHistory]
        if let summary = environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty { stepSummaryPath = summary }
        guard updateBaseline else { return }
        // STRICT_PERF may be set for a whole CI job, baseline updates included, so only --strict on the command
        // line is refused; the parser merges the two, and the variable tells them apart.
        let strictFromEnvironment = (try? Truthiness.parse(environment["STRICT_PERF"] ?? "", variable: "")) ?? false
        let comparing: [(String, Bool)] = [
            ("--markdown", markdownPath != nil), ("--html", htmlPath != nil),
            ("--github-benchmark", githubBenchmarkDirectory != nil), ("--jmh", jmhPath != nil),
            ("--require-same-env", requireSameEnvironment),
            ("--thresholds", thresholdsPath != nil), ("--strict", strict && !strictFromEnvironment),
            ("--all-metrics", allMetrics), ("--confirm", confirmDirectory != nil),
            ("--list-regressions", listRegressions),
        ]
        if let (flag, _) = comparing.first(where: \.1) {
            throw UsageError(
                "\(flag) does not apply to --update-baseline, which only writes baselines; run them separately")
        }
    }

    /// Parses a command line of the check (without the program name) and the environment variables
    /// `STRICT_PERF` and `GITHUB_STEP_SUMMARY`, as `perf-check` does.
    /// - Throws: `UsageError` naming the flag at fault (`trend` is not a check: see `TrendOptions.parse`).
    public static func parse(_ arguments: [String], environment: [String: String]) throws(UsageError)
        -> CheckOptions
    {
        let parsed = try PerfCheckCommand.definition.parse(arguments, environment: environment)
        if let subcommand = parsed.subcommand {
            throw UsageError("\(subcommand) is a subcommand, not a check; parse it with TrendOptions.parse")
        }
        return try CheckOptions(parsed, environment: environment)
    }
}
