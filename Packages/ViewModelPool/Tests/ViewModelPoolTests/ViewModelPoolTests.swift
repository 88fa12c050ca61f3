import PerfResult
import Pooling
import Testing
import ViewModelPool

@MainActor @Suite struct ViewModelPoolTests {
    @Test func acquireCreatesWhenNothingIsIdle() {
        let pool = ViewModelPool<MessageRow>()
        let first = pool.acquire()
        let second = pool.acquire()
        #expect(first !== second)
        #expect(
            pool.stats == ViewModelPoolStats(created: 2, reused: 0, released: 0, discarded: 0, idle: 0, peakLive: 2))
        #expect(pool.maxIdle == 16)
        #expect(pool.name == "MessageRow")
    }

    @Test func aReleasedViewModelIsResetAndReusedByTheNextAcquire() {
        let pool = ViewModelPool<MessageRow>(name: "rows")
        let row = pool.acquire()
        row.configure(with: Message(id: 7, text: "hello"))
        pool.release(row)
        #expect(row.messageID == 0 && row.text.isEmpty)
        let again = pool.acquire()
        #expect(again === row)
        #expect(pool.stats.created == 1 && pool.stats.reused == 1 && pool.stats.released == 1)
    }

    @Test func releasesBeyondMaxIdleAreDiscardedAndCounted() {
        let pool = ViewModelPool<MessageRow>(maxIdle: 2)
        let rows = (0..<5).map { _ in pool.acquire() }
        for row in rows { pool.release(row) }
        #expect(pool.idleCount == 2)
        #expect(pool.stats.discarded == 3)
        #expect(pool.stats.isConsistent)
    }

    @Test func releaseRunsPrepareForReuseEvenWhenItDiscards() {
        let pool = ViewModelPool<MessageRow>(maxIdle: 0)
        let row = pool.acquire()
        row.configure(with: Message(id: 1, text: "x"))
        pool.release(row)
        #expect(row.text.isEmpty)
        #expect(pool.stats.discarded == 1 && pool.idleCount == 0)
    }

    @Test func drainDiscardsEveryIdleViewModelAndFreesThem() {
        let pool = ViewModelPool<MessageRow>(maxIdle: 4)
        weak var watched: MessageRow?
        do {
            let rows = (0..<3).map { _ in pool.acquire() }
            watched = rows[0]
            for row in rows { pool.release(row) }
        }
        #expect(watched != nil)
        pool.drain()
        #expect(watched == nil)
        #expect(
            pool.stats == ViewModelPoolStats(created: 3, reused: 0, released: 3, discarded: 3, idle: 0, peakLive: 3))
    }

    @Test func recycleCountsAReleaseAndAReuseWithoutTouchingIdleOnes() {
        let pool = ViewModelPool<MessageRow>(maxIdle: 1)
        let idle = pool.acquire()
        let row = pool.acquire()
        pool.release(idle)
        row.configure(with: Message(id: 3, text: "three"))
        let recycled = pool.recycle(row)
        #expect(recycled === row && row.text.isEmpty)
        #expect(
            pool.stats == ViewModelPoolStats(created: 2, reused: 1, released: 2, discarded: 0, idle: 1, peakLive: 2))
    }

    @Test func statsMapOntoPoolingsPoolStats() throws {
        let pool = ViewModelPool<MessageRow>(name: "chat", maxIdle: 1)
        let rows = (0..<3).map { _ in pool.acquire() }
        for row in rows { pool.release(row) }
        _ = pool.acquire()
        let stats = pool.poolStats
        #expect(
            stats
                == PoolStats(pool: "chat", hits: 1, misses: 3, released: 3, dropped: 2, idle: 0, inUseHighWaterMark: 3))
        #expect(stats.created == stats.inUse + stats.idle + stats.dropped)
        let text = try PoolStats.prometheusText([stats])
        #expect(text.contains("pool_hits_total{pool=\"chat\"} 1"))
        #expect(stats.metrics.contains { $0.key == "hitRate" && $0.value == 0.25 })
    }

    @Test func derivedCountsAreZeroBeforeTheFirstAcquireAndFollowTheCounters() {
        let pool = ViewModelPool<MessageRow>(maxIdle: 2)
        #expect(pool.stats.acquired == 0 && pool.stats.live == 0 && pool.stats.hitRate == 0)
        let rows = (0..<3).map { _ in pool.acquire() }
        pool.release(rows[0])
        _ = pool.acquire()
        let stats = pool.stats
        #expect(stats.acquired == 4 && stats.live == 3 && stats.hitRate == 0.25)
        let pooled = pool.poolStats
        #expect(stats.acquired == pooled.acquired && stats.live == pooled.inUse && stats.hitRate == pooled.hitRate)
    }

    @Test func aDoubleReleaseTrapsNamingThePool() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            await MainActor.run {
                let pool = ViewModelPool<MessageRow>(name: "doubles", strictChecks: true)
                let row = pool.acquire()
                pool.release(row)
                pool.release(row)
            }
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(
            message.contains(
                "ViewModelPool \"doubles\": double release of a MessageRow that is already idle in the pool; "
                    + "release each acquired view model exactly once, to the pool it came from"), "\(message)")
    }

    @Test func releasingAViewModelFromElsewhereTraps() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            await MainActor.run {
                let pool = ViewModelPool<MessageRow>(name: "foreign", strictChecks: true)
                pool.release(MessageRow())
            }
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(
            message.contains(
                "ViewModelPool \"foreign\": release of a MessageRow that this pool did not hand out (or that was "
                    + "discarded); release each acquired view model exactly once, to the pool it came from"),
            "\(message)")
    }

    @Test func aNegativeMaxIdleTraps() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            await MainActor.run { _ = ViewModelPool<MessageRow>(maxIdle: -1) }
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("ViewModelPool: maxIdle must be at least 0, got -1"), "\(message)")
    }
}
