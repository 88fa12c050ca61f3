import PerfResult
public import PerfSupport

/// `perf-check ab` as a function: the A/B measurements (`ABRun`), the check of head against base, and — when a
/// timing metric regressed — a confirmation round: the flagged results measured again base against head in fresh
/// forks (`Comparer.confirm(_:with:)`). Exact regressions need no confirmation.
public enum ABCheck {
    /// Runs what `parsed` (the `ab` subcommand) asks; `progress` gets a line per build and fork as they happen.
    public static func run(
        _ parsed: ParsedArguments, environment: [String: String], progress: (String) -> Void
    ) -> CheckRun.Output {
        typealias Line = PerfCheckCommand
        guard let base = parsed[Line.base] else {
            return CheckRun.Output(
                standardOutput: "", standardError: "perf-check ab: --base REV is missing; see perf-check ab --help\n",
                exitCode: UsageError.exitStatus)
        }
        var options = ABRun.Options(base: base)
        options.suites = parsed.values(Line.abSuite)
        options.forks = parsed.given(Line.abForks)
        options.profile = parsed[CommonOptions.profile] ?? .full
        options.configurationPath = parsed[Line.configuration] ?? options.configurationPath
        options.outputDirectory = parsed[Line.output] ?? options.outputDirectory
        options.worktreeDirectory = parsed[Line.worktree] ?? options.worktreeDirectory
        options.environment = environment
        var check = CheckOptions()
        check.thresholdsPath = parsed[Line.thresholds]
        check.strict = parsed[CommonOptions.strict]
        check.allMetrics = parsed[Line.allMetrics]
        check.markdownPath = parsed[Line.markdown]
        check.htmlPath = parsed[Line.html]
        check.githubBenchmarkDirectory = parsed[Line.githubBenchmark]
        check.jmhPath = parsed[Line.jmh]
        if let summary = environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty { check.stepSummaryPath = summary }
        do {
            let (outcome, baseCommit) = try compare(
                options, check: check, confirm: !parsed[Line.noConfirm], progress: progress)
            var output = try CheckRun.render(outcome, options: check)
            output.standardOutput =
                "perf-check ab · base \(base) (\(baseCommit.prefix(12))) against the working tree · "
                + "\(Environment.capture())\n" + output.standardOutput
            return output
        } catch {
            return CheckRun.Output(standardOutput: "", standardError: "perf-check ab: \(error)\n", exitCode: 2)
        }
    }

    /// The A/B outcome of `options`, timing regressions confirmed in a second round when `confirm` is set.
    /// - Throws: `RegressionError` (`.ab` for the measurements, others for bad results or thresholds).
    public static func compare(
        _ options: ABRun.Options, check: CheckOptions, confirm: Bool, progress: (String) -> Void
    ) throws(RegressionError) -> (CheckOutcome, baseCommit: String) {
        let first = try measure(options, progress: progress)
        var outcome = try CheckRun.check(sides(check, first))
        let flagged = outcome.timingRegressions
        guard confirm, !flagged.isEmpty else { return (outcome, first.baseCommit) }
        progress("confirming \(flagged.values.map(\.count).reduce(0, +)) timing regressions in fresh forks")
        var again = options
        (again.suites, again.results) = confirmationRound(flagged, configurationSuites: first.configurationSuites)
        again.outputDirectory = FileSystem.join(options.outputDirectory, "confirm")
        again.seed = options.seed &+ 1
        let second = try measure(again, progress: progress)
        let confirmation = try CheckRun.check(sides(check, second))
        let comparer = Comparer(thresholds: try CheckRun.loadThresholds(check.thresholdsPath).0)
        for index in outcome.suites.indices {
            guard let match = confirmation.suites.first(where: { $0.suite == outcome.suites[index].suite }) else {
                continue
            }
            comparer.confirm(&outcome.suites[index], with: match)
        }
        return (outcome, first.baseCommit)
    }

    /// The configuration suites and results a confirmation round measures: `flagged` is keyed by the suites the
    /// reports name, the round by the configuration's suites that wrote them (`configurationSuites`; a report suite
    /// it does not list names its configuration suite itself).
    static func confirmationRound(_ flagged: [String: [String]], configurationSuites: [String: String])
        -> (suites: [String], results: [String: [String]])
    {
        var results: [String: [String]] = [:]
        for (reportSuite, names) in flagged {
            results[configurationSuites[reportSuite] ?? reportSuite, default: []] += names
        }
        return (results.keys.sorted(), results)
    }

    /// One A/B round, its failures as `RegressionError.ab`.
    private static func measure(_ options: ABRun.Options, progress: (String) -> Void) throws(RegressionError)
        -> ABRun.Outcome
    {
        do {
            return try ABRun.run(options, progress: progress)
        } catch {
            throw .ab(error)
        }
    }

    /// `check` reading the sides of `run`: head as the results, base as the baselines.
    private static func sides(_ check: CheckOptions, _ run: ABRun.Outcome) -> CheckOptions {
        var options = check
        options.resultsDirectory = run.headDirectory
        options.baselinesDirectory = run.baseDirectory
        return options
    }
}
