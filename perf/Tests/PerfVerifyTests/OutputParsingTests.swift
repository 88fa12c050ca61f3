import Testing

@testable import perf_verify

/// The texts perf-verify reads from the tools it runs: valgrind's and MemProbe's heap lines, wrk's report,
/// `perf-micro hand-loop`'s table.
@Suite struct OutputParsingTests {
    @Test func valgrindsHeapSummaryIsReadWithItsThousandsSeparators() {
        let text = """
            ==11012== HEAP SUMMARY:
            ==11012==     in use at exit: 19,264 bytes in 19 blocks
            ==11012==   total heap usage: 1,122 allocs, 1,103 frees, 683,975 bytes allocated
            """
        #expect(HeapUsageLine(in: text) == HeapUsageLine(allocations: 1_122, frees: 1_103, bytes: 683_975))
    }

    @Test func memProbesHeapLineIsReadTheSameWay() {
        let text = "memprobe: total heap usage: 1122 allocs, 1103 frees, 683975 bytes allocated\nchecksum 9\n"
        #expect(HeapUsageLine(in: text) == HeapUsageLine(allocations: 1_122, frees: 1_103, bytes: 683_975))
    }

    @Test func aTextWithoutAHeapSummaryGivesNothing() {
        #expect(HeapUsageLine(in: "memprobe: the allocation counter is not counting in this process") == nil)
        #expect(HeapUsageLine(in: "total heap usage: 12 allocs, 3 frees") == nil)
    }

    static let wrkReport = """
        Running 5s test @ http://127.0.0.1:18099/
          1 threads and 50 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency   332.12us  100.00us   5.00ms   90.00%
            Req/Sec   145.05k     5.00k  150.00k    80.00%
          Latency Distribution
             50%  320.00us
             75%  400.00us
             90%  500.00us
             99%    1.25ms
          725000 requests in 5.00s, 100.00MB read
        Requests/sec: 145000.00
        Transfer/sec:     20.00MB
        """

    @Test func wrksRateMeanAndPercentilesAreReadInMilliseconds() throws {
        let output = try #require(WrkOutput(Self.wrkReport))
        #expect(output.requests == 725_000)
        #expect(output.requestsPerSec == 145_000)
        #expect(abs(output.meanLatencyMs - 0.33212) < 1e-12)
        #expect(abs(output.p50Ms - 0.32) < 1e-12)
        #expect(output.p99Ms == 1.25)
    }

    @Test func wrkWithoutItsLatencyDistributionGivesNothing() {
        let withoutDistribution = Self.wrkReport.split(separator: "\n").filter { !$0.contains("%  ") }
            .joined(separator: "\n")
        #expect(WrkOutput(withoutDistribution) == nil)
        #expect(WrkOutput("unable to connect to 127.0.0.1:18099 Connection refused") == nil)
    }

    @Test func wrkDurationsInEveryUnit() {
        #expect(WrkOutput.milliseconds("250.00us") == 0.25)
        #expect(WrkOutput.milliseconds("2.00s") == 2_000)
        #expect(WrkOutput.milliseconds("1.50m") == 90_000)
        #expect(WrkOutput.milliseconds("12") == nil)
    }

    @Test func handLoopRoundsAreReadPerTask() {
        let text = """
            round  task                      hand loop ns/op  MicroBench ns/op  difference
            1      harness/fnv1a[bytes=48]             25.10             25.32     +0.88 %
            1      harness/fnv1a[bytes=320]         1,234.50          1,240.00     +0.45 %
            2      harness/fnv1a[bytes=48]             26.00             25.00     -3.85 %

            harness/fnv1a[bytes=48]: largest difference 3.85 %, within 10 %
            """
        #expect(
            HandLoopLine.all(in: text) == [
                HandLoopLine(task: "harness/fnv1a[bytes=48]", handLoopNs: 25.10, microBenchNs: 25.32),
                HandLoopLine(task: "harness/fnv1a[bytes=320]", handLoopNs: 1_234.50, microBenchNs: 1_240.00),
                HandLoopLine(task: "harness/fnv1a[bytes=48]", handLoopNs: 26.00, microBenchNs: 25.00),
            ])
    }
}
