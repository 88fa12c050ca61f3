import Dispatch
import PerfSupport
import Pooling
import Synchronization
import Testing

@Suite struct PoolConcurrencyTests {
    /// Several threads acquire, hold and release at random (seeded). An object is never held by two
    /// threads at once, `size` never exceeds `maxSize`, and once the threads are done the counters add up.
    @Test(arguments: [(seed: 1, strict: false), (seed: 2, strict: false), (seed: 3, strict: true)])
    func seededStressKeepsObjectsExclusiveAndSizeBounded(seed: Int, strict: Bool) {
        let maxSize = 12
        let threads = 4
        let operations = 20_000
        let pool = makeScratchPool(maxSize: maxSize, threadCacheSize: 4, strictChecks: strict)
        let doubleHolds = Counter()
        let oversize = Counter()
        let acquisitions = Counter()

        runOnNewThreads(threads) { thread in
            var random = SplitMix64(seed: UInt64(seed * 1000 + thread))
            var held: [Scratch] = []
            for step in 0..<operations {
                if held.isEmpty || (held.count < 8 && Bool.random(using: &random)) {
                    let object = pool.acquire()
                    acquisitions.increment()
                    let (exchanged, _) = object.holder.compareExchange(
                        expected: 0, desired: thread + 1, ordering: .acquiringAndReleasing)
                    if !exchanged || !object.isReset { doubleHolds.increment() }
                    object.values.append(step)
                    held.append(object)
                } else {
                    let object = held.remove(at: Int.random(in: 0..<held.count, using: &random))
                    object.holder.store(0, ordering: .releasing)
                    pool.release(object)
                }
                if step % 256 == 0, pool.size > maxSize { oversize.increment() }
            }
            for object in held {
                object.holder.store(0, ordering: .releasing)
                pool.release(object)
            }
        }

        #expect(doubleHolds.current == 0)
        #expect(oversize.current == 0)
        let stats = pool.stats
        #expect(stats.acquired == acquisitions.current)
        #expect(stats.released == acquisitions.current)
        #expect(stats.inUse == 0)
        #expect(stats.created == stats.idle + stats.dropped)
        #expect(stats.idle == pool.size)
        #expect(pool.size <= maxSize)
        #expect(stats.inUseHighWaterMark <= threads * 8)
    }

    @Test func objectsCachedByAThreadReturnToTheSharedStoreWhenItExits() {
        let pool = makeScratchPool(maxSize: 16, threadCacheSize: 4)
        runOnNewThreads(1) { _ in
            let objects = (0..<3).map { _ in pool.acquire() }
            for object in objects { pool.release(object) }
        }
        #expect(pool.size == 3)
        let objects = (0..<3).map { _ in pool.acquire() }
        #expect(pool.stats.hits == 3, "this thread reuses what the exited thread cached")
        for object in objects { pool.release(object) }
    }

    @Test func deinitializingThePoolDestroysItsIdleObjects() {
        let deinits = Counter()
        do {
            let pool = makeScratchPool(maxSize: 8, threadCacheSize: 2, deinits: deinits)
            let objects = (0..<5).map { _ in pool.acquire() }
            for object in objects { pool.release(object) }
            #expect(deinits.current == 0)
        }
        #expect(deinits.current == 5)
    }

    @Test func objectsCachedByAnotherThreadAreDestroyedWhenThatThreadExitsAfterThePool() {
        let deinits = Counter()
        let poolGone = DispatchSemaphore(value: 0)
        let cached = DispatchSemaphore(value: 0)
        let box = PoolBox(makeScratchPool(maxSize: 8, threadCacheSize: 4, deinits: deinits))
        runOnNewThreadsInBackground {
            let pool = box.pool.withLock { $0! }
            let objects = (0..<3).map { _ in pool.acquire() }
            for object in objects { pool.release(object) }
            cached.signal()
            poolGone.wait()
        } whileWaiting: {
            cached.wait()
            box.pool.withLock { $0 = nil }
            #expect(deinits.current == 0, "the exited pool's objects still sit in the other thread's cache")
            poolGone.signal()
        }
        #expect(deinits.current == 3)
    }
}

/// Lets a test drop its only reference to a pool from another thread.
private final class PoolBox: Sendable {
    let pool: Mutex<Pool<Scratch>?>
    init(_ pool: Pool<Scratch>) { self.pool = Mutex(pool) }
}

/// Runs `body` on a new thread while `waiting` runs on this one, then joins the thread.
private func runOnNewThreadsInBackground(
    _ body: @escaping @Sendable () -> Void, whileWaiting waiting: @escaping @Sendable () -> Void
) {
    let started = DispatchSemaphore(value: 0)
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        started.signal()
        waiting()
        group.leave()
    }
    started.wait()
    runOnNewThreads(1) { _ in body() }
    group.wait()
}
