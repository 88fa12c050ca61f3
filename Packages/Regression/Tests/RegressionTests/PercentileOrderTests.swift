import PerfResult
import Regression
import Testing

/// Percentiles out of order are a warning in the summary, never a failure.
@Suite struct PercentileOrderTests {
    @Test func neighbouringPercentilesOutOfOrderAreNamed() throws {
        let result = try Result(
            name: "http/total",
            metrics: [.latencyP50Ms(1), .latencyP90Ms(5), .latencyP95Ms(4), .latencyP99Ms(3.1), .latencyMaxMs(9)])
        let report = try report("macro-http", [result])
        #expect(
            PercentileOrder.violations(in: report) == [
                "http/total: latencyP90Ms 5 ms > latencyP95Ms 4 ms",
                "http/total: latencyP95Ms 4 ms > latencyP99Ms 3.1 ms",
            ])
    }

    @Test func percentilesInOrderOrEqualAreFine() throws {
        let result = try Result(
            name: "http/total", metrics: [.latencyP50Ms(1), .latencyP99Ms(1), .latencyMaxMs(2), .nsPerOp(0)])
        #expect(PercentileOrder.violations(in: try report("macro-http", [result])).isEmpty)
    }

    @Test func theSummaryWarnsAndTheCheckStillPasses() throws {
        let workspace = try Workspace()
        let good = try Result(name: "http/total", metrics: [.latencyP50Ms(1), .latencyP99Ms(3)])
        let bad = try Result(name: "http/total", metrics: [.latencyP50Ms(1), .latencyP99Ms(0.5)])
        try write(try report("macro-http", [good]), to: workspace.baselines)
        try write(try report("macro-http", [bad]), to: workspace.results)
        let output = CheckRun.run(try workspace.options())
        #expect(output.exitCode == 0, "\(output.standardError)")
        #expect(
            output.standardOutput.contains(
                "warning: percentiles out of order, http/total: latencyP50Ms 1 ms > latencyP99Ms 0.5 ms"))
    }
}
