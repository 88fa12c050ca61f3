import PerfResult

/// `perf-check trend` as a function: options in, text and an exit status out. The executable prints what
/// this returns; tests call it directly.
///
/// The history and thresholds are read and validated first; the reports are written only when both were
/// valid, each atomically.
public enum TrendRun {
    /// Analyses the history and writes the reports `options` ask for.
    public static func run(_ options: TrendOptions) -> CheckRun.Output {
        do {
            let outcome = try analyze(options)
            var text = outcome.textReport(includingReportOnly: options.includeReportOnly)
            if let path = options.markdownPath {
                try CheckRun.write(
                    Array(outcome.markdownReport(includingReportOnly: options.includeReportOnly).utf8), to: path)
                text += "Markdown report: \(path)\n"
            }
            if let path = options.htmlPath {
                try CheckRun.write(
                    Array(outcome.htmlReport(includingReportOnly: options.includeReportOnly).utf8), to: path)
                text += "HTML report: \(path)\n"
            }
            text += outcome.verdictLine(strict: options.strict) + "\n"
            return CheckRun.Output(
                standardOutput: text, standardError: "", exitCode: outcome.exitCode(strict: options.strict))
        } catch {
            return CheckRun.Output(standardOutput: "", standardError: "perf-check: \(error)\n", exitCode: 2)
        }
    }

    /// Reads the thresholds and the history (only the suites `options.suites` select) and finds the change
    /// points of every metric; writes nothing.
    /// - Throws: `RegressionError` for a bad thresholds file, a bad history or a `--suite` that selects nothing.
    public static func analyze(_ options: TrendOptions) throws(RegressionError) -> TrendOutcome {
        let (thresholds, _) = try CheckRun.loadThresholds(options.thresholdsPath)
        let history = try PerformanceHistory.read(from: options.historyDirectory).selecting(suites: options.suites)
        return TrendOutcome.analyze(history, options: options.changePoints, thresholds: thresholds)
    }
}
