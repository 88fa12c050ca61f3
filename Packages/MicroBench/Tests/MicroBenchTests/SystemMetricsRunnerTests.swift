import PerfResult
import Testing

@testable import MicroBench

@Suite struct SystemMetricsRunnerTests {
    @Test func metricsAskedForBecomeColumnsAndReportMetrics() throws {
        let fixture = RunnerFixture()
        let path = temporaryPath("system-metrics.json")
        #expect(fixture.run(["--metrics", "threads,io,rss", "--filter", "concat", "--json", path]) == 0)
        let header = try #require(fixture.captured.output.split(separator: "\n").first { $0.hasPrefix("name ") })
        for column in ["threads", "peak RSS", "rchar/op", "wchar/op", "reads/op", "writes/op", "disk rd/op"] {
            #expect(header.contains(column), "\(column) is missing from \(header)")
        }
        let result = try #require(try Report.read(from: path).result(named: "stringOps/concat"))
        for key in ["threads", "peakRssBytes", "bytesReadPerOp", "writeSyscallsPerOp", "storageBytesWrittenPerOp"] {
            #expect(result[key] != nil, "\(key) is missing from the report")
        }
    }

    @Test func withoutMetricsNoSystemColumnAppears() {
        let fixture = RunnerFixture()
        #expect(fixture.run(["--filter", "concat"]) == 0)
        #expect(!fixture.captured.output.contains("threads") && !fixture.captured.output.contains("rchar/op"))
    }

    @Test func anUnavailableMetricPrintsItsReasonOnceAndNoColumn() {
        let fixture = RunnerFixture()
        #expect(fixture.run(["--metrics", "syscalls"]) == 0)
        let lines = fixture.captured.output.split(separator: "\n").filter { $0.contains("probe syscalls unavailable") }
        #expect(lines.count == 1)
        #expect(!fixture.captured.output.contains("syscallsPerOp"))
    }
}
