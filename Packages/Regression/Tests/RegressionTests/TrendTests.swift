import Foundation
import PerfResult
import Regression
import Testing

/// The history in `Fixtures/history`: 12 commits of suites `micro` and `pools`. Known changes:
/// - `stringOps/concat[size=16]` `nsPerOp` steps from about 41.5 to 50.2 ns at the 7th commit (2588748): a
///   regression;
/// - `routing/trie[path=deep]`, measured from the 3rd commit on (10 points), drops from about 200 to 160 ns
///   at the 9th commit (5eb3f87): an improvement;
/// - `stringOps/concat[size=16]` `rme` (report only) steps from 0.8 to 2.5 % at the 9th commit;
/// - everything else is flat: `harness/empty`, `allocsPerOp` (constant 1) and `pools`.
/// The expected means are those of Otava's algorithm run in Python (NumPy 2.4) on the same values.
@Suite struct TrendTests {
    let history: PerformanceHistory
    let outcome: TrendOutcome

    init() throws {
        history = try PerformanceHistory.read(from: fixturesDirectory + "/history")
        outcome = TrendOutcome.analyze(history)
    }

    func trend(_ result: String, _ metric: String) throws -> MetricTrend {
        try #require(outcome.trends.first { $0.result == result && $0.metric == metric })
    }

    @Test func theHistoryIsReadInCommitOrder() {
        #expect(history.entries.map(\.sequence) == Array(1...12))
        #expect(history.entries.first?.commit == "c84634d")
        #expect(history.entries.last?.commit == "1174d12")
        #expect(history.entries.allSatisfy { $0.reports.map(\.suite) == ["micro", "pools"] })
    }

    @Test func theKnownStepIsFoundAtItsCommit() throws {
        let concat = try trend("stringOps/concat[size=16]", "nsPerOp")
        #expect(concat.points.count == 12)
        let change = try #require(concat.changePoints.first)
        #expect(concat.changePoints.count == 1)
        #expect(change.index == 6)
        #expect(change.commit == "2588748")
        #expect(change.previousCommit == "e91623c")
        #expect(change.sequence == 7)
        #expect(change.meanBefore == 41.50333333333334)
        #expect(change.meanAfter == 50.195)
        #expect(abs((change.relativeChange ?? 0) - (50.195 / 41.50333333333334 - 1)) < 1e-15)
        #expect(change.pValue < 1e-12)
        #expect(change.isRegression)
    }

    @Test func aResultMissingFromEarlyCommitsHasFewerPoints() throws {
        let trie = try trend("routing/trie[path=deep]", "nsPerOp")
        #expect(trie.points.map(\.sequence) == Array(3...12))
        let change = try #require(trie.changePoints.first)
        #expect(change.index == 6)
        #expect(change.commit == "5eb3f87")
        #expect(change.meanAfter == 160.25)
        #expect(!change.isRegression)
    }

    @Test func flatMetricsHaveNoChangePoints() throws {
        #expect(try trend("harness/empty", "nsPerOp").changePoints.isEmpty)
        #expect(try trend("stringOps/concat[size=16]", "allocsPerOp").changePoints.isEmpty)
        #expect(try trend("poolAcquire/object[via=pool]", "nsPerOp").changePoints.isEmpty)
    }

