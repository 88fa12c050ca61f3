import Foundation
import PerfResult
import PerfSupport
import Regression
import Testing

/// `perf-check trend` on the fixture history (`Fixtures/history`, described in `TrendTests`), in process
/// (`TrendOptions`, `TrendRun`) and through the built binary: it reports, and fails only with `--strict`
/// when a regression of a gated metric starts at the newest commit.
@Suite struct TrendCommandTests {
    let fixture = fixturesDirectory + "/history"
    let thresholds = ["--thresholds", repositoryRoot + "/perf/regression/thresholds.json"]

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CheckRun.Output {
        TrendRun.run(try TrendOptions.parse(thresholds + arguments, environment: environment))
    }

    /// A copy of the fixture history with a 13th commit, `000013-abcdef0`, holding `results` of suite micro.
    func historyWithNewestCommit(_ results: [Result]) throws -> String {
        let directory = try makeTemporaryDirectory() + "/history"
        try FileManager.default.copyItem(atPath: fixture, toPath: directory)
        try write(try report("micro", results), to: directory + "/000013-abcdef0")
        return directory
    }

    /// `harness/empty` (flat at 1.68 ns for 12 commits) doubles at the newest commit.
    func historyWithNewestRegression() throws -> String {
        try historyWithNewestCommit([Result(name: "harness/empty", metrics: [.nsPerOp(3.4)])])
    }

    // MARK: The verdict

