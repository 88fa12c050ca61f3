import PerfResult
import PerfSupport

/// `perf-check` as a function: options in, text and an exit status out. The executable prints what this
/// returns; tests call it directly.
///
/// Inputs are all read and validated first; outputs (reports, baselines) are written only when
/// everything was valid, each atomically.
public enum CheckRun {
    /// What a run prints and how it exits.
    public struct Output: Sendable {
        /// The tables and summaries, for standard output.
        public var standardOutput: String
        /// Errors, for standard error.
        public var standardError: String
        /// 0 success, 1 a regression in strict mode, 2 bad usage or bad input.
        public var exitCode: Int32

        /// Creates an output.
        public init(standardOutput: String, standardError: String, exitCode: Int32) {
            self.standardOutput = standardOutput
            self.standardError = standardError
            self.exitCode = exitCode
        }
    }

    /// Runs a check (or a baseline update) as `options` say.
    public static func run(_ options: CheckOptions) -> Output {
        if options.help {
            return Output(standardOutput: PerfCheckCommand.definition.helpText(), standardError: "", exitCode: 0)
        }
        do {
            if options.updateBaseline {
                return Output(standardOutput: try BaselineUpdate.run(options), standardError: "", exitCode: 0)
            }
            return try render(try check(options), options: options)
        } catch {
            return Output(standardOutput: "", standardError: "perf-check: \(error)\n", exitCode: 2)
        }
    }

    /// The text, the reports and the exit status of a check's `outcome`, as `options` ask.
    /// - Throws: `RegressionError.writeFailed` when a report cannot be written.
    public static func render(_ outcome: CheckOutcome, options: CheckOptions) throws(RegressionError) -> Output {
        if options.listRegressions {
            return Output(standardOutput: outcome.regressedResults(), standardError: "", exitCode: 0)
        }
        var text = outcome.textReport(allMetrics: options.allMetrics)
        text += try writeReports(outcome, options: options)
        text += outcome.verdictLine + "\n"
        return Output(standardOutput: text, standardError: "", exitCode: outcome.exitCode)
    }

    /// Reads the thresholds and inputs and compares every selected suite; writes nothing.
    /// - Throws: `RegressionError` for any bad input.
    public static func check(_ options: CheckOptions) throws(RegressionError) -> CheckOutcome {
        let (thresholds, source) = try loadThresholds(options.thresholdsPath)
        let inputs = try CheckInputs.load(
            resultsDirectory: options.resultsDirectory, baselinesDirectory: options.baselinesDirectory,
            suiteFilters: options.suites)
        let comparer = Comparer(thresholds: thresholds)
        let reruns = try options.confirmDirectory.map { directory throws(RegressionError) in
            try readReruns(directory)
        }
        var suites: [SuiteComparison] = []
        for input in inputs.suites {
            var comparison = try comparer.compare(input, requireSameEnvironment: options.requireSameEnvironment)
            if let reruns { comparer.confirm(&comparison, reruns: reruns) }
            suites.append(comparison)
        }
        var outcome = CheckOutcome(
            suites: suites, baselinesWithoutResults: inputs.baselinesWithoutResults, thresholdsSource: source,
            thresholds: thresholds, strict: options.strict)
        if let directory = options.historyDirectory {
            outcome.trend = TrendOutcome.analyze(try PerformanceHistory.read(from: directory), thresholds: thresholds)
        }
        return outcome
    }

    /// Every report in the `--confirm` directory.
    /// - Throws: `RegressionError.missingFile` for a missing directory, `.badReport` naming a bad file.
    static func readReruns(_ directory: String) throws(RegressionError) -> [Report] {
        guard FileSystem.isDirectory(directory), let names = FileSystem.jsonFiles(in: directory) else {
            throw .missingFile(path: directory, what: "directory of re-runs given to --confirm")
        }
        var reports: [Report] = []
        for name in names {
            do {
                reports.append(try Report.read(from: FileSystem.join(directory, name)))
            } catch {
                throw .badReport(error)
            }
        }
        return reports
    }

    /// The thresholds file `path` (from `--thresholds`), else the default file when present, else the shipped
    /// defaults; with a description of the source.
    static func loadThresholds(_ given: String?) throws(RegressionError) -> (Thresholds, String) {
        if let given { return (try Thresholds.read(from: given), given) }
        let path = CheckOptions.defaultThresholdsPath
        if FileSystem.exists(path) { return (try Thresholds.read(from: path), path) }
        return (.shipped, "built-in defaults (\(path) not found)")
    }

    /// Writes the requested reports; returns the lines that say where they went.
    private static func writeReports(_ outcome: CheckOutcome, options: CheckOptions) throws(RegressionError)
        -> String
    {
        var lines = ""
        let markdown = (options.markdownPath != nil || options.stepSummaryPath != nil) ? outcome.markdownReport() : ""
        if let path = options.markdownPath {
            try write(Array(markdown.utf8), to: path)
            lines += "Markdown report: \(path)\n"
        }
        if let path = options.stepSummaryPath {
            if let reason = FileSystem.append(Array(markdown.utf8), to: path) {
                throw .writeFailed(.writeFailed(path: path, reason: reason))
            }
            lines += "Appended the Markdown report to GITHUB_STEP_SUMMARY (\(path))\n"
        }
        if let path = options.htmlPath {
            try write(Array(outcome.htmlReport().utf8), to: path)
            lines += "HTML report: \(path)\n"
        }
        if let directory = options.githubBenchmarkDirectory {
            if let reason = FileSystem.makeDirectories(directory) {
                throw .writeFailed(.writeFailed(path: directory, reason: reason))
            }
            for (name, bytes) in outcome.githubBenchmarkFiles() {
                let path = FileSystem.join(directory, name)
                try write(bytes, to: path)
                lines += "github-action-benchmark: \(path)\n"
            }
        }
        if let path = options.jmhPath {
            try write(Array(JMHResult.json(outcome.suites.map(\.current)).utf8), to: path)
            lines += "JMH results: \(path)\n"
        }
        return lines
    }

    /// Writes `bytes` to `path` atomically.
    static func write(_ bytes: [UInt8], to path: String) throws(RegressionError) {
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            throw .writeFailed(error)
        }
    }
}
