import Foundation
import PerfResult
import PerfSupport
import Regression
import Testing

/// Every rendering leads with the summary: counts per verdict, the timing geomean with its interval, the
/// headline figures; then the regressions and warnings; then the full tables. Verdict marks need no emoji font.
@Suite struct ReportSummaryTests {
    func compare(_ baseline: Report?, _ current: Report) throws -> SuiteComparison {
        let input = SuiteInput(
            suite: current.suite, current: current, currentPaths: ["results/\(current.suite).json"],
            baseline: baseline, baselinePath: "baselines/\(current.suite).json")
        return try Comparer(thresholds: .shipped).compare(input)
    }

    /// A suite with one row of every verdict, and `a/new` (2 metrics), `a/gone` (1 metric) on one side.
    func everyVerdict() throws -> SuiteComparison {
        let baseline = try report(
            "micro",
            [
                Result(name: "a/regressed", metrics: [.nsPerOp(100, samples: samples(around: 100))]),
                Result(name: "a/warns", metrics: [.nsPerOp(100)]),
                Result(name: "a/improved", metrics: [.nsPerOp(100, samples: samples(around: 100))]),
                Result(name: "a/unchanged", metrics: [.nsPerOp(100)]),
                Result(name: "a/insignificant", metrics: [.nsPerOp(100, samples: samples(around: 100))]),
                Result(name: "a/reported", metrics: [.rme(1)]),
                Result(name: "a/gone", metrics: [.nsPerOp(7)]),
            ])
        let current = try report(
            "micro",
            [
                Result(name: "a/regressed", metrics: [.nsPerOp(200, samples: samples(around: 200))]),
                Result(name: "a/warns", metrics: [.nsPerOp(112)]),
                Result(name: "a/improved", metrics: [.nsPerOp(50, samples: samples(around: 50))]),
                Result(name: "a/unchanged", metrics: [.nsPerOp(101)]),
                Result(name: "a/insignificant", metrics: [.nsPerOp(100.2, samples: samples(around: 100.2))]),
                Result(name: "a/reported", metrics: [.rme(9)]),
                Result(name: "a/new", metrics: [.nsPerOp(5), .allocsPerOp(1)]),
            ])
        return try compare(baseline, current)
    }

    func outcome(_ suites: [SuiteComparison]) -> CheckOutcome {
        CheckOutcome(suites: suites, thresholdsSource: "t.json", thresholds: .shipped, strict: false)
    }

    // MARK: Counts

