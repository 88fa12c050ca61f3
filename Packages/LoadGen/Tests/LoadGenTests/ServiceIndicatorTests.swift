import PerfResult
import PerfSupport
import Testing

@testable import LoadGen

/// The service's indicators of a result built by hand (exact figures), as metrics, thresholds, report and table.
@Suite struct ServiceIndicatorTests {
    static let mib = 1 << 20

    /// A 4-second window from epoch second 100 with a service sampled twice a second: RSS `rss` MiB throughout
    /// (and 10 MiB in the sample before the load), using `cpuPerSecondMs` of CPU per second.
    static func result(rssMiB rss: Int, cpuPerSecondMs: UInt64 = 500) -> LoadResult {
        var latency = LatencyHistogram()
        _ = latency.record(2_000_000, count: 100)
        var result = LoadResult(
            target: "http://127.0.0.1:8080/", model: .closed, connections: 4, threads: 1, pipelining: 1,
            targetRate: nil, startedAtEpochNs: 100_000_000_000, windowNs: 4_000_000_000, sent: 100, warmupSent: 0,
            warmupSkipped: 0, completed: 100, completedInWindow: 100, drained: 0, abandoned: 0, late: 0, dropped: 0,
            censored: 0, bytesInWindow: 0, httpErrors: 0, outOfRange: 0, errors: ErrorCounts(),
            statusCounts: [200: 100],
            latency: latency, uncorrectedLatency: latency, perSecond: [], clientCPUNs: 0)
        var samples = [
            ProcessSample(
                monotonicNs: 1_000_000_000, epochNs: 99_500_000_000, residentBytes: 10 * mib, cpuNs: 0, threads: 1,
                openFiles: 5,
                voluntaryContextSwitches: 0, involuntaryContextSwitches: 0)
        ]
        for half in 1...8 {
            samples.append(
                ProcessSample(
                    monotonicNs: 1_000_000_000 + UInt64(half) * 500_000_000,
                    epochNs: 100_000_000_000 + Int64(half) * 500_000_000 - 1, residentBytes: rss * mib,
                    cpuNs: UInt64(half) * cpuPerSecondMs * 500_000, threads: 3, openFiles: 10 + half,
                    voluntaryContextSwitches: half * 50, involuntaryContextSwitches: half))
        }
        result.service = ServiceSamples(pid: 4242, processors: 2, intervalNs: 500_000_000, samples: samples)
        return result
    }

    @Test func serviceMetricsHaveTheirKeysUnitsAndFigures() throws {
        let metrics = Dictionary(uniqueKeysWithValues: Self.result(rssMiB: 600).serviceMetrics().map { ($0.key, $0) })
        #expect(Set(metrics.keys) == Set(LoadResult.serviceKeys))
        #expect(metrics["serviceRssStartBytes"]?.value == Double(10 * Self.mib))
        #expect(metrics["serviceRssPeakBytes"]?.value == Double(600 * Self.mib))
        #expect(metrics["serviceRssPeakBytes"]?.unit == .bytes)
        #expect(metrics["serviceRssMeanBytes"]?.samples?.count == 4)
        // From the sample before the window to the window's last: 0.5 s of CPU per second.
        let cpu = try #require(metrics["serviceCpuPercent"])
        #expect(abs(cpu.value - 50) < 1e-9)
        #expect(cpu.unit == .percent && cpu.better == .lower)
        #expect(abs((metrics["serviceCpuPercentOfAllCores"]?.value ?? 0) - 25) < 1e-9)
        #expect(metrics["serviceThreadsPeak"]?.value == 3)
        #expect(metrics["serviceOpenFilesPeak"]?.value == 18)
        #expect(metrics["serviceVoluntaryContextSwitchesPerSec"]?.unit == .perSecond)
    }

    @Test func thresholdsOnServiceMetricsMeetWarnAndFailAtTheirThreeLevels() throws {
        let rss = Threshold(
            metric: "serviceRssPeakBytes", target: Double(512 * Self.mib), warning: Double(768 * Self.mib),
            critical: Double(1024 * Self.mib))
        func level(_ threshold: Threshold, _ result: LoadResult) throws -> Threshold.Level {
            threshold.evaluate(try result.perfResult(name: "s/total")).level
        }
        #expect(try level(rss, Self.result(rssMiB: 400)) == .met)
        #expect(try level(rss, Self.result(rssMiB: 600)) == .missedTarget)
        #expect(try level(rss, Self.result(rssMiB: 800)) == .warning)
        #expect(try level(rss, Self.result(rssMiB: 1500)) == .critical)
        let cpu = Threshold(metric: "serviceCpuPercentOfAllCores", target: 50, warning: 70, critical: 90)
        // Two processors: a core's worth of CPU per second is 50 % of all cores.
        #expect(try level(cpu, Self.result(rssMiB: 1, cpuPerSecondMs: 600)) == .met)
        #expect(try level(cpu, Self.result(rssMiB: 1, cpuPerSecondMs: 1200)) == .missedTarget)
        #expect(try level(cpu, Self.result(rssMiB: 1, cpuPerSecondMs: 1600)) == .warning)
        #expect(try level(cpu, Self.result(rssMiB: 1, cpuPerSecondMs: 1900)) == .critical)
        var unsampled = Self.result(rssMiB: 1)
        unsampled.service = nil
        #expect(try level(rss, unsampled) == .critical)
    }

