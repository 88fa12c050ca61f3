public import PerfSupport

/// What `perf-check trend` was asked to do: the history, the detection parameters and the reports.
public struct TrendOptions: Sendable, Hashable {
    /// The history's directory (`--history`): `DIR/<seq>-<commit>/<suite>.json`.
    public var historyDirectory: String
    /// The `--suite` values (repeatable); empty analyses every suite of the history.
    public var suites: [String] = []
    /// `--window`, `--max-pvalue` and `--min-magnitude`; Otava's defaults when not given.
    public var changePoints = ChangePointOptions.otavaDefaults
    /// The thresholds file given with `--thresholds` (it must exist); they decide which metrics are gated.
    /// Without it, as the check: `CheckOptions.defaultThresholdsPath` when present, else the built-in ones.
    public var thresholdsPath: String?
    /// Where to write the Markdown report (`--markdown`).
    public var markdownPath: String?
    /// Where to write the HTML page (`--html`).
    public var htmlPath: String?
    /// List and chart the change points of report-only metrics too (`--include-report-only`).
    public var includeReportOnly = false
    /// Whether a regression at the newest commit fails (exit 1): `--strict` or `STRICT_PERF`.
    public var strict = false

    /// Options with every default, for the history in `historyDirectory`.
    public init(historyDirectory: String) {
        self.historyDirectory = historyDirectory
    }

    /// The options in `parsed` (parsed by `PerfCheckCommand.definition`, subcommand `trend`).
    /// - Throws: `UsageError` when `--history` is missing.
    public init(_ parsed: ParsedArguments) throws(UsageError) {
        typealias Line = PerfCheckCommand
        guard let directory = parsed[Line.history] else {
            throw UsageError(
                "--history is required: the directory of <seq>-<commit>/<suite>.json entries; see perf-check "
                    + "trend --help")
        }
        historyDirectory = directory
        suites = parsed.values(Line.trendSuite)
        do {
            changePoints = try ChangePointOptions(
                windowLength: parsed[Line.window] ?? changePoints.windowLength,
                maxPValue: parsed[Line.maxPValue] ?? changePoints.maxPValue,
                minMagnitude: parsed[Line.minMagnitude] ?? changePoints.minMagnitude)
        } catch {
            // The option kinds refuse what ChangePointOptions refuses; this keeps the two in step if they drift.
            throw UsageError("\(error)")
        }
        thresholdsPath = parsed[Line.thresholds]
        markdownPath = parsed[Line.trendMarkdown]
        htmlPath = parsed[Line.trendHTML]
        includeReportOnly = parsed[Line.includeReportOnly]
        strict = parsed[CommonOptions.strict]
    }

    /// Parses the arguments after `perf-check trend` and the environment variable `STRICT_PERF`.
    /// - Throws: `UsageError` naming the flag at fault; also for `-h`/`--help`, which holds no options
    ///   (`PerfCheckCommand.run` answers it with the help text).
    public static func parse(_ arguments: [String], environment: [String: String]) throws(UsageError)
        -> TrendOptions
    {
        let parsed = try PerfCheckCommand.definition.parse(["trend"] + arguments, environment: environment)
        if parsed.helpRequested { throw UsageError("--help asks for the help text, not for options") }
        return try TrendOptions(parsed)
    }
}
