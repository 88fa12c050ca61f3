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
    /// Whether regressions fail (exit 1): `--strict` or `STRICT_PERF=1`.
    public var strict = false
    /// Whether differing environments are an error instead of making metrics report-only (`--require-same-env`).
    public var requireSameEnvironment = false
    /// Where to write the Markdown report (`--markdown`).
    public var markdownPath: String?
    /// Where to write the HTML report (`--html`).
    public var htmlPath: String?
    /// The directory for github-action-benchmark files (`--github-benchmark`).
    public var githubBenchmarkDirectory: String?
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

    /// Options with every default.
    public init() {}

    /// Parses the command line (without the program name) and the environment variables
    /// `STRICT_PERF` and `GITHUB_STEP_SUMMARY`.
    /// - Throws: `RegressionError.usage` naming the flag at fault.
    public static func parse(_ arguments: [String], environment: [String: String]) throws(RegressionError)
        -> CheckOptions
    {
        var options = CheckOptions()
        if let strict = environment["STRICT_PERF"] {
            switch strict.lowercased() {
            case "1", "true", "yes", "on": options.strict = true
            case "", "0", "false", "no", "off": options.strict = false
            default:
                throw .usage("STRICT_PERF=\(strict) is not understood; use STRICT_PERF=1 to fail on regressions")
            }
        }
        if let summary = environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty { options.stepSummaryPath = summary }

        var index = 0
        func value(_ flag: String) throws(RegressionError) -> String {
            index += 1
            guard index < arguments.count, !arguments[index].hasPrefix("--"), !arguments[index].isEmpty else {
                throw .usage("\(flag) needs a value; see perf-check --help")
            }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--results": options.resultsDirectory = try value(argument)
            case "--baselines": options.baselinesDirectory = try value(argument)
            case "--thresholds": options.thresholdsPath = try value(argument)
            case "--suite": options.suites.append(try value(argument))
            case "--strict": options.strict = true
            case "--require-same-env": options.requireSameEnvironment = true
            case "--markdown": options.markdownPath = try value(argument)
            case "--html": options.htmlPath = try value(argument)
            case "--github-benchmark": options.githubBenchmarkDirectory = try value(argument)
            case "--all-metrics": options.allMetrics = true
            case "--update-baseline": options.updateBaseline = true
            case "--confirm": options.confirmDirectory = try value(argument)
            case "--list-regressions": options.listRegressions = true
            case "--help", "-h": options.help = true
            default:
                throw .usage("unknown argument \"\(argument)\"; see perf-check --help")
            }
            index += 1
        }
        if options.updateBaseline {
            let comparing: [(String, Bool)] = [
                ("--markdown", options.markdownPath != nil), ("--html", options.htmlPath != nil),
                ("--github-benchmark", options.githubBenchmarkDirectory != nil),
                ("--require-same-env", options.requireSameEnvironment), ("--thresholds", options.thresholdsPath != nil),
                ("--strict", arguments.contains("--strict")), ("--all-metrics", options.allMetrics),
                ("--confirm", options.confirmDirectory != nil), ("--list-regressions", options.listRegressions),
            ]
            if let (flag, _) = comparing.first(where: \.1) {
                throw .usage(
                    "\(flag) does not apply to --update-baseline, which only writes baselines; run them separately")
            }
        }
        return options
    }

    /// The text of `perf-check --help`.
    public static let helpText = """
        Usage: perf-check [options]

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

        Options:
          --results DIR           current results (default perf/results)
          --baselines DIR         baselines (default baselines)
          --thresholds PATH       thresholds file (default perf/regression/thresholds.json, else built-in)
          --suite NAME            check only this suite (and NAME-*); repeatable
          --strict                regressions fail with exit 1 (same as STRICT_PERF=1)
          --require-same-env      refuse (exit 2) when CPU model, cores, architecture, Swift version,
                                  PERF_ENV or profile differ from the baseline's, instead of comparing
                                  report-only
          --all-metrics           list every row in the table: every metric of new and gone results, and
                                  the suites without a baseline
          --markdown PATH         write a Markdown report (also appended to $GITHUB_STEP_SUMMARY when set)
          --html PATH             write a self-contained HTML report with charts
          --github-benchmark DIR  write DIR/smaller-is-better.json and DIR/bigger-is-better.json for
                                  github-action-benchmark (customSmallerIsBetter / customBiggerIsBetter)
          --confirm DIR           re-runs of results (*.json reports in DIR): a regression stands only if
                                  it is a regression again in each re-run holding it; else it is a warning
          --list-regressions      print "suite<TAB>result" for each result with a regression, nothing else
          --update-baseline       write baselines/<suite>.json from the current results (with --suite:
                                  only those suites); nothing is compared
          -h, --help              show this help

        Exit status: 0 no regression (or regressions without --strict), 1 regressions with --strict or
        STRICT_PERF=1, 2 bad usage or bad input (nothing is written then).
        """
}
