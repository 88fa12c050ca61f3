import Foundation
import PerfResult
import Testing

@testable import Regression

/// Results that share a name and differ in one numeric parameter, drawn against it in the HTML report.
@Suite struct ParameterCurveTests {
    func knee(instances: Int, mix: String, requests: Double, p99: Double) throws -> Result {
        try Result(
            name: "scale/knee", parameters: ["instances": "\(instances)", "mix": mix],
            metrics: [
                try Metric(key: "kneeRequestsPerSec", value: requests, unit: .requestsPerSecond, better: .higher),
                try Metric(key: "kneeLatencyP99Ms", value: p99, unit: .milliseconds, better: .lower),
            ])
    }

    var scaleResults: [Result] {
        get throws {
            [
                try knee(instances: 2, mix: "login", requests: 70_000, p99: 6),
                try knee(instances: 1, mix: "login", requests: 40_000, p99: 5),
                try knee(instances: 1, mix: "messages", requests: 60_000, p99: 4),
                try knee(instances: 2, mix: "messages", requests: 90_000, p99: 7),
            ]
        }
    }

    @Test func resultsDifferingInOneNumericParameterFormOneSweepWithALinePerOtherValue() throws {
        let sweeps = ParameterSweep.sweeps(in: try scaleResults)
        #expect(sweeps.count == 1)
        let sweep = try #require(sweeps.first)
        #expect(sweep.name == "scale/knee" && sweep.parameter == "instances")
        #expect(sweep.series.map(\.label) == ["mix=login", "mix=messages"])
        #expect(sweep.series[0].points.map(\.x) == [1, 2])
        #expect(sweep.series[0].points.map { $0.result["kneeRequestsPerSec"]!.value } == [40_000, 70_000])
        #expect(sweep.keys == ["kneeRequestsPerSec", "kneeLatencyP99Ms"])
    }

    @Test func groupsThatAreNoSweepAreLeftOut() throws {
        func result(_ name: String, _ parameters: [String: String]) throws -> Result {
            try Result(name: name, parameters: parameters, metrics: [.nsPerOp(1)])
        }
        // Text values only; two numeric parameters varying (a diagonal, a grid); a single point per line; different
        // parameter keys; values with units.
        let results = [
            try result("a/text", ["pool": "on"]), try result("a/text", ["pool": "off"]),
            try result("b/two", ["x": "1", "y": "1"]), try result("b/two", ["x": "2", "y": "2"]),
            try result("b/grid", ["x": "1", "y": "1"]), try result("b/grid", ["x": "2", "y": "1"]),
            try result("b/grid", ["x": "1", "y": "2"]), try result("b/grid", ["x": "2", "y": "2"]),
            try result("c/single", ["n": "1", "m": "p"]), try result("c/single", ["n": "2", "m": "q"]),
            try result("d/keys", ["n": "1"]), try result("d/keys", ["k": "2"]),
            try result("e/units", ["payload": "1k"]), try result("e/units", ["payload": "10k"]),
        ]
        #expect(ParameterSweep.sweeps(in: results).isEmpty)
        let plain = [try result("f/size", ["size": "16"]), try result("f/size", ["size": "4096"])]
        #expect(ParameterSweep.sweeps(in: plain).map(\.series.first?.label) == ["f/size"])
    }

    @Test func theCurveHasADotPerPointAtItsValueAndALegendPerLine() throws {
        let sweep = try #require(ParameterSweep.sweeps(in: try scaleResults).first)
        let svg = try #require(HTMLCharts.parameterCurve(suite: "scale", sweep: sweep, key: "kneeRequestsPerSec"))
        #expect(
            svg.hasPrefix("<figure class=\"chart parameter-curve\" data-suite=\"scale\" data-result=\"scale/knee\""))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 4)
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(svg.contains("<title>mix=login, instances=2: 70000 req/s</title>"))
        #expect(svg.contains(">mix=messages</text>") && svg.contains(">instances</text>"))
        // x from 1 (left edge, 70) to 2 (right edge, 560); y from 0 at 200 to the top tick, 100,000, at 14:
        // 40,000 at 200 − 0.4 × 186 = 125.6, 70,000 at 200 − 0.7 × 186 = 69.8.
        #expect(svg.contains("<polyline points=\"70,125.6 560,69.8\" class=\"sweep-line sweep-0\"/>"))
    }

    @Test func theHTMLReportDrawsThroughputAndP99AgainstInstanceCount() throws {
        let workspace = try Workspace()
        try write(try report("scale", try scaleResults), to: workspace.results)
        let path = workspace.root + "/report.html"
        #expect(CheckRun.run(try workspace.options(["--html", path])).exitCode == 0)
        let html = try readText(path)
        #expect(html.contains("<h3>Against a parameter</h3>"))
        for key in ["kneeRequestsPerSec", "kneeLatencyP99Ms"] {
            #expect(
                html.contains(
                    "<figure class=\"chart parameter-curve\" data-suite=\"scale\" data-result=\"scale/knee\" "
                        + "data-metric=\"\(key)\""), "\(key)")
        }
    }
}
