import Pooling
import Synchronization
import Testing

@testable import perf_pools

/// The two-thread timing's bookkeeping (never its speed): every thread reports, and the operations it
/// reports are the operations it ran.
@Suite struct ThreadWindowTests {
    @Test func everyThreadReportsTheOperationsItRanInItsWindow() {
        let counted = Atomic<Int>(0)
        let window = ThreadWindow(threads: 2, window: .milliseconds(5), batch: 100, warmupOperations: 200)
        let round = window.run { count in counted.add(count, ordering: .relaxed) }
        #expect(round.threads == 2)
        #expect(round.tallies.count == 2)
        #expect(round.tallies.allSatisfy { $0.operations > 0 && $0.operations % 100 == 0 })
        #expect(round.tallies.allSatisfy { $0.elapsedNanoseconds > 0 })
        #expect(counted.load(ordering: .relaxed) == round.operations + 2 * 200)
    }

    @Test func theThreadsOfAWindowRunAtTheSameTime() {
        // Each measured call waits (up to 5 s, so that a regression fails instead of hanging) until both
        // threads have entered their measured loops: threads serialized by a lock would never meet.
        let calls = Atomic<Int>(0)
        let measuredCalls = Atomic<Int>(0)
        let metAlone = Atomic<Bool>(false)
        let window = ThreadWindow(threads: 2, window: .milliseconds(5), batch: 100, warmupOperations: 100)
        _ = window.run { _ in
            guard calls.add(1, ordering: .relaxed).newValue > 2 else { return } // the two warmup calls
            measuredCalls.add(1, ordering: .relaxed)
            let giveUp = ContinuousClock.now + .seconds(5)
            while measuredCalls.load(ordering: .relaxed) < 2 {
                if ContinuousClock.now > giveUp {
                    metAlone.store(true, ordering: .relaxed)
                    return
                }
            }
        }
        let aThreadRanAlone = metAlone.load(ordering: .relaxed)
        #expect(!aThreadRanAlone)
    }

    @Test func theObjectPoolLoopIsServedFromThePoolAfterWarmup() {
        let pools = PoolFixtures()
        let round = ThreadWindow(threads: 2, window: .milliseconds(5), batch: 100, warmupOperations: 1_000)
            .run { Workloads.poolObjects(pools.shared, $0) }
        let stats = pools.shared.stats
        #expect(stats.inUse == 0)
        #expect(stats.misses <= 2 * pools.shared.threadCacheSize + 2)
        #expect(stats.acquired == round.operations + 2 * 1_000)
    }
}
