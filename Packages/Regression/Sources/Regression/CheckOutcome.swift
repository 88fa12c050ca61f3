/// The result of comparing every selected suite: what the tables and reports show and what the exit
/// status is.
public struct CheckOutcome: Sendable {
    /// One comparison per suite with current results, in name order.
    public var suites: [SuiteComparison]
    /// Suites that have a baseline but no current results.
    public var baselinesWithoutResults: [String]
    /// Where the thresholds came from: a path, or `built-in defaults`.
    public var thresholdsSource: String
    /// The thresholds used.
    public var thresholds: Thresholds
    /// Whether regressions fail the check.
    public var strict: Bool
    /// The change points of a history of results (`--history`), shown after the suites in the HTML and
    /// Markdown reports; `nil` without a history.
    public var trend: TrendOutcome?

    /// Creates an outcome.
    public init(
        suites: [SuiteComparison], baselinesWithoutResults: [String] = [], thresholdsSource: String,
        thresholds: Thresholds, strict: Bool
    ) {
        self.suites = suites
        self.baselinesWithoutResults = baselinesWithoutResults
        self.thresholdsSource = thresholdsSource
        self.thresholds = thresholds
        self.strict = strict
    }

    /// Regressions over every suite (report-only suites have none: theirs are warnings; report-only metrics
    /// are `reported`).
    public var regressions: Int { suites.reduce(0) { $0 + $1.count(.regression) } }

    /// `suite<TAB>result` for each result with at least one regression, one per line, in table order.
    public func regressedResults() -> String {
        var lines: [String] = []
        for suite in suites {
            for row in suite.rows where row.verdict == .regression {
                let line = "\(suite.suite)\t\(row.result)"
                if lines.last != line { lines.append(line) }
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// 1 when there are regressions in strict mode, else 0.
    public var exitCode: Int32 { strict && regressions > 0 ? 1 : 0 }

    /// The closing line: whether the check passed, failed or only warns.
    public var verdictLine: String {
        let count = regressions
        let noun = count == 1 ? "regression" : "regressions"
        if count == 0 { return "OK: no regressions" }
        if strict { return "FAILED: \(count) \(noun) (strict mode: --strict or STRICT_PERF=1)" }
        return "WARNING: \(count) \(noun), not failing (set STRICT_PERF=1 or pass --strict to fail)"
    }
}
