import PerfResult
public import PerfSupport

/// `perf-check ab` as a function: the A/B measurements (`ABRun`), then the check of head against base.
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
        let outcome: ABRun.Outcome
        do {
            outcome = try ABRun.run(options, progress: progress)
        } catch {
            return CheckRun.Output(standardOutput: "", standardError: "perf-check ab: \(error)\n", exitCode: 2)
        }
        var check = CheckOptions()
        check.resultsDirectory = outcome.headDirectory
        check.baselinesDirectory = outcome.baseDirectory
        check.thresholdsPath = parsed[Line.thresholds]
        check.strict = parsed[CommonOptions.strict]
        check.allMetrics = parsed[Line.allMetrics]
        check.markdownPath = parsed[Line.markdown]
        check.htmlPath = parsed[Line.html]
        check.githubBenchmarkDirectory = parsed[Line.githubBenchmark]
        if let summary = environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty { check.stepSummaryPath = summary }
        var output = CheckRun.run(check)
        output.standardOutput =
            "perf-check ab · base \(base) (\(outcome.baseCommit.prefix(12))) against the working tree · "
            + "\(Environment.capture())\n" + output.standardOutput
        return output
    }
}
