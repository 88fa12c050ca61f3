import Pooling
import Testing

@Suite struct PoolTests {
    @Test(arguments: [false, true])
    func objectsHeldAtTheSameTimeAreDistinct(strict: Bool) {
        let pool = makeScratchPool(maxSize: 8, strictChecks: strict)
        let held = (0..<20).map { _ in pool.acquire() }
        #expect(Set(held.map(ObjectIdentifier.init)).count == 20)
        for object in held { pool.release(object) }
    }

    @Test(arguments: [false, true])
    func releasedObjectIsReusedOnNextAcquireAndFullyReset(strict: Bool) {
        let pool = makeScratchPool(maxSize: 4, strictChecks: strict)
        let first = pool.acquire()
        first.values = [1, 2, 3]
        first.label = "dirty"
        let id = ObjectIdentifier(first)
        pool.release(first)
        let again = pool.acquire()
        #expect(ObjectIdentifier(again) == id)
        #expect(again.isReset)
        #expect(again.values.capacity >= 3, "the reset keeps capacity")
        pool.release(again)
    }

    @Test func sizeNeverExceedsMaxSizeAndExtraReleasesAreDropped() {
        let deinits = Counter()
        let pool = makeScratchPool(maxSize: 3, deinits: deinits)
        var held = (0..<10).map { _ in pool.acquire() }
        while let object = held.popLast() {
            pool.release(object)
            #expect(pool.size <= 3)
        }
        #expect(pool.size == 3)
        #expect(pool.stats.dropped == 7)
        #expect(deinits.current == 7, "dropped objects are destroyed")
    }

    @Test func aPoolWithMaxSizeZeroKeepsNothing() {
        let pool = makeScratchPool(maxSize: 0)
        pool.release(pool.acquire())
        pool.release(pool.acquire())
        let stats = pool.stats
        #expect(stats.misses == 2)
        #expect(stats.hits == 0)
        #expect(stats.dropped == 2)
        #expect(pool.size == 0)
    }

    @Test func withPooledReturnsTheBodysResultAndReleases() {
        let pool = makeScratchPool(maxSize: 2)
        let count = pool.withPooled { object in
            object.values.append(7)
            return object.values.count
        }
        #expect(count == 1)
        #expect(pool.size == 1)
        #expect(pool.stats.inUse == 0)
        pool.withPooled { #expect($0.isReset) }
    }

    struct Failure: Error, Equatable {}

    @Test func withPooledReleasesWhenTheBodyThrows() {
        let pool = makeScratchPool(maxSize: 2)
        #expect(throws: Failure()) {
            try pool.withPooled { (_: inout Scratch) throws(Failure) in throw Failure() }
        }
        #expect(pool.size == 1)
        #expect(pool.stats.inUse == 0)
    }

    @Test func valueElementsArePooledWithoutStrictChecks() {
        let pool = Pool<[Int]>(name: "arrays", maxSize: 2, strictChecks: true) {
            []
        } reset: {
            $0.removeAll(keepingCapacity: true)
        }
        #expect(!pool.strictChecks, "strict checks need class objects")
        var array = pool.acquire()
        array.append(contentsOf: 0..<100)
        pool.release(array)
        let again = pool.acquire()
        #expect(again.isEmpty)
        #expect(again.capacity >= 100)
    }

    @Test func strictChecksDefaultToOnInDebugBuildsOnly() {
        let pool = Pool<Scratch>(name: "default", maxSize: 1) { Scratch(serial: 0) }
        #if DEBUG
        #expect(pool.strictChecks)
        #else
        #expect(!pool.strictChecks)
        #endif
    }

    @Test(arguments: [(0, 1), (16, 1), (64, 4), (128, 8), (10_000, 8)])
    func defaultThreadCacheSizeIsASixteenthOfMaxSizeFromOneToEight(maxSize: Int, expected: Int) {
        #expect(makeScratchPool(maxSize: maxSize).threadCacheSize == expected)
    }

    /// Not Sendable: the pool moves it between threads only as a `sending` value.
    final class Plain {
        var count = 0
    }

    @Test func nonSendableObjectsArePooledAsDisconnectedValues() {
        let pool = Pool<Plain>(name: "plain", maxSize: 1) {
            Plain()
        } reset: {
            $0.count = 0
        }
        let object = pool.acquire()
        object.count += 1
        pool.release(object)
        #expect(pool.acquire().count == 0)
    }

    @Test func anUnboundedPoolKeepsEverything() {
        let pool = makeScratchPool(maxSize: .max)
        var held = (0..<100).map { _ in pool.acquire() }
        while let object = held.popLast() { pool.release(object) }
        #expect(pool.size == 100)
        #expect(pool.stats.dropped == 0)
    }

    @Test func nameAndMaxSizeAreReported() {
        let pool = makeScratchPool(name: "reports", maxSize: 5)
        #expect(pool.name == "reports")
        #expect(pool.maxSize == 5)
        #expect(pool.stats.pool == "reports")
    }
}