    @Test func theSummaryCountsTheRowsOfEachVerdictInEveryRendering() throws {
        let suite = try everyVerdict()
        // regressions, warnings, improved, unchanged, ~, report only, new, gone
        #expect(suite.summaryCounts == [1, 1, 1, 1, 1, 1, 2, 1])
        // Every verdict has its column, once.
        #expect(Set(SuiteComparison.summaryColumns.map(\.verdict)) == Set(Verdict.allCases))
        #expect(SuiteComparison.summaryColumns.count == Verdict.allCases.count)
        let report = outcome([suite])
        #expect(
            report.textReport().contains(
                "\nmicro            1         1         1          1  1            1    2     1  "))
        #expect(report.markdownReport().contains("\n| micro | 1 | 1 | 1 | 1 | 1 | 1 | 2 | 1 | "))
        let html = report.htmlReport()
        for (verdict, count) in zip(
            [
                "regression", "warning", "improved", "unchanged", "insignificant", "reported",
                "new", "gone",
            ], suite.summaryCounts)
        {
            #expect(html.contains("<td class=\"n\" data-verdict=\"\(verdict)\">\(count)</td>"), "\(verdict)")
            // The suite's full table marks as many rows as the summary counts.
            #expect(html.components(separatedBy: "<tr class=\"v-\(verdict)").count - 1 == count, "\(verdict)")
        }
    }

    // MARK: Geomean

    /// nsPerOp 100 → 110 (cost 1.1), requestsPerSec 1000 → 800 (cost 1.25), latencyP50Ms 10 → 9 (cost 0.9):
    /// the geomean is (1.1 × 1.25 × 0.9)^⅓ = 1.0736; the allocation count and the report-only rme stay out.
    func knownRatios(spread: Double = 0.02, withSamples: Bool = true) throws -> SuiteComparison {
        func metrics(ns: Double, rps: Double, p50: Double, allocs: Double, rme: Double) -> [Metric] {
            func sampled(_ centre: Double) -> [Double]? { withSamples ? samples(around: centre, spread: spread) : nil }
            return [
                .nsPerOp(ns, samples: sampled(ns)), .requestsPerSec(rps, samples: sampled(rps)),
                .latencyP50Ms(p50, samples: sampled(p50)), .allocsPerOp(allocs), .rme(rme),
            ]
        }
        return try compare(
            try report(
                "mixed", [Result(name: "a/one", metrics: metrics(ns: 100, rps: 1000, p50: 10, allocs: 1, rme: 1))]),
            try report("mixed", [Result(name: "a/one", metrics: metrics(ns: 110, rps: 800, p50: 9, allocs: 5, rme: 9))])
        )
    }

    @Test func theGeomeanIsOfTheGatedTimingMetricsDirectionNormalized() throws {
        let suite = try knownRatios()
        let expected = pow(1.1 * 1.25 * 0.9, 1.0 / 3)
        #expect(suite.geomeanCount == 3)
        #expect(abs(try #require(suite.geomean) - expected) < 1e-12)
        #expect(suite.geomeanText.hasPrefix("+7.4 % ["))
    }

    @Test func theGeomeansIntervalComesFromTheSamplesAndIsTheSameRunAfterRun() throws {
        let suite = try knownRatios()
        let geomean = try #require(suite.geomean)
        let interval = try #require(suite.geomeanInterval)
        #expect(interval.lowerBound < geomean && geomean < interval.upperBound)
        // Each resampled median stays within its samples (centre ± 2 %): the geomean cannot move further.
        #expect(interval.lowerBound >= geomean * 0.98 / 1.02 && interval.upperBound <= geomean * 1.02 / 0.98)
        #expect(try knownRatios().geomeanInterval == interval)
        let noisier = try #require(try knownRatios(spread: 0.2).geomeanInterval)
        #expect(noisier.upperBound - noisier.lowerBound > 2 * (interval.upperBound - interval.lowerBound))
        #expect(
            suite.geomeanText == "+7.4 % [\(NumberText.change(interval.lowerBound - 1)), "
                + "\(NumberText.change(interval.upperBound - 1))]")
    }

    @Test func withoutEnoughSamplesTheGeomeanHasNoInterval() throws {
        let suite = try knownRatios(withSamples: false)
        #expect(suite.geomean != nil)
        #expect(suite.geomeanInterval == nil)
        #expect(suite.geomeanText == "+7.4 %")
    }

    @Test func identicalSamplesGiveAnIntervalOfTheRatioItself() throws {
        let constant = [Double](repeating: 100, count: 6)
        let suite = try compare(
            try report("micro", [Result(name: "a/one", metrics: [.nsPerOp(100, samples: constant)])]),
            try report("micro", [Result(name: "a/one", metrics: [.nsPerOp(150, samples: constant.map { $0 * 1.5 })])])
        )
        #expect(suite.geomeanInterval == 1.5...1.5)
    }

    // MARK: Headline figures

    @Test func headlineFiguresCarryTheIntervalOfTheMedianAndTheChange() throws {
        let figures = try everyVerdict().headlineFigures
        let regressed = try #require(figures.first { $0.result == "a/regressed" })
        // 10 samples ±2 % around 200: the 2nd and 9th order statistics, 1.4 % from the median.
        #expect(regressed.text() == "200 ns ±1.4 % (+100.0 % ✗)")
        #expect(regressed.text(mark: false) == "200 ns ±1.4 % (+100.0 %)")
        #expect(try #require(regressed.interval).coverage > 0.95)
        #expect(figures.first { $0.result == "a/warns" }?.text() == "112 ns (+12.0 % !)")
        #expect(figures.first { $0.result == "a/new" && $0.metric == "allocsPerOp" }?.text() == "1")
        #expect(!figures.contains { $0.result == "a/gone" })
        let five = try compare(
            nil, try report("micro", [Result(name: "a/few", metrics: [.nsPerOp(10, samples: [9, 10, 10, 11, 12])])]))
        #expect(five.headlineFigures.first?.text() == "10 ns ±20.0 % (94 % interval)")
    }

    // MARK: Order

    @Test func everyRenderingLeadsWithTheSummaryThenHeadlineFiguresThenRegressionsThenTheFullTables() throws {
        let report = outcome([try everyVerdict()])
        func positions(_ text: String, _ markers: [String]) throws -> [Int] {
            try markers.map { marker in
                try #require(text.range(of: marker), "\(marker)").lowerBound.utf16Offset(in: text)
            }
        }
        let text = try positions(
            report.textReport(),
            [
                "\nsummary\n", "\nheadline figures", "\nregressions and warnings\n", "\nsuite micro\n",
                "\nmicro  a/improved",
            ])
        #expect(text == text.sorted())
        let markdown = try positions(
            report.markdownReport(),
            ["### Summary", "### Headline figures", "### Regressions and warnings", "<details><summary>All"])
        #expect(markdown == markdown.sorted())
        let html = try positions(
            report.htmlReport(),
            [
                "<table id=\"summary\"", "<table class=\"headline\"", "<table class=\"attention\"",
                "<details class=\"all-rows\">", "<table class=\"comparisons\"",
            ])
        #expect(html == html.sorted())
    }

    @Test func theRegressionsAndWarningsAreListedInFullBeforeTheTables() throws {
        let text = outcome([try everyVerdict()]).textReport()
        let start = try #require(text.range(of: "\nregressions and warnings\n")).upperBound
        let section = text[start...].split(separator: "\n").prefix(3)
        #expect(section.count == 3)
        #expect(section.dropFirst().first?.hasPrefix("micro  a/regressed") == true)
        #expect(section.dropFirst().first?.hasSuffix("✗ REGRESSION (limit +10 %)") == true)
        #expect(section.last?.hasSuffix("! warning (low confidence, limit +15 %)") == true)
    }

    // MARK: Marks

    @Test func noRenderingNeedsAnEmojiFont() throws {
        let report = outcome([try everyVerdict()])
        let emoji: [Character] = ["✅", "❌", "⚠️", "\u{26A0}", "\u{FE0F}"]
        for rendering in [report.textReport(), report.markdownReport(), report.htmlReport()] {
            #expect(!rendering.contains { emoji.contains($0) || $0.unicodeScalars.contains { $0.value >= 0x1F300 } })
        }
        #expect(Verdict.allCases.map(\.symbol) == ["✓", "✓", "~", "!", "·", "✗", "new", "gone"])
    }

    @Test func theHTMLDrawsVerdictsAsSVGIconsWithTextAlternatives() throws {
        let html = outcome([try everyVerdict()]).htmlReport()
        #expect(
            html.contains(
                "<td class=\"verdict-cell\"><svg class=\"icon icon-regression\" width=\"14\" height=\"14\" "
                    + "viewBox=\"0 0 16 16\" role=\"img\" aria-label=\"regression\"><title>regression</title>"))
        #expect(html.contains("aria-label=\"regression\"><title>regression</title>"))
        for verdict in ["warning", "within the threshold", "no significant change", "report only", "improved"] {
            #expect(html.contains("aria-label=\"\(verdict)\"><title>\(verdict)</title>"), "\(verdict)")
        }
        #expect(html.contains("<td class=\"verdict-cell\"><span class=\"badge\">new</span></td>"))
        // The words follow the icon, without the text mark.
        #expect(html.contains("</svg> REGRESSION (limit +10 %)</td>"))
        #expect(!html.contains("✗") && !html.contains("✓"))
    }
}