    @Test func rowsAreNewestFirstAndReportOnlyMetricsOnlyWhenAsked() {
        let gated = outcome.changeRows()
        #expect(
            gated.map { "\($0.change.commit) \($0.trend.result) \($0.trend.metric)" } == [
                "5eb3f87 routing/trie[path=deep] nsPerOp", "2588748 stringOps/concat[size=16] nsPerOp",
            ])
        let all = outcome.changeRows(includingReportOnly: true)
        #expect(
            all.map { "\($0.change.commit) \($0.trend.metric)" } == [
                "5eb3f87 nsPerOp", "5eb3f87 rme", "2588748 nsPerOp",
            ])
        #expect(all[1].verdictCell == "regression (report only)")
    }

    @Test func theTextReportHasARowPerChangePoint() {
        let lines = outcome.textReport().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "history \(fixturesDirectory)/history: 12 commits, 000001-c84634d … 000012-1174d12")
        #expect(
            lines[1].hasPrefix("change points: E-Divisive means + Student t test (Apache Otava's method), window 50"))
        #expect(
            lines[3...6] == [
                "commit   previous  suite  result                     metric   unit  before  after   change        p  verdict",
                "5eb3f87  889d32f   micro  routing/trie[path=deep]    nsPerOp  ns       200  160.3  -19.9 %  <0.0001  improvement",
                "2588748  e91623c   micro  stringOps/concat[size=16]  nsPerOp  ns      41.5   50.2  +20.9 %  <0.0001  regression",
                "",
            ])
        #expect(
            lines[7] == "2 change points in 2 of 5 metric series: 1 regression, 1 improvement; "
                + "1 more change point in report-only metrics")
    }

    @Test func theMarkdownReportHasARowPerChangePoint() {
        let markdown = outcome.markdownReport()
        #expect(
            markdown.contains(
                "| `2588748` | `e91623c` | micro | `stringOps/concat[size=16]` | nsPerOp | ns | 41.5 | 50.2 | +20.9 % "
                    + "| \\<0.0001 | regression |"))
        #expect(markdown.contains("| `5eb3f87` | `889d32f` | micro | `routing/trie[path=deep]` |"))
        #expect(!markdown.contains("| rme |"))
        #expect(outcome.markdownReport(includingReportOnly: true).contains("| rme |"))
    }

    @Test func theHTMLSectionChartsEveryMetricWithChangePoints() {
        let html = outcome.htmlSection()
        #expect(html.split(separator: "<figure class=\"chart trend\"", omittingEmptySubsequences: false).count - 1 == 2)
        #expect(html.contains("data-result=\"stringOps/concat[size=16]\" data-metric=\"nsPerOp\""))
        #expect(html.contains("class=\"changepoint regression\""))
        #expect(html.contains("class=\"changepoint improved\""))
        #expect(html.contains(">2588748</text>"))
        #expect(html.contains(">5eb3f87</text>"))
        #expect(html.contains("<tr class=\"v-regression\" data-commit=\"2588748\""))
        #expect(html.contains("+20.9 %"))
        let page = outcome.htmlReport()
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(!page.contains("<script") && !page.contains("src=") && !page.contains("href="))
    }

    @Test func aHistoryWithoutChangePointsSaysSo() throws {
        let flat = PerformanceHistory(
            directory: "h",
            entries: try (1...6).map { index in
                HistoryEntry(
                    sequence: index, commit: "abcd00\(index)",
                    reports: [try report("micro", [try Result(name: "a/b", metrics: [.nsPerOp(10)])])])
            })
        let outcome = TrendOutcome.analyze(flat)
        #expect(outcome.textReport().hasSuffix("\nno change points in 1 metric series\n"))
        #expect(!outcome.htmlSection().contains("<figure"))
    }

    @Test func aMetricWhoseUnitChangedIsTwoSeries() throws {
        let entries = try (1...4).map { index in
            let unit: Metric.Unit = index <= 2 ? .nanoseconds : .microseconds
            let metric = try Metric(key: "latency", value: 5, unit: unit, better: .lower)
            return HistoryEntry(
                sequence: index, commit: "beef00\(index)",
                reports: [try report("micro", [try Result(name: "a/b", metrics: [metric])])])
        }
        let trends = TrendOutcome.analyze(PerformanceHistory(directory: "h", entries: entries)).trends
        #expect(trends.map(\.unit) == [.nanoseconds, .microseconds])
        #expect(trends.map(\.points.count) == [2, 2])
    }
}

/// `perf-check --history DIR`: the check's reports chart the history's change points after the suites.
@Suite struct CheckWithHistoryTests {
    @Test func theReportsShowTheHistorysChangePointsAfterTheSuites() throws {
        let doubled = fixturesDirectory + "/double-regression"
        var options = CheckOptions()
        options.resultsDirectory = doubled + "/results"
        options.baselinesDirectory = doubled + "/baselines"
        options.historyDirectory = fixturesDirectory + "/history"
        let outcome = try CheckRun.check(options)
        let html = outcome.htmlReport()
        let suites = try #require(html.range(of: "<h2>Suites</h2>"))
        let history = try #require(html.range(of: "<h2>History and change points</h2>"))
        #expect(suites.lowerBound < history.lowerBound)
        #expect(html.contains("data-commit=\"2588748\""))
        #expect(outcome.markdownReport().contains("2588748"))
        options.historyDirectory = nil
        #expect(try !CheckRun.check(options).htmlReport().contains("History and change points"))
    }
}
