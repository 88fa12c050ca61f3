import Pooling
import Testing

@Suite struct PoolLeaseTests {
    @Test func aLeaseReturnsItsObjectAtTheEndOfTheScope() {
        let pool = makeScratchPool(maxSize: 2)
        var id: ObjectIdentifier?
        do {
            let lease = pool.lease()
            lease.value.label = "leased"
            id = ObjectIdentifier(lease.value)
            #expect(pool.stats.inUse == 1)
        }
        #expect(pool.stats.inUse == 0)
        #expect(pool.size == 1)
        let again = pool.acquire()
        #expect(ObjectIdentifier(again) == id)
        #expect(again.isReset)
        pool.release(again)
    }

    @Test func releaseEndsALeaseEarly() {
        let pool = makeScratchPool(maxSize: 2)
        let lease = pool.lease()
        lease.release()
        #expect(pool.stats.inUse == 0)
        #expect(pool.stats.released == 1)
    }

    @Test func aLeasedValueCanBeReplacedInPlace() {
        let pool = Pool<[Int]>(name: "arrays", maxSize: 2) {
            []
        } reset: {
            $0.removeAll(keepingCapacity: true)
        }
        do {
            var lease = pool.lease()
            lease.value.append(contentsOf: [1, 2, 3])
            #expect(lease.value == [1, 2, 3])
        }
        #expect(pool.acquire().isEmpty)
    }

    @Test func leasesOfAStrictPoolPassItsChecks() {
        let pool = makeScratchPool(maxSize: 2, strictChecks: true)
        do {
            let first = pool.lease()
            let second = pool.lease()
            #expect(first.value !== second.value)
        }
        #expect(pool.size == 2)
        #expect(pool.stats.inUse == 0)
    }

    @Test func aLeaseThatOutlivesItsPoolDropsItsObject() {
        let deinits = Counter()
        var pool: Pool<Scratch>? = makeScratchPool(maxSize: 4, deinits: deinits)
        let lease = pool!.lease()
        pool = nil
        #expect(deinits.current == 0)
        lease.release()
        #expect(deinits.current == 1)
    }

    @Test func leasesEndedOnAnotherThreadReturnToThePool() {
        let pool = makeScratchPool(maxSize: 8, threadCacheSize: 2)
        runOnNewThreads(2) { _ in
            for _ in 0..<100 {
                let lease = pool.lease()
                lease.value.values.append(1)
            }
        }
        #expect(pool.stats.inUse == 0)
        #expect(pool.stats.acquired == 200)
        #expect(pool.size >= 1)
    }
}
