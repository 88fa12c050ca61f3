import Foundation
import PerfResult
import PerfSupport
import Regression
import Testing

/// Results on one side only: one row per metric with the figure of its side, in the table (headline
/// metrics), the Markdown and the HTML (every metric), and charted when new.
@Suite struct NewAndGoneRowsTests {
    /// A micro suite with `a/new` (no baseline) and, when `withBaseline`, `a/kept` on both sides and
    /// `a/old` in the baseline only.
    func outcome(withBaseline: Bool) throws -> CheckOutcome {
        let added = try Result(
            name: "a/new",
            metrics: [.rme(1.5), .p50Ns(40), .allocsPerOp(2), .nsPerOp(41.5, samples: samples(around: 41.5))])
        let kept = try Result(name: "a/kept", metrics: [.nsPerOp(10)])
        let old = try Result(name: "a/old", metrics: [.opsPerSec(2_000_000), .nsPerOp(500), .rme(1)])
        let current = try report("micro", withBaseline ? [kept, added] : [added])
        let baseline = withBaseline ? try report("micro", [old, kept]) : nil
        let input = SuiteInput(
            suite: "micro", current: current, currentPaths: ["results/micro.json"], baseline: baseline,
            baselinePath: "baselines/micro.json")
        let comparison = try Comparer(thresholds: .shipped).compare(input)
        return CheckOutcome(suites: [comparison], thresholdsSource: "t.json", thresholds: .shipped, strict: false)
    }

    /// The table of a text report: from its header to the first empty line.
    func table(_ text: String) throws -> String {
        let start = try #require(text.range(of: "suite  result")).lowerBound
        let end = try #require(text.range(of: "\n\n", range: start..<text.endIndex)).lowerBound
        return String(text[start...end])
    }

    // MARK: Rows

    @Test func aNewResultHasARowPerMetricWithItsCurrentFigureHeadlineMetricsFirst() throws {
        let rows = try outcome(withBaseline: false).suites[0].rows
        #expect(rows.map { $0.metric ?? "-" } == ["nsPerOp", "allocsPerOp", "rme", "p50Ns"])
        #expect(rows.map(\.headline) == [true, true, false, false])
        #expect(rows.allSatisfy { $0.verdict == .new && $0.wholeResult && $0.baselineValue == nil })
        #expect(rows.map(\.currentCell) == ["41.5", "2", "1.5", "40"])
        #expect(rows.map(\.unitCell) == ["ns", "count", "%", "ns"])
        #expect(rows[0].rule?.maxRegression == 0.1)
        #expect(rows[0].limit == nil && rows[0].pValue == nil && rows[0].changeCell.isEmpty)
    }

    @Test func aGoneResultHasARowPerMetricWithItsBaselineFigure() throws {
        let rows = try outcome(withBaseline: true).suites[0].rows
        let gone = rows.filter { $0.verdict == .gone }
        #expect(gone.map { $0.metric ?? "-" } == ["nsPerOp", "opsPerSec", "rme"])
        #expect(gone.map(\.baselineCell) == ["500", "2M", "1"])
        #expect(gone.allSatisfy { $0.result == "a/old" && $0.wholeResult && $0.currentValue == nil })
        #expect(rows.map(\.result) == ["a/kept", "a/new", "a/new", "a/new", "a/new", "a/old", "a/old", "a/old"])
    }

    @Test func aResultWithoutMetricsIsOneRow() throws {
        let current = try report("micro", [Result(name: "a/empty", metrics: [])])
        let input = SuiteInput(
            suite: "micro", current: current, currentPaths: ["results/micro.json"], baseline: nil,
            baselinePath: "baselines/micro.json")
        let rows = try Comparer(thresholds: .shipped).compare(input).rows
        #expect(rows.count == 1)
        #expect(rows[0].metric == nil && rows[0].verdict == .new && rows[0].wholeResult)
    }

