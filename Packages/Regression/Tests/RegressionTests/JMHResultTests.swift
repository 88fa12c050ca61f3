import Foundation
import PerfResult
import PerfSupport
import Regression
import Testing

/// `perf-check --jmh FILE`: the current results in JMH's JSON result format, decoded back as a visualizer would.
@Suite struct JMHResultTests {
    /// A MicroBench-like result: nsPerOp with samples, its descriptive statistics, probe metrics, a parameter.
    func sweepResult() throws -> Result {
        try Result(
            name: "stringOps/scan[size=16]", parameters: ["size": "16"],
            metrics: [
                .opsPerSec(1e7), .nsPerOp(100, samples: [98, 99, 100, 101, 102]), .p50Ns(100), .p99Ns(102), .rme(1),
                .allocsPerOp(2), .bytesPerOp(64), .instructions(512), .readSyscallsPerOp(0.5), .threads(3),
                try Metric(key: "meanNs", value: 100, unit: .nanoseconds, better: .lower),
            ])
    }

    /// The JMH array of `reports`, decoded with JSONSerialization.
    func decoded(_ reports: [Report]) throws -> [[String: Any]] {
        let json = JMHResult.json(reports)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        return try #require(object as? [[String: Any]])
    }

    @Test func aResultBecomesAnAverageTimeBenchmarkWithItsSamplesAsOneForksRawData() throws {
        let entries = try decoded([try report("micro", [try sweepResult()])])
        let entry = try #require(entries.first)
        #expect(entries.count == 1)
        #expect(entry["benchmark"] as? String == "micro.stringOps.scan")
        #expect(entry["mode"] as? String == "avgt")
        #expect(entry["threads"] as? Int == 1 && entry["forks"] as? Int == 1)
        #expect(entry["measurementIterations"] as? Int == 5)
        #expect(entry["warmupIterations"] is NSNull)
        #expect(entry["params"] as? [String: String] == ["size": "16"])
        let primary = try #require(entry["primaryMetric"] as? [String: Any])
        #expect(primary["score"] as? Double == 100)
        #expect(primary["scoreUnit"] as? String == "ns/op")
        #expect(primary["rawData"] as? [[Double]] == [[98, 99, 100, 101, 102]])
        // JMH's error: t(0.9995, 4) = 8.610 times the standard error √2.5/√5.
        let error = try #require(primary["scoreError"] as? Double)
        #expect(abs(error - 8.610_302_5 * (2.5 / 5).squareRoot()) < 1e-4)
        #expect(primary["scoreConfidence"] as? [Double] == [100 - error, 100 + error])
        let percentiles = try #require(primary["scorePercentiles"] as? [String: Double])
        #expect(percentiles["0.0"] == 98 && percentiles["50.0"] == 100 && percentiles["100.0"] == 102)
        #expect(percentiles["90.0"] == 101.6)
        #expect(percentiles.count == 10)
    }

    @Test func probeMetricsAreSecondaryWithJMHsNamesAndUnitsWhereJMHHasThem() throws {
        let entry = try #require(try decoded([try report("micro", [try sweepResult()])]).first)
        let secondary = try #require(entry["secondaryMetrics"] as? [String: [String: Any]])
        #expect(
            Set(secondary.keys) == [
                "allocsPerOp", "gc.alloc.rate.norm", "instructions", "readSyscallsPerOp", "threads",
            ])
        #expect(secondary["gc.alloc.rate.norm"]?["score"] as? Double == 64)
        #expect(secondary["gc.alloc.rate.norm"]?["scoreUnit"] as? String == "B/op")
        #expect(secondary["instructions"]?["scoreUnit"] as? String == "#/op")
        #expect(secondary["allocsPerOp"]?["scoreUnit"] as? String == "#/op")
        #expect(secondary["readSyscallsPerOp"]?["score"] as? Double == 0.5)
        #expect(secondary["threads"]?["scoreUnit"] as? String == "count")
        // One value: no interval, written as JMH writes it.
        #expect(secondary["allocsPerOp"]?["scoreError"] as? String == "NaN")
        #expect(secondary["allocsPerOp"]?["rawData"] as? [[Double]] == [[2]])
    }

    @Test func aReportMergedFromForksHasOneRawDataArrayPerFork() throws {
        var merged = environment()
        merged.forks = 3
        let result = try Result(name: "routing/trie", metrics: [.nsPerOp(200, samples: [190, 200, 230])])
        let entry = try #require(try decoded([try report("micro", [result], environment: merged)]).first)
        #expect(entry["forks"] as? Int == 3 && entry["measurementIterations"] as? Int == 1)
        #expect(entry["params"] == nil)
        let primary = try #require(entry["primaryMetric"] as? [String: Any])
        #expect(primary["rawData"] as? [[Double]] == [[190], [200], [230]])
    }

    @Test func resultsWithoutATimePerOperationAreLeftOut() throws {
        let load = try Result(name: "http/get", metrics: [.requestsPerSec(1_000), .latencyP50Ms(2)])
        #expect(try decoded([try report("macro", [load])]).isEmpty)
        #expect(JMHResult.json([]) == "[]\n")
    }

    @Test func everyFieldAVisualizerReadsIsPresent() throws {
        let entries = try decoded([
            try report("micro", [try sweepResult(), try Result(name: "a/b", metrics: [.nsPerOp(5)])])
        ])
        #expect(entries.count == 2)
        for entry in entries {
            for field in [
                "benchmark", "mode", "threads", "forks", "warmupIterations", "measurementIterations", "primaryMetric",
                "secondaryMetrics",
            ] {
                #expect(entry[field] != nil, "\(field) is missing")
            }
            let primary = try #require(entry["primaryMetric"] as? [String: Any])
            for field in ["score", "scoreError", "scoreConfidence", "scorePercentiles", "scoreUnit", "rawData"] {
                #expect(primary[field] != nil, "primaryMetric.\(field) is missing")
            }
        }
    }

    @Test func perfCheckWritesTheFileItIsGiven() throws {
        let workspace = try Workspace()
        let path = workspace.root + "/jmh.json"
        let doubled = fixturesDirectory + "/double-regression"
        let output = CheckRun.run(
            try CheckOptions.parse(
                [
                    "--results", doubled + "/results", "--baselines", doubled + "/baselines", "--thresholds",
                    repositoryRoot + "/perf/regression/thresholds.json", "--jmh", path,
                ], environment: [:]))
        #expect(output.exitCode == 0)
        #expect(output.standardOutput.contains("JMH results: \(path)"))
        let entries = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [[String: Any]])
        #expect(entries.map { $0["benchmark"] as? String }.contains("micro.routing.trie"))
    }

    @Test func jmhDoesNotApplyToABaselineUpdate() throws {
        #expect(throws: UsageError.self) {
            try CheckOptions.parse(["--update-baseline", "--jmh", "j.json"], environment: [:])
        }
    }
}
