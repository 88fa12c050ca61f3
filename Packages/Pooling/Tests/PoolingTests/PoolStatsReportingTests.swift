import PerfResult
import Pooling
import Testing

@Suite struct PoolStatsReportingTests {
    private let scratch = PoolStats(
        pool: "scratch", hits: 90, misses: 10, released: 97, dropped: 2, idle: 5, inUseHighWaterMark: 7)
    private let buffers = PoolStats(
        pool: "buffers", hits: 0, misses: 1, released: 0, dropped: 0, idle: 0, inUseHighWaterMark: 1)

    @Test func prometheusTextHasHelpTypeAndOneLabelledSamplePerPool() throws {
        let text = try PoolStats.prometheusText([scratch, buffers])
        #expect(
            text == """
                # HELP pool_hits_total Acquisitions served with an idle pooled object.
                # TYPE pool_hits_total counter
                pool_hits_total{pool="scratch"} 90
                pool_hits_total{pool="buffers"} 0
                # HELP pool_misses_total Acquisitions that created a new object.
                # TYPE pool_misses_total counter
                pool_misses_total{pool="scratch"} 10
                pool_misses_total{pool="buffers"} 1
                # HELP pool_returns_total Objects released to the pool, kept or not.
                # TYPE pool_returns_total counter
                pool_returns_total{pool="scratch"} 97
                pool_returns_total{pool="buffers"} 0
                # HELP pool_discards_total Objects the pool let go of instead of keeping them.
                # TYPE pool_discards_total counter
                pool_discards_total{pool="scratch"} 2
                pool_discards_total{pool="buffers"} 0
                # HELP pool_idle Objects held idle by the pool.
                # TYPE pool_idle gauge
                pool_idle{pool="scratch"} 5
                pool_idle{pool="buffers"} 0
                # HELP pool_in_use Objects acquired and not yet released.
                # TYPE pool_in_use gauge
                pool_in_use{pool="scratch"} 3
                pool_in_use{pool="buffers"} 1

                """)
    }

    @Test func labelValuesAreEscaped() throws {
        var odd = buffers
        odd.pool = "a\"b\\c\nd"
        let text = try PoolStats.prometheusText([odd])
        #expect(text.contains(#"pool_hits_total{pool="a\"b\\c\nd"} 0"#))
    }

    @Test func duplicatePoolNamesAreRejected() {
        #expect(throws: PoolingError.duplicatePoolName("scratch")) {
            try PoolStats.prometheusText([scratch, buffers, scratch])
        }
        #expect(
            PoolingError.duplicatePoolName("scratch").description
                == "two pools are named \"scratch\": give every pool a unique name so that its metrics form their "
                + "own series")
    }

    @Test func livePoolsRenderTheirCurrentCounters() throws {
        let pool = makeScratchPool(name: "live", maxSize: 1)
        let first = pool.acquire()
        let second = pool.acquire()
        pool.release(first)
        pool.release(second)
        _ = pool.acquire()
        let text = try PoolStats.prometheusText([pool.stats])
        for line in [
            "pool_hits_total{pool=\"live\"} 1", "pool_misses_total{pool=\"live\"} 2",
            "pool_returns_total{pool=\"live\"} 2", "pool_discards_total{pool=\"live\"} 1",
            "pool_idle{pool=\"live\"} 0", "pool_in_use{pool=\"live\"} 1",
        ] {
            #expect(text.contains(line + "\n"), "\(line)")
        }
    }

    @Test func perfResultMetricsCarryUnitsAndDirections() throws {
        let metrics = scratch.metrics
        #expect(
            metrics.map(\.key) == [
                "hitRate", "poolHits", "poolMisses", "poolCreated", "poolReturns", "poolDiscards", "poolIdle",
                "poolInUse",
                "poolInUseHighWaterMark",
            ])
        #expect(metrics[0] == .hitRate(0.9))
        let hits = try #require(metrics.first { $0.key == "poolHits" })
        #expect(hits.value == 90)
        #expect(hits.unit == .count)
        #expect(hits.better == .higher)
        let inUse = try #require(metrics.first { $0.key == "poolInUse" })
        #expect(inUse.value == 3)
        #expect(inUse.better == .lower)
        let result = try Result(name: "pools/scratch", metrics: metrics)
        #expect(result["poolDiscards"]?.value == 2)
    }

    @Test func statsOfSeveralPartsAddUp() {
        let sum = scratch.adding(buffers)
        #expect(sum.pool == "scratch")
        #expect(sum.hits == 90)
        #expect(sum.misses == 11)
        #expect(sum.inUse == 4)
        #expect(sum.inUseHighWaterMark == 8)
    }
}
