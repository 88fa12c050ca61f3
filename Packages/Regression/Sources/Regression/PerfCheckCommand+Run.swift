import PerfResult
public import PerfSupport

extension PerfCheckCommand {
    /// Does what a parsed `perf-check` command line asks: the help text, a check (`CheckRun`), a baseline
    /// update, an A/B comparison (`ABCheck`) or a trend analysis (`TrendRun`). The executable prints the output and exits with its status.
    ///
    /// A check's output starts with a line naming the environment it runs in (not with `--list-regressions`,
    /// whose output is for a script).
    /// - Parameter environment: the process's variables (`STRICT_PERF` is already in `parsed`;
    ///   `GITHUB_STEP_SUMMARY` is read here).
    /// - Parameter progress: lines to show while a long subcommand (`ab`) runs.
    public static func run(
        _ parsed: ParsedArguments, environment: [String: String], progress: (String) -> Void = { _ in }
    ) -> CheckRun.Output {
        if parsed.helpRequested {
            return CheckRun.Output(standardOutput: parsed.helpText, standardError: "", exitCode: 0)
        }
        do {
            if parsed.subcommand == trend.name { return TrendRun.run(try TrendOptions(parsed)) }
            if parsed.subcommand == coverage.name { return runCoverage(parsed) }
            if parsed.subcommand == ab.name { return ABCheck.run(parsed, environment: environment, progress: progress) }
            let options = try CheckOptions(parsed, environment: environment)
            var output = CheckRun.run(options)
            if !options.listRegressions {
                output.standardOutput = "perf-check · \(Environment.capture())\n" + output.standardOutput
            }
            return output
        } catch {
            return CheckRun.Output(
                standardOutput: "", standardError: "\(definition.name): \(error)\n", exitCode: UsageError.exitStatus)
        }
    }
}
