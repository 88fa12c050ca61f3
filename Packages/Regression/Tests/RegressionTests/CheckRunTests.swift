import Foundation
import PerfResult
import PerfSupport
import Regression
import Testing

/// perf-check end to end, in process: exit codes, the table and the reports.
@Suite struct CheckRunTests {
    let doubled = fixturesDirectory + "/double-regression"

    func fixtureOptions(_ arguments: [String], environment: [String: String] = [:]) throws -> CheckOptions {
        try CheckOptions.parse(
            [
                "--results", doubled + "/results", "--baselines", doubled + "/baselines", "--thresholds",
                repositoryRoot + "/perf/regression/thresholds.json",
            ] + arguments, environment: environment)
    }

    // MARK: The gate can fail

    @Test func aDoubledTimeFailsTheStrictGate() throws {
        let output = CheckRun.run(try fixtureOptions(["--strict"]))
        #expect(output.exitCode == 1)
        #expect(output.standardError.isEmpty)
        #expect(output.standardOutput.hasSuffix("FAILED: 3 regressions (strict mode: --strict or STRICT_PERF=1)\n"))
        #expect(output.standardOutput.contains("✗ REGRESSION (limit +10 %)"))
    }

    @Test func strictPerfOneFailsTheGateLikeTheFlag() throws {
        #expect(CheckRun.run(try fixtureOptions([], environment: ["STRICT_PERF": "1"])).exitCode == 1)
        #expect(CheckRun.run(try fixtureOptions([], environment: ["STRICT_PERF": "true"])).exitCode == 1)
        #expect(CheckRun.run(try fixtureOptions([], environment: ["STRICT_PERF": "0"])).exitCode == 0)
    }

