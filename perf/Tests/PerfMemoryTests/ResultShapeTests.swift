import MemProbe
import PerfResult
import PerfSupport
import Testing

@testable import perf_memory

@Suite struct ResultShapeTests {
    /// A run whose samples grow by `perIteration` allocations (and 64 bytes each) per iteration from a
    /// base of 10,000, sampled every 500 iterations.
    private static func run(
        growing perIteration: Int, injection: LeakInjection? = nil, heap: Bool = true
    ) throws -> SpecRun {
        let samples = (0...100).map { step in
            let iteration = step * 500
            return LeakSample(
                iteration: iteration,
                memory: MemorySample(
                    residentBytes: 20_000_000, heapInUseBytes: heap ? 1_000_000 + 64 * perIteration * iteration : nil,
                    peakResidentBytes: step == 100 ? 21_000_000 : nil,
                    liveAllocations: 10_000 + perIteration * iteration))
        }
        let report = LeakReport(samples: samples, configuration: LeakCheck.Configuration())
        return SpecRun(
            spec: MemorySpec.all[0], injection: injection, report: report, status: "", workloadMetrics: [.hitRate(0.5)],
            seconds: 0.1)
    }

    @Test func aHealthyRunIsNamedAfterItsSpecAndReportsNoLeak() throws {
        let result = try Self.run(growing: 0).result()
        #expect(result.name == "memory/sessionCache")
        #expect(result.parameters.isEmpty)
        #expect(result["leakDetected"]?.value == 0)
        #expect(result["liveAllocsSlopePerIter"]?.value == 0)
    }

    @Test func everyMetricTheSuitePromisesIsPresentWithItsUnitAndDirection() throws {
        let result = try Self.run(growing: 1, injection: .bytes64).result()
        let expected: [(String, Metric.Unit)] = [
            ("liveAllocsSlopePerIter", .count), ("heapSlopeBytesPerIter", .bytes), ("heapGrowthRatio", .ratio),
            ("peakRssBytes", .bytes), ("leakDetected", .count), ("heapBytes", .bytes), ("hitRate", .ratio),
        ]
        #expect(result.metrics.map(\.key).sorted() == expected.map(\.0).sorted())
        for (key, unit) in expected {
            let metric = try #require(result[key])
            #expect(metric.unit == unit, "\(key)")
            #expect(metric.better == (key == "hitRate" ? .higher : .lower), "\(key)")
        }
    }

    @Test func anInjectedLeakIsAParameterOfTheResultAndIsDetected() throws {
        let result = try Self.run(growing: 1, injection: .retainCycle).result()
        #expect(result.name == "memory/sessionCache[injectLeak=retain-cycle]")
        #expect(result.baseName == "memory/sessionCache")
        #expect(result.parameters == ["injectLeak": "retain-cycle"])
        #expect(result["leakDetected"]?.value == 1)
        #expect(result["liveAllocsSlopePerIter"]?.value == 1)
        #expect(result["heapSlopeBytesPerIter"]?.value == 64)
    }

    @Test func heapBytesIsTheLastSampleWithEverySampleAsItsSeries() throws {
        let run = try Self.run(growing: 1)
        let metric = try #require(try run.result()["heapBytes"])
        let heap = run.report.samples.map { Double($0.memory.heapInUseBytes!) }
        #expect(metric.samples == heap)
        #expect(metric.samples?.count == 101)
        #expect(metric.value == 1_000_000 + 64 * 50_000)
    }

    @Test func withoutHeapSamplesThereIsNoHeapBytesMetric() throws {
        let result = try Self.run(growing: 1, heap: false).result()
        #expect(result["heapBytes"] == nil)
        #expect(result["heapSlopeBytesPerIter"] == nil)
        #expect(result["leakDetected"]?.value == 1)
    }

    @Test func theReportIsSuiteMemoryAndSurvivesAJSONRoundTrip() throws {
        var report = try Report(suite: "memory", environment: Environment(buildConfiguration: .release, timestamp: "t"))
        try report.append(try Self.run(growing: 0).result())
        try report.append(try Self.run(growing: 1, injection: .bytes64).result())
        let decoded = try Report.decode(try report.jsonBytes(), path: "memory.json")
        #expect(decoded.suite == "memory")
        #expect(decoded.results.map(\.name) == ["memory/sessionCache", "memory/sessionCache[injectLeak=64-bytes]"])
        // The file keys metrics by name, so they come back sorted by key.
        for (read, written) in zip(decoded.results, report.results) {
            #expect(read.metrics == written.metrics.sorted { $0.key < $1.key })
        }
    }

    @Test func theTableShowsTheVerdictTheDecidingSeriesAndTheChecks() throws {
        let table = try Self.run(growing: 1, injection: .bytes64).table
        let lines = table.split(separator: "\n").map(String.init)
        #expect(
            lines[0]
                == "memory/sessionCache[injectLeak=64-bytes]: LEAK — live allocations grow steadily; all four checks hold"
        )
        let live = try #require(lines.first { $0.hasPrefix("  live allocations") })
        #expect(live.contains("✓✓✓✓"))
        #expect(live.hasSuffix("decides"))
        #expect(lines.contains { $0.hasPrefix("  resident bytes") && $0.hasSuffix("shown, never decides") })
    }

    @Test func aHealthyTableSaysWhichChecksFailed() throws {
        let table = try Self.run(growing: 0).table
        #expect(
            table.hasPrefix(
                "memory/sessionCache: no leak — live allocations fail steady fit, floor, still growing, rate"))
    }

    @Test func theRepeatCommandRunsTheSameSpecAlone() throws {
        let run = try Self.run(growing: 1, injection: .bytes64)
        var options = Options()
        #expect(
            run.repeatArguments(executable: "pm", options: options) == [
                "pm", "--spec", "sessionCache", "--inject-leak", "64-bytes",
            ])
        options.profile = .quick
        options.seed = 3
        #expect(
            run.repeatArguments(executable: "pm", options: options)
                == ["pm", "--spec", "sessionCache", "--inject-leak", "64-bytes", "--seed", "3", "--quick"])
        options.iterations = 900
        #expect(run.repeatArguments(executable: "pm", options: options).suffix(2) == ["--iterations", "900"])
        #expect(run.snapshotName == "sessionCache-injected-64-bytes")
    }
}