    @Test func theFixtureIsReportedAndPassesEvenWhenStrictForNoRegressionStartsAtItsNewestCommit() throws {
        let output = try run(["--history", fixture, "--strict"])
        #expect(output.exitCode == 0)
        #expect(output.standardError.isEmpty)
        let lines = output.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "history \(fixture): 12 commits, 000001-c84634d … 000012-1174d12")
        #expect(
            lines.contains(
                "2588748  e91623c   micro  stringOps/concat[size=16]  nsPerOp  ns      41.5   50.2  +20.9 %  <0.0001  "
                    + "regression"))
        #expect(output.standardOutput.hasSuffix("OK: no regression starts at the newest commit (000012-1174d12)\n"))
    }

    @Test func aRegressionAtTheNewestCommitWarnsAndFailsOnlyInStrictMode() throws {
        let history = try historyWithNewestRegression()
        let warned = try run(["--history", history])
        #expect(warned.exitCode == 0)
        #expect(warned.standardOutput.contains("abcdef0  1174d12   micro  harness/empty"))
        #expect(
            warned.standardOutput.hasSuffix(
                "WARNING: 1 regression starts at the newest commit (000013-abcdef0), not failing (set STRICT_PERF=1 "
                    + "or pass --strict to fail)\n"))
        let failed = try run(["--history", history, "--strict"])
        #expect(failed.exitCode == 1)
        #expect(
            failed.standardOutput.hasSuffix(
                "FAILED: 1 regression starts at the newest commit (000013-abcdef0) (strict mode: --strict or "
                    + "STRICT_PERF=1)\n"))
        #expect(try run(["--history", history], environment: ["STRICT_PERF": "yes"]).exitCode == 1)
        #expect(try run(["--history", history], environment: ["STRICT_PERF": "0"]).exitCode == 0)
    }

    @Test func aNewestRegressionOfAReportOnlyMetricIsListedButNeverFails() throws {
        let history = try historyWithNewestCommit([
            Result(name: "stringOps/concat[size=16]", metrics: [.nsPerOp(50.1), .rme(9)])
        ])
        let output = try run(["--history", history, "--strict", "--include-report-only"])
        #expect(output.exitCode == 0)
        #expect(
            output.standardOutput.contains("rme      %        2.5      9  +260.0 %  <0.0001  regression (report only)"))
        #expect(output.standardOutput.hasSuffix("OK: no regression starts at the newest commit (000013-abcdef0)\n"))
    }

    @Test func anImprovementAtTheNewestCommitNeverFails() throws {
        let history = try historyWithNewestCommit([Result(name: "harness/empty", metrics: [.nsPerOp(0.8)])])
        let output = try run(["--history", history, "--strict"])
        #expect(output.exitCode == 0)
        #expect(output.standardOutput.contains("harness/empty              nsPerOp  ns      1.68    0.8"))
    }

    // MARK: Options

    @Test func suitesSelectTheirMetricsAndEveryCommitStays() throws {
        let output = try run(["--history", fixture, "--suite", "pools"])
        #expect(output.exitCode == 0)
        #expect(output.standardOutput.hasPrefix("history \(fixture): 12 commits,"))
        #expect(output.standardOutput.contains("\nno change points in 1 metric series\n"))
        #expect(!output.standardOutput.contains("micro"))
    }

    @Test func theDetectionOptionsReachTheDetector() throws {
        let options = try TrendOptions.parse(
            ["--history", fixture, "--window", "8", "--max-pvalue", "0.01", "--min-magnitude", "0.25"],
            environment: [:])
        #expect(options.changePoints == (try ChangePointOptions(windowLength: 8, maxPValue: 0.01, minMagnitude: 0.25)))
        let output = TrendRun.run(options)
        #expect(output.standardOutput.contains("window 8, p < 0.01, magnitude > 25 %"))
        // Both gated changes are about 20 %: a minimum magnitude of 25 % drops them.
        #expect(output.standardOutput.contains("\nno change points in 5 metric series;"))
    }

    @Test func reportOnlyMetricsAreListedOnlyWhenAsked() throws {
        let hidden = try run(["--history", fixture]).standardOutput
        #expect(!hidden.contains(" rme "))
        #expect(hidden.contains("1 more change point in report-only metrics"))
        let shown = try run(["--history", fixture, "--include-report-only"]).standardOutput
        #expect(shown.contains("  rme  "))
        #expect(shown.contains("regression (report only)"))
    }

    @Test func theMarkdownAndHTMLReportsAreWrittenWhenAsked() throws {
        let directory = try makeTemporaryDirectory()
        let markdown = directory + "/trend.md"
        let html = directory + "/trend.html"
        let output = try run(["--history", fixture, "--markdown", markdown, "--html", html])
        #expect(output.exitCode == 0)
        #expect(output.standardOutput.contains("Markdown report: \(markdown)\nHTML report: \(html)\nOK: "))
        #expect(try readText(markdown).hasPrefix("## Performance history\n"))
        #expect(try readText(markdown).contains("| `2588748` | `e91623c` | micro |"))
        let page = try readText(html)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<figure class=\"chart trend\""))
    }

    @Test func usageMistakesAreNamed() {
        #expect(
            throws: UsageError(
                "--history is required: the directory of <seq>-<commit>/<suite>.json entries; see perf-check trend "
                    + "--help")
        ) { try TrendOptions.parse([], environment: [:]) }
        #expect(throws: UsageError("--window: 1 is out of range: it must be at least 2")) {
            try TrendOptions.parse(["--history", "h", "--window", "1"], environment: [:])
        }
        #expect(throws: UsageError("--max-pvalue: 0 is out of range: it must be above 0 and at most 1")) {
            try TrendOptions.parse(["--history", "h", "--max-pvalue", "0"], environment: [:])
        }
        #expect(throws: UsageError("--min-magnitude: -0.1 is out of range: it must be at least 0")) {
            try TrendOptions.parse(["--history", "h", "--min-magnitude=-0.1"], environment: [:])
        }
        #expect(throws: UsageError("unknown option --update-baseline; see perf-check trend --help")) {
            try TrendOptions.parse(["--history", "h", "--update-baseline"], environment: [:])
        }
    }

    // MARK: Bad input

    @Test func badInputExitsTwoAndWritesNothing() throws {
        let directory = try makeTemporaryDirectory()
        let markdown = directory + "/trend.md"
        let missing = try run(["--history", directory + "/none", "--markdown", markdown])
        #expect(missing.exitCode == 2)
        #expect(
            missing.standardError
                == "perf-check: \(directory)/none: no such directory; pass the history's directory "
                + "(DIR/<seq>-<commit>/…)\n")
        let unknownSuite = try run(["--history", fixture, "--suite", "macro", "--markdown", markdown])
        #expect(unknownSuite.exitCode == 2)
        #expect(
            unknownSuite.standardError
                == "perf-check: \(fixture): no entry holds suite \"macro\" (or macro-*); the history has micro, pools; "
                + "check the name passed to --suite\n")
        #expect(!FileManager.default.fileExists(atPath: markdown))
    }

    // MARK: The built binary

    @Test func theBuiltBinaryReportsTheFixtureAndExitsZero() throws {
        let (status, output) = try runPerfCheck(["trend", "--history", fixture, "--strict"] + thresholds)
        #expect(status == 0, "\(output)")
        #expect(output.hasPrefix("history \(fixture): 12 commits"))
        #expect(output.hasSuffix("OK: no regression starts at the newest commit (000012-1174d12)\n"))
    }

    @Test func theBuiltBinaryFailsANewestRegressionOnlyInStrictMode() throws {
        let history = try historyWithNewestRegression()
        #expect(try runPerfCheck(["trend", "--history", history] + thresholds).status == 0)
        #expect(try runPerfCheck(["trend", "--history", history, "--strict"] + thresholds).status == 1)
        #expect(
            try runPerfCheck(["trend", "--history", history] + thresholds, environment: ["STRICT_PERF": "1"]).status
                == 1)
    }

    @Test func theBuiltBinaryExitsTwoOnBadUsageAndBadInput() throws {
        let (usage, message) = try runPerfCheck(["trend", "--window", "8"])
        #expect(usage == 2)
        #expect(
            message
                == "perf-check: --history is required: the directory of <seq>-<commit>/<suite>.json entries; see "
                + "perf-check trend --help\n")
        let (input, _) = try runPerfCheck(["trend", "--history", fixture + "/000001-c84634d"])
        #expect(input == 2)
    }

    @Test func theBuiltBinaryPrintsTheTrendHelp() throws {
        let (status, output) = try runPerfCheck(["trend", "--help"])
        #expect(status == 0)
        #expect(output.hasPrefix("Usage: perf-check trend --history DIR [options]\n\nFinds the change points"))
        #expect(output.contains("--include-report-only"))
        #expect(output.contains("Exit status: 0 the change points are reported"))
    }
}