    @Test func withoutStrictModeRegressionsWarnAndExitZero() throws {
        let output = CheckRun.run(try fixtureOptions([]))
        #expect(output.exitCode == 0)
        #expect(
            output.standardOutput.hasSuffix(
                "WARNING: 3 regressions, not failing (set STRICT_PERF=1 or pass --strict to fail)\n"))
    }

    @Test func anUnclearStrictPerfValueIsBadUsage() throws {
        #expect(
            throws: UsageError(
                "STRICT_PERF=maybe is not understood; use 1 (or true, yes, on) to turn it on, 0 (or false, no, off) "
                    + "to turn it off")
        ) {
            try CheckOptions.parse([], environment: ["STRICT_PERF": "maybe"])
        }
    }

    @Test func unchangedResultsPassTheStrictGate() throws {
        let workspace = try Workspace()
        try write(try microReport([("a/one", 100), ("a/two", 250)]), to: workspace.baselines)
        try write(try microReport([("a/one", 101), ("a/two", 249)]), to: workspace.results)
        let output = CheckRun.run(try workspace.options(["--strict"]))
        #expect(output.exitCode == 0)
        #expect(output.standardOutput.hasSuffix("OK: no regressions\n"))
    }

    // MARK: The table

    @Test func theTablesAreAlignedWithTheColumnsOfTheIssue() throws {
        let output = CheckRun.run(try fixtureOptions([]))
        let lines = output.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let headers = lines.indices.filter { lines[$0].hasPrefix("suite ") && lines[$0].hasSuffix("verdict") }
        // The regressions and warnings first, then the full table.
        #expect(headers.count == 2)
        for (headerIndex, expectedRows) in zip(headers, [3, 12]) {
            let header = lines[headerIndex]
            for column in ["result", "metric", "unit", "baseline", "current", "change", "p", "verdict"] {
                #expect(header.contains(" \(column)"))
            }
            let verdictColumn = try #require(header.range(of: "verdict")).lowerBound.utf16Offset(in: header)
            let rows = lines[(headerIndex + 1)...].prefix { !$0.isEmpty }
            #expect(rows.count == expectedRows)
            for row in rows {
                // Every cell before the verdict is padded to the same width (names and numbers are ASCII here).
                #expect(row.utf16.count > verdictColumn)
                #expect(
                    row.utf16[row.utf16.index(row.utf16.startIndex, offsetBy: verdictColumn - 1)]
                        == UInt16(UInt8(ascii: " ")))
            }
            #expect(
                rows.contains {
                    $0.hasPrefix("micro  routing/trie") && $0.contains("nsPerOp") && $0.contains("<0.0001")
                })
        }
    }

    @Test func theTextLeadsWithTheSummaryThenHeadlineFiguresThenRegressionsThenTheFullTable() throws {
        let text = CheckRun.run(try fixtureOptions([])).standardOutput
        let lines = text.split(separator: "\n").map(String.init)
        let summary = try #require(lines.firstIndex(of: "summary"))
        let headline = try #require(lines.firstIndex { $0.hasPrefix("headline figures") })
        let attention = try #require(lines.firstIndex(of: "regressions and warnings"))
        let details = try #require(lines.firstIndex(of: "suite micro"))
        let fullTable = try #require(lines.lastIndex { $0.hasPrefix("suite  result") })
        #expect(summary < headline && headline < attention && attention < details && details < fullTable)
        #expect(summary == 2)
        #expect(
            lines[summary + 1]
                == "suite  regressions  warnings  improved  unchanged  ~  report only  new  gone  "
                + "timing geomean (95 % interval)  notes")
        #expect(
            lines[summary + 2] == "micro            3         0         0          3  0            6    0     0  "
                + "+99.6 % [+97.1 %, +102.9 %]")
        #expect(
            lines[headline + 2].hasPrefix("  result                       nsPerOp                      allocsPerOp"))
        #expect(lines[headline + 3] == "  stringOps/concat[size=16]    78.82 ns ±3.3 % (+97.1 % ✗)  1 (0.0 %)")
    }

    @Test func missingBaselinesMakeEveryResultNewAndSayHowToCreateThem() throws {
        let workspace = try Workspace()
        try write(try microReport([("a/one", 100)]), to: workspace.results)
        let output = CheckRun.run(try workspace.options(["--strict"]))
        #expect(output.exitCode == 0)
        #expect(output.standardOutput.contains("baseline: none (\(workspace.baselines)/micro.json does not exist)"))
        #expect(output.standardOutput.contains("make perf-baseline"))
        #expect(
            output.standardOutput.contains(
                "micro            0         0         0          0  0            0    1     0"
                    + "                                  no baseline: 1 new result (make perf-baseline)\n"))
        #expect(output.standardOutput.contains("micro\n  result  nsPerOp\n  a/one   100 ns ±1.4 %\n"))
        // A suite without a baseline has no rows in the full table: the summary and a count line.
        #expect(!output.standardOutput.contains("suite  result"))
        #expect(
            output.standardOutput.contains(
                "micro: no baseline, so its 1 row (1 new result) is not listed here: see the Markdown and HTML "
                    + "reports (--markdown, --html; make perf-report), or pass --all-metrics\n"))
        let all = CheckRun.run(try workspace.options(["--all-metrics"]))
        #expect(
            all.standardOutput.contains(
                "suite  result  metric   unit  baseline  current  change  p  verdict\n"
                    + "micro  a/one   nsPerOp  ns                  100             new\n"))
        #expect(!all.standardOutput.contains("are not listed here"))
    }

    @Test func suitesWithABaselineButNoResultsAreListed() throws {
        let workspace = try Workspace()
        try write(try microReport([("a/one", 100)]), to: workspace.results)
        try write(try microReport([("a/one", 100)]), to: workspace.baselines)
        try write(try report("pools", [Result(name: "p/a", metrics: [.hitRate(1)])]), to: workspace.baselines)
        let output = CheckRun.run(try workspace.options([]))
        #expect(output.standardOutput.contains("not run (baseline present, no current results): pools\n"))
    }

    @Test func aDifferentMachineWarnsProminentlyAndDoesNotFailUnlessRequired() throws {
        let workspace = try Workspace()
        try write(try microReport([("a/one", 100)]), to: workspace.baselines)
        try write(try microReport([("a/one", 300)], environment: environment(cpu: "Other CPU")), to: workspace.results)
        let output = CheckRun.run(try workspace.options(["--strict"]))
        #expect(output.exitCode == 0)
        #expect(
            output.standardOutput.contains(
                "! WARNING: micro: the environment differs from the baseline's: CPU model \"Test CPU @ 3.00GHz\" → "
                    + "\"Other CPU\". Timing and other machine-dependent metrics are REPORT-ONLY"))
        #expect(output.standardOutput.contains("timing report-only: CPU model differs\n"))
        #expect(output.standardOutput.contains("! warning (CPU model differs, limit +10 %)"))
        let required = CheckRun.run(try workspace.options(["--strict", "--require-same-env"]))
        #expect(required.exitCode == 2)
        #expect(required.standardError.hasPrefix("perf-check: suite \"micro\": the environment differs"))
    }

    @Test func aSuiteFilterSelectsTheSuiteAndItsScenarioFiles() throws {
        let workspace = try Workspace()
        try write(try microReport([("a/one", 100)]), to: workspace.results)
        try write(
            try report("macro-http-login", [Result(name: "login/sustained", metrics: [.requestsPerSec(100)])]),
            to: workspace.results)
        let output = CheckRun.run(try workspace.options(["--suite", "macro"]))
        #expect(output.exitCode == 0)
        #expect(output.standardOutput.contains("suite macro-http-login"))
        #expect(!output.standardOutput.contains("suite micro"))
    }

    // MARK: Reports

    @Test func theMarkdownReportIsWrittenAndAppendedToTheStepSummary() throws {
        let workspace = try Workspace()
        let summary = workspace.root + "/summary.md"
        try writeText("earlier step\n", to: summary)
        let markdown = workspace.root + "/report.md"
        var options = try fixtureOptions(["--markdown", markdown], environment: ["GITHUB_STEP_SUMMARY": summary])
        let output = CheckRun.run(options)
        #expect(output.exitCode == 0)
        let text = try readText(markdown)
        #expect(text.hasPrefix("## Performance check\n"))
        #expect(
            text.contains(
                "| suite | regressions | warnings | improved | unchanged | ~ | report only | new | gone "
                    + "| timing geomean (95 % interval) | notes |"))
        #expect(text.contains("| micro | 3 | 0 | 0 | 3 | 0 | 6 | 0 | 0 | +99.6 % \\[+97.1 %, +102.9 %\\] |   |"))
        #expect(text.contains("<details><summary>All 12 rows of micro</summary>"))
        #expect(text.contains("| `routing/trie` | nsPerOp | ns |"))
        #expect(try readText(summary) == "earlier step\n" + text)
        options.markdownPath = nil
        _ = CheckRun.run(options)
        #expect(try readText(summary) == "earlier step\n" + text + text)
    }

    @Test func theGitHubBenchmarkFilesSplitByDirection() throws {
        let workspace = try Workspace()
        let directory = workspace.root + "/github"
        let output = CheckRun.run(try fixtureOptions(["--github-benchmark", directory]))
        #expect(output.exitCode == 0)
        let smaller =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: directory + "/smaller-is-better.json"))) as? [[String: Any]]
        let bigger =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: directory + "/bigger-is-better.json"))) as? [[String: Any]]
        let small = try #require(smaller)
        let big = try #require(bigger)
        #expect(small.count == 9) // nsPerOp, rme, allocsPerOp for three results
        #expect(big.count == 3) // opsPerSec
        let entry = try #require(small.first { ($0["name"] as? String) == "micro routing/trie nsPerOp" })
        #expect(entry["unit"] as? String == "ns")
        #expect((entry["value"] as? Double).map { $0 > 200 } == true)
        #expect((entry["extra"] as? String)?.contains("verdict ✗ REGRESSION") == true)
        #expect(Set(small.flatMap { $0.keys }) == ["name", "unit", "value", "extra"])
    }

    @Test func theHTMLReportIsOneSelfContainedPageWithTheCharts() throws {
        let workspace = try Workspace()
        let path = workspace.root + "/report.html"
        let fixture = repositoryRoot + "/perf/regression/fixtures/report"
        var options = try CheckOptions.parse(
            ["--results", fixture + "/results", "--baselines", fixture + "/baselines", "--html", path], environment: [:]
        )
        options.thresholdsPath = repositoryRoot + "/perf/regression/thresholds.json"
        #expect(CheckRun.run(options).exitCode == 0)
        let html = try readText(path)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("url("))
        for kind in ["baseline-vs-current", "latency-curve", "rps-series", "heap-series"] {
            #expect(html.contains("<figure class=\"chart \(kind)\""), "missing \(kind)")
        }
        #expect(html.components(separatedBy: "<table class=\"comparisons\"").count == 4)
        #expect(html.contains("<tr class=\"v-regression first\" data-metric=\"allocsPerOp\" data-gate=\"true\">"))
        #expect(
            html.contains("<tr class=\"v-regression\" data-metric=\"nsPerOp\" data-gate=\"true\" data-samples=\"20\">"))
        // A new result: one row per metric with its current figure; a gone one: its baseline figure.
        #expect(
            html.contains(
                "<tr class=\"v-new first\" data-metric=\"nsPerOp\" data-gate=\"true\" data-samples=\"20\">"
                    + "<td><code>pool/acquire</code></td><td>nsPerOp</td><td>ns</td><td class=\"n\"></td>"
                    + "<td class=\"n\">17.94</td><td class=\"n\"></td><td class=\"n\"></td>"
                    + "<td class=\"verdict-cell\"><span class=\"badge\">new</span></td></tr>\n"))
        #expect(
            html.contains(
                "<tr class=\"v-gone first\" data-metric=\"nsPerOp\" data-gate=\"true\">"
                    + "<td><code>pool/retired</code></td><td>nsPerOp</td><td>ns</td><td class=\"n\">55.89</td>"
                    + "<td class=\"n\"></td><td class=\"n\"></td><td class=\"n\"></td>"
                    + "<td class=\"verdict-cell\"><span class=\"badge\">gone</span></td></tr>\n"))
        #expect(
            html.contains(
                "<figure class=\"chart baseline-vs-current current-only\" data-suite=\"micro\" data-metric=\"nsPerOp\">"
            ))
    }

    // MARK: Usage

    @Test func helpExitsZeroWithTheUsage() {
        var options = CheckOptions()
        options.help = true
        let output = CheckRun.run(options)
        #expect(output.exitCode == 0)
        #expect(output.standardOutput.hasPrefix("Usage: perf-check [options]\n"))
    }

    @Test func badUsageIsNamed() throws {
        #expect(throws: UsageError("unknown option --stritc (did you mean --strict?); see perf-check --help")) {
            try CheckOptions.parse(["--stritc"], environment: [:])
        }
        #expect(throws: UsageError("--suite needs a value (--suite NAME); see perf-check --help")) {
            try CheckOptions.parse(["--suite"], environment: [:])
        }
        #expect(throws: UsageError("--html needs a value (--html PATH); see perf-check --help")) {
            try CheckOptions.parse(["--html", "--strict"], environment: [:])
        }
    }

    @Test func optionsFollowTheRulesEveryToolShares() throws {
        let attached = try CheckOptions.parse(["--results=r", "--suite=micro", "--suite", "pools"], environment: [:])
        #expect(attached.resultsDirectory == "r")
        #expect(attached.suites == ["micro", "pools"])
        #expect(throws: UsageError("--results is given twice (a and b); give it once")) {
            try CheckOptions.parse(["--results", "a", "--results", "b"], environment: [:])
        }
        #expect(try CheckOptions.parse([], environment: ["STRICT_PERF": "on"]).strict)
        #expect(try CheckOptions.parse(["--suite", "x", "-h"], environment: [:]).help)
        #expect(throws: UsageError("unknown command \"micro\"; use ab, trend or coverage; see perf-check --help")) {
            try CheckOptions.parse(["micro"], environment: [:])
        }
    }

    @Test func optionsParseEveryFlag() throws {
        let options = try CheckOptions.parse(
            [
                "--results", "r", "--baselines", "b", "--thresholds", "t.json", "--suite", "micro", "--suite", "pools",
                "--strict", "--require-same-env", "--markdown", "m.md", "--html", "h.html", "--github-benchmark", "g",
                "--jmh", "j.json",
            ], environment: ["GITHUB_STEP_SUMMARY": "s.md"])
        var expected = CheckOptions()
        expected.resultsDirectory = "r"
        expected.baselinesDirectory = "b"
        expected.thresholdsPath = "t.json"
        expected.suites = ["micro", "pools"]
        expected.strict = true
        expected.requireSameEnvironment = true
        expected.markdownPath = "m.md"
        expected.htmlPath = "h.html"
        expected.githubBenchmarkDirectory = "g"
        expected.jmhPath = "j.json"
        expected.stepSummaryPath = "s.md"
        #expect(options == expected)
    }
}