    @Test func scenarioThresholdsTakeSizesForByteKeysAndRefuseLevelsOutOfOrder() throws {
        let text = """
            { "target": "http://127.0.0.1:8080/", "thresholds": {
                "serviceRssPeakBytes": { "target": "512MiB", "warning": "768MiB", "critical": "1GiB" },
                "serviceCpuPercent": { "target": 50, "warning": 70, "critical": 90 } } }
            """
        let scenario = try Scenario.parse(Array(text.utf8), path: "s.json")
        #expect(
            scenario.thresholds[0]
                == Threshold(
                    metric: "serviceRssPeakBytes", target: 536_870_912, warning: 805_306_368, critical: 1_073_741_824))
        #expect(scenario.thresholds[1] == Threshold(metric: "serviceCpuPercent", target: 50, warning: 70, critical: 90))
        let badSize =
            #"{ "target": "http://127.0.0.1:8080/", "thresholds": { "serviceRssPeakBytes": { "critical": "1 lot" } } }"#
        #expect(
            throws: LoadGenError.invalidField(
                field: "thresholds.serviceRssPeakBytes.critical",
                reason: "\"1 lot\" is not a size; use bytes or e.g. \"512MiB\", \"1GiB\", \"750MB\"", file: "s.json")
        ) { try Scenario.parse(Array(badSize.utf8), path: "s.json") }
        let reversed =
            #"{ "target": "http://127.0.0.1:8080/", "thresholds": { "serviceCpuPercent": { "target": 90, "critical": 50 } } }"#
        #expect(
            throws: LoadGenError.invalidField(
                field: "thresholds.serviceCpuPercent", reason: "levels must go up: target <= warning <= critical",
                file: "s.json")
        ) { try Scenario.parse(Array(reversed.utf8), path: "s.json") }
    }

    @Test func theReportHasTheServiceKeysAndItsSamplesReadBack() throws {
        let result = Self.result(rssMiB: 600)
        let path = temporaryPath("service.json")
        defer { removeFile(path) }
        try LoadReport.write(
            [LoadReport.Entry(name: "s/total", result: result)], suite: "macro-s", environment: Environment.capture(),
            to: path)
        let text = String(decoding: try AtomicFile.read(path), as: UTF8.self)
        for key in LoadResult.serviceKeys { #expect(text.contains("\"\(key)\""), "\(key)") }
        #expect(text.contains("\"serviceRssBytes\"") && text.contains("\"serviceCpuPercent\""))
        let read = try LoadReport.read(from: path)
        #expect(read.entries[0].result.service == result.service)
        #expect(read.report.result(named: "s/total")?["serviceRssPeakBytes"]?.value == Double(600 * Self.mib))
    }

    @Test func theTableShowsTheServiceAndMergingDropsIt() {
        let result = Self.result(rssMiB: 600)
        let table = result.summaryTable()
        #expect(table.contains("Service       pid 4242 · 8 samples under load, every 500ms"))
        #expect(table.contains("  RSS         start 10.00 MiB · mean 600.00 MiB · peak 600.00 MiB"))
        #expect(table.contains("  CPU         50.0 % of one core · 25.0 % of all 2 cores"))
        #expect(table.contains("  Threads     peak 3 · open files peak 18"))
        #expect(result.merged(with: result).service == nil)
    }

    @Test func theLogTailKeepsTheLastWholeLinesWithinItsBound() throws {
        let path = temporaryPath("tail.log")
        defer { removeFile(path) }
        try AtomicFile.write(Array((1...100).map { "line \($0)\n" }.joined().utf8), to: path)
        #expect(
            ServiceProcess.lastLines(ofFile: path, count: 3, maximumBytes: 4096) == ["line 98", "line 99", "line 100"])
        // 14 bytes hold a cut "e 99" and "line 100": the cut line is left out.
        #expect(ServiceProcess.lastLines(ofFile: path, count: 3, maximumBytes: 14) == ["line 100"])
        #expect(ServiceProcess.lastLines(ofFile: "/nonexistent/log", count: 3, maximumBytes: 64) == [])
    }
}
