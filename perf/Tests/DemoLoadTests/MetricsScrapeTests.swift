import Testing

@testable import demo_load

@Suite struct MetricsScrapeTests {
    static let page = """
        # HELP demo_http_requests_total Requests answered, by route and status.
        # TYPE demo_http_requests_total counter
        demo_http_requests_total{route="login",status="200"} 120
        demo_http_requests_total{route="messages",status="200"} 30
        demo_http_requests_total{route="unknown",status="404"} 2
        demo_pool_enabled{allocator="pooled"} 1
        demo_pool_hits_total{pool="message"} 90
        demo_pool_hits_total{pool="json_encode"} 149
        demo_pool_misses_total{pool="message"} 10
        demo_pool_misses_total{pool="json_encode"} 1
        demo_pool_returns_total{pool="message"} 95
        demo_pool_discards_total{pool="message"} 5
        demo_allocations_total 5000
        demo_live_allocations 700
        demo_heap_in_use_bytes 1048576
        process_resident_memory_bytes 20971520
        demo_event_loops 3
        """

    @Test func readsTheSeriesTheComparisonNeeds() throws {
        let scrape = try MetricsScrape(text: Self.page)
        #expect(scrape.requests == 152)
        #expect(scrape.allocations == 5000)
        #expect(scrape.liveAllocations == 700)
        #expect(scrape.heapInUseBytes == 1_048_576)
        #expect(scrape.residentBytes == 20_971_520)
        #expect(scrape.poolEnabled == true)
        #expect(scrape.eventLoops == 3)
        #expect(scrape.pools["message"] == .init(hits: 90, misses: 10, returns: 95, discards: 5))
        #expect(scrape.allPools == .init(hits: 239, misses: 11, returns: 95, discards: 5))
    }

    @Test func aPageWithoutRequestCountersIsNotTheDemoService() {
        #expect(throws: DemoLoadError.scrape("no demo_http_requests_total series: is this the demo service?")) {
            try MetricsScrape(text: "process_resident_memory_bytes 1\n")
        }
    }

    @Test func aSampleWithoutANumberIsRefusedNamingTheLine() {
        #expect(throws: DemoLoadError.scrape("the line 'demo_allocations_total many' has no numeric value")) {
            try MetricsScrape(text: "demo_allocations_total many\n")
        }
    }

    @Test func poolCountsOfAWindowAreDifferencesAndGiveTheHitRate() {
        let start = MetricsScrape.PoolCounts(hits: 10, misses: 5, returns: 12, discards: 1)
        let end = MetricsScrape.PoolCounts(hits: 100, misses: 15, returns: 110, discards: 3)
        let window = end.since(start)
        #expect(window == .init(hits: 90, misses: 10, returns: 98, discards: 2))
        #expect(window.hitRate == 0.9)
        #expect(MetricsScrape.PoolCounts().hitRate == nil)
    }
}
