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
        #expect(median([3, 1, 2]) == 2 && median([4, 1, 2, 3]) == 2.5 && median([]) == 0)
    }
}
