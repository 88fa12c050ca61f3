import Testing

@testable import demo_load

@Suite struct ComparisonTests {
    func scrape(requests: UInt64, allocations: UInt64) throws -> MetricsScrape {
        try MetricsScrape(
            text: "demo_http_requests_total{route=\"login\",status=\"200\"} \(requests)\n"
                + "demo_allocations_total \(allocations)\n")
    }

    @Test func allocationsPerRequestLeaveOutWhatTheScrapesCost() throws {
        // The idle pair: one scrape request and 40 allocations of scraping; the window: 1,001 requests
        // (1,000 of load and one scrape) and 5,040 allocations (5 per request, 40 of scraping).
        let idle = (try scrape(requests: 0, allocations: 100), try scrape(requests: 1, allocations: 140))
        let window = (try scrape(requests: 10, allocations: 1000), try scrape(requests: 1011, allocations: 6040))
        #expect(RunMeasurement.allocationsPerRequest(idle: idle, window: window) == 5)
    }

    @Test func withoutAnAllocationCounterThereIsNoFigure() throws {
        let bare = try MetricsScrape(text: "demo_http_requests_total{route=\"login\",status=\"200\"} 5\n")
        #expect(RunMeasurement.allocationsPerRequest(idle: (bare, bare), window: (bare, bare)) == nil)
    }

    func run(_ scenario: String, pool: Bool, round: Int, p50: Double, p99: Double, allocs: Double) -> RunMeasurement {
        RunMeasurement(
            scenario: scenario, pool: pool, round: round, requestsPerSec: 1000, p50Ms: p50, p95Ms: p99, p99Ms: p99,
            errorRate: 0, allocsPerRequest: allocs, hitRate: pool ? 0.99 : nil)
    }

    @Test func eachRunPrintsOneLineAsItFinishes() {
        #expect(
            PoolComparison.line(run("login", pool: true, round: 2, p50: 1.0, p99: 2.5, allocs: 0.004))
                == "round 2  login  pool=on   1000 req/s  p50 1.000 ms  p95 2.500 ms  p99 2.500 ms  errors 0.000 %  "
                + "allocs/request 0.00  hit rate 99.0 %")
    }

    @Test func theTablesAreIndentedAndAligned() {
        let summary = ComparisonSummary([
            run("login", pool: true, round: 1, p50: 1.0, p99: 2.0, allocs: 0),
            run("login", pool: false, round: 1, p50: 1.0, p99: 2.25, allocs: 5),
        ])
        #expect(
            summary.table.split(separator: "\n") == [
                "  scenario  pool  runs  req/s  p50 ms  p95 ms  p99 ms  p99 range   errors  allocs/req  hit rate",
                "  login     on       1   1000   1.000   2.000   2.000  2.00–2.00  0.000 %        0.00   99.00 %",
                "  login     off      1   1000   1.000   2.250   2.250  2.25–2.25  0.000 %        5.00         -",
            ])
        #expect(
            summary.verdictTable.hasPrefix("  scenario  target                            measured (pooled vs plain)\n")
        )
    }

    @Test func aModeWithoutRunsHasNoMediansAndNoVerdicts() {
        let summary = ComparisonSummary([run("login", pool: true, round: 1, p50: 1.0, p99: 2.0, allocs: 0)])
        #expect(summary.pooled["login"]?.runs.count == 1 && summary.plain["login"] == nil)
        #expect(summary.verdicts.isEmpty)
        #expect(summary.table.split(separator: "\n").count == 2)
    }

    @Test func mediansAndTargetsPerScenario() throws {
        let summary = ComparisonSummary([
            run("login", pool: true, round: 1, p50: 1.0, p99: 2.0, allocs: 0),
            run("login", pool: false, round: 1, p50: 1.0, p99: 2.0, allocs: 5),
            run("login", pool: false, round: 2, p50: 1.2, p99: 2.2, allocs: 5),
            run("login", pool: true, round: 2, p50: 1.1, p99: 3.0, allocs: 0),
            run("login", pool: true, round: 3, p50: 1.05, p99: 2.9, allocs: 0.5),
        ])
        #expect(summary.scenarios == ["login"])
        #expect(summary.pooled["login"]?.p50Ms == 1.05 && summary.plain["login"]?.p50Ms == 1.1)
        let verdicts = summary.verdicts
        #expect(verdicts.map(\.met) == [true, true, false, true])
        #expect(verdicts[0].measured == "0.00 vs 5.00: 100.0 % lower")
        #expect(verdicts[2].measured == "2.900 vs 2.100 ms: 1.381×")
        #expect(summary.pooled["login"]?.allocsPerRequest == 0 && summary.plain["login"]?.allocsPerRequest == 5)
        #expect(summary.pooled["login"]?.hitRate == 0.99 && summary.plain["login"]?.hitRate == nil)
    }
}
