import Foundation
import PerfResult
import Testing

@testable import Regression

/// The service indicators `loadgen` samples, through the gate and into the HTML report.
@Suite struct ServiceSeriesTests {
    func macroReport(rssMiB: Double) throws -> Report {
        let mib = 1_048_576.0
        return try report(
            "macro-demo",
            [
                try Result(
                    name: "demo/total",
                    metrics: [
                        .requestsPerSec(1000, samples: [990, 1000, 1010, 1000]),
                        .serviceRssMeanBytes(rssMiB * mib, samples: [rssMiB * mib, rssMiB * mib, rssMiB * mib]),
                        .serviceRssPeakBytes(rssMiB * mib), .serviceCpuPercent(40, samples: [38, 41, 40]),
                        .serviceThreadsPeak(4),
                    ])
            ])
    }

    @Test func theHTMLReportDrawsTheServiceRssAndCpuPerSecond() throws {
        let workspace = try Workspace()
        try write(try macroReport(rssMiB: 64), to: workspace.results)
        let path = workspace.root + "/report.html"
        #expect(CheckRun.run(try workspace.options(["--html", path])).exitCode == 0)
        let html = try readText(path)
        #expect(html.contains("<h3>The service under load over time</h3>"))
        for key in ["serviceRssMeanBytes", "serviceCpuPercent"] {
            #expect(
                html.contains(
                    "<figure class=\"chart service-series\" data-suite=\"macro-demo\" data-result=\"demo/total\" data-metric=\"\(key)\""
                ), "\(key)")
        }
    }

    @Test func serviceRssUnderLoadIsGatedAndItsDiagnosticsAreReportOnly() throws {
        let rules = Thresholds.shipped
        func rule(_ metric: Metric) -> ThresholdRule {
            rules.rule(suite: "macro-demo", result: "demo/total", metric: metric)
        }
        #expect(rule(.serviceRssPeakBytes(1)).gate)
        #expect(rule(.serviceRssPeakBytes(1)).maxRegression == 0.10)
        #expect(rule(.serviceRssMeanBytes(1)).series)
        for metric: Metric in [
            .serviceRssStartBytes(1), .serviceCpuPercent(1), .serviceCpuPercentOfAllCores(1), .serviceThreadsPeak(1),
            .serviceOpenFilesPeak(1), .serviceVoluntaryContextSwitchesPerSec(1),
            .serviceInvoluntaryContextSwitchesPerSec(1),
        ] {
            #expect(!rule(metric).gate, "\(metric.key)")
        }
    }
}