    @Test func headlineMetricsPreferNsPerOpAndFallBackToEveryKey() {
        #expect(
            HeadlineMetrics.select(from: ["rme", "p50Ns", "nsPerOp", "allocsPerOp"]) == ["nsPerOp", "allocsPerOp"])
        #expect(HeadlineMetrics.select(from: ["p99Ns", "p50Ns"]) == ["p50Ns"])
        #expect(
            HeadlineMetrics.select(from: ["latencyMaxMs", "latencyP99Ms", "requestsPerSec", "errorRate"])
                == ["requestsPerSec", "latencyP99Ms", "errorRate"])
        #expect(HeadlineMetrics.select(from: ["ownKey", "otherKey"]) == ["ownKey", "otherKey"])
        #expect(HeadlineMetrics.select(from: []) == [])
    }

    // MARK: Text

    @Test func theTableShowsTheHeadlineMetricsOfNewAndGoneResultsWithTheirFigures() throws {
        let text = try outcome(withBaseline: true).textReport()
        #expect(
            try table(text)
                == """
                suite  result  metric       unit   baseline  current  change  p  verdict
                micro  a/kept  nsPerOp      ns           10       10   0.0 %     ✓ ok (low confidence)
                micro  a/new   nsPerOp      ns                  41.5             new
                micro  a/new   allocsPerOp  count                  2             new
                micro  a/old   nsPerOp      ns          500                      gone
                new and gone results: headline metrics only (nsPerOp or p50Ns, instructions, allocsPerOp, \
                requestsPerSec, latencyP50Ms, latencyP99Ms, errorRate, hitRate, heapGrowthRatio, \
                liveAllocsSlopePerIter, peakRssBytes);
                4 more rows are in the Markdown and HTML reports (--markdown, --html; make perf-report), or pass \
                --all-metrics

                """)
    }

    @Test func aSuiteWithoutABaselineShowsItsHeadlineFiguresAndACountLineOnly() throws {
        let text = try outcome(withBaseline: false).textReport()
        #expect(
            text.contains(
                """
                headline figures (current median ±95 % interval of its samples; change against the baseline)
                micro
                  result  nsPerOp         allocsPerOp
                  a/new   41.5 ns ±1.4 %  2

                regressions and warnings: none

                """))
        #expect(!text.contains("suite  result"))
        #expect(
            text.hasSuffix(
                "micro: no baseline, so its 4 rows (1 new result) are not listed here: see the Markdown and HTML "
                    + "reports (--markdown, --html; make perf-report), or pass --all-metrics\n\n"))
    }

    @Test func allMetricsListsEveryRowOfNewAndGoneResults() throws {
        let text = try outcome(withBaseline: true).textReport(allMetrics: true)
        #expect(
            try table(text)
                == """
                suite  result  metric       unit   baseline  current  change  p  verdict
                micro  a/kept  nsPerOp      ns           10       10   0.0 %     ✓ ok (low confidence)
                micro  a/new   nsPerOp      ns                  41.5             new
                micro  a/new   allocsPerOp  count                  2             new
                micro  a/new   rme          %                    1.5             new
                micro  a/new   p50Ns        ns                    40             new
                micro  a/old   nsPerOp      ns          500                      gone
                micro  a/old   opsPerSec    ops/s        2M                      gone
                micro  a/old   rme          %             1                      gone

                """)
        #expect(!text.contains("headline metrics only"))
        #expect(
            text.contains(
                "micro            0         0         0          1  0            0    4     3  0.0 %\n"))
    }

    @Test func aNewMetricOfAKeptResultIsAlwaysListed() throws {
        let baseline = try report("micro", [Result(name: "a/kept", metrics: [.nsPerOp(10)])])
        let current = try report("micro", [Result(name: "a/kept", metrics: [.nsPerOp(10), .rme(2)])])
        let input = SuiteInput(
            suite: "micro", current: current, currentPaths: ["results/micro.json"], baseline: baseline,
            baselinePath: "baselines/micro.json")
        let comparison = try Comparer(thresholds: .shipped).compare(input)
        let text = CheckOutcome(suites: [comparison], thresholdsSource: "t", thresholds: .shipped, strict: false)
            .textReport()
        #expect(text.contains("micro  a/kept  rme      %                     2             new\n"))
        #expect(comparison.summaryCounts == [0, 0, 0, 1, 0, 0, 1, 0])
    }

    // MARK: Markdown

    @Test func theMarkdownListsHeadlineFiguresAndEveryRowInTheDetails() throws {
        let markdown = try outcome(withBaseline: true).markdownReport()
        #expect(
            markdown.contains(
                """
                **micro**

                | result | nsPerOp | allocsPerOp |
                |---|---:|---:|
                | `a/kept` | 10 ns (0.0 %) |   |
                | `a/new` | 41.5 ns ±1.4 % | 2 |

                """))
        #expect(markdown.contains("### Regressions and warnings\n\nNone.\n"))
        #expect(markdown.contains("<details><summary>All 8 rows of micro</summary>"))
        #expect(markdown.contains("| `a/new` | p50Ns | ns |   | 40 |   |   | new |\n"))
        #expect(markdown.contains("| `a/old` | opsPerSec | ops/s | 2M |   |   |   | gone |\n"))
        #expect(markdown.contains("| micro | 0 | 0 | 0 | 1 | 0 | 0 | 4 | 3 | 0.0 % |   |\n"))
    }

    // MARK: HTML

    @Test func theHTMLTableListsEveryMetricOfNewAndGoneResults() throws {
        let html = try outcome(withBaseline: true).htmlReport()
        #expect(
            html.contains(
                "<tr class=\"v-new\" data-metric=\"p50Ns\" data-gate=\"false\"><td><code>a/new</code></td>"
                    + "<td>p50Ns</td><td>ns</td><td class=\"n\"></td><td class=\"n\">40</td><td class=\"n\"></td>"
                    + "<td class=\"n\"></td><td class=\"verdict-cell\"><span class=\"badge\">new</span></td></tr>\n"))
        #expect(
            html.contains(
                "<tr class=\"v-gone\" data-metric=\"opsPerSec\" data-gate=\"false\"><td><code>a/old</code></td>"
                    + "<td>opsPerSec</td><td>ops/s</td><td class=\"n\">2M</td><td class=\"n\"></td>"
                    + "<td class=\"n\"></td><td class=\"n\"></td><td class=\"verdict-cell\"><span class=\"badge\">gone</span>"
                    + "</td></tr>\n"))
        #expect(html.components(separatedBy: "<tr class=\"v-new").count - 1 == 4)
        #expect(html.components(separatedBy: "<tr class=\"v-gone").count - 1 == 3)
    }

    @Test func aFirstRunChartsTheCurrentValuesOfItsHeadlineMetrics() throws {
        let html = try outcome(withBaseline: false).htmlReport()
        #expect(html.contains("<h3>Current values of new results (no baseline yet)</h3>\n"))
        #expect(
            html.contains(
                "<figure class=\"chart baseline-vs-current current-only\" data-suite=\"micro\" data-metric=\"nsPerOp\">"
            ))
        #expect(
            html.contains(
                "<figure class=\"chart baseline-vs-current current-only\" data-suite=\"micro\" "
                    + "data-metric=\"allocsPerOp\">"))
        // rme is not gated, p50Ns not a headline metric next to nsPerOp; nothing is compared.
        #expect(html.components(separatedBy: "<figure class=\"chart").count - 1 == 2)
        #expect(!html.contains("<h3>Baseline vs current</h3>"))
        #expect(
            html.contains(
                "<rect x=\"300\" y=\"15\" width=\"\(480 * 41.5 / 50)\" height=\"11\" class=\"bar-current v-new\">"
                    + "<title>a/new current 41.5 ns (new: no baseline yet)</title></rect>"))
        #expect(html.contains("current nsPerOp (ns, linear scale)"))
    }

    @Test func currentValuesSpanningDecadesAreDrawnOnALogScale() throws {
        let current = try report(
            "micro",
            [
                Result(name: "a/fast", metrics: [.nsPerOp(2)]), Result(name: "a/slow", metrics: [.nsPerOp(40_000)]),
                Result(name: "a/none", metrics: [.nsPerOp(0)]),
            ])
        let input = SuiteInput(
            suite: "micro", current: current, currentPaths: ["results/micro.json"], baseline: nil,
            baselinePath: "baselines/micro.json")
        let comparison = try Comparer(thresholds: .shipped).compare(input)
        let html = CheckOutcome(suites: [comparison], thresholdsSource: "t", thresholds: .shipped, strict: false)
            .htmlReport()
        #expect(html.contains("current nsPerOp (ns, log scale)"))
        for tick in ["1", "10", "100", "1000", "10000", "100000"] {
            #expect(html.contains("class=\"label\">\(tick)</text>"))
        }
        // 2 ns sits at log10(2) of five decades; 0 ns has no bar; 40000 ns at 4.602 decades.
        #expect(html.contains("<rect x=\"300\" y=\"15\" width=\"28.9\" height=\"11\" class=\"bar-current v-new\">"))
        #expect(html.contains("<rect x=\"300\" y=\"55\" width=\"0\" height=\"11\" class=\"bar-current v-new\">"))
        #expect(html.contains("<rect x=\"300\" y=\"35\" width=\"441.8\" height=\"11\" class=\"bar-current v-new\">"))
    }

    @Test func aKeyThatIsZeroEverywhereIsNotCharted() throws {
        let current = try report(
            "micro",
            [Result(name: "a/one", metrics: [.allocsPerOp(0)]), Result(name: "a/two", metrics: [.allocsPerOp(0)])]
        )
        let input = SuiteInput(
            suite: "micro", current: current, currentPaths: ["results/micro.json"], baseline: nil,
            baselinePath: "baselines/micro.json")
        let comparison = try Comparer(thresholds: .shipped).compare(input)
        let html = CheckOutcome(suites: [comparison], thresholdsSource: "t", thresholds: .shipped, strict: false)
            .htmlReport()
        #expect(!html.contains("<figure"))
        #expect(html.contains("<tr class=\"v-new first\" data-metric=\"allocsPerOp\" data-gate=\"true\">"))
    }

    @Test func negativeCurrentValuesAreDrawnLeftOfZero() throws {
        let current = try report(
            "memory",
            [
                Result(name: "m/shrinks", metrics: [.liveAllocsSlopePerIter(-2)]),
                Result(name: "m/shrinksLess", metrics: [.liveAllocsSlopePerIter(-1)]),
            ])
        let input = SuiteInput(
            suite: "memory", current: current, currentPaths: ["results/memory.json"], baseline: nil,
            baselinePath: "baselines/memory.json")
        let comparison = try Comparer(thresholds: .shipped).compare(input)
        let html = CheckOutcome(suites: [comparison], thresholdsSource: "t", thresholds: .shipped, strict: false)
            .htmlReport()
        // Ticks -2 … 0 over 480 px: zero at 780, -2 at 300, -1 at 540.
        #expect(html.contains("current liveAllocsSlopePerIter (count, linear scale)"))
        #expect(html.contains("<rect x=\"300\" y=\"15\" width=\"480\" height=\"11\" class=\"bar-current v-new\">"))
        #expect(html.contains("<rect x=\"540\" y=\"35\" width=\"240\" height=\"11\" class=\"bar-current v-new\">"))
    }

    // MARK: Options

    @Test func allMetricsIsAnOptionOfTheCheckOnly() throws {
        #expect(try CheckOptions.parse(["--all-metrics"], environment: [:]).allMetrics)
        #expect(
            throws: UsageError(
                "--all-metrics does not apply to --update-baseline, which only writes baselines; run them separately")
        ) {
            try CheckOptions.parse(["--update-baseline", "--all-metrics"], environment: [:])
        }
    }
}
