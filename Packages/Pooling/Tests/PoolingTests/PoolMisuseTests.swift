import Pooling
import Testing

@Suite struct PoolMisuseTests {
    @Test func aDoubleReleaseTrapsNamingThePool() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let pool = Pool<Scratch>(name: "doubles", maxSize: 4, strictChecks: true) { Scratch(serial: 1) }
            let object = pool.acquire()
            pool.release(object)
            pool.release(object)
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(
            message.contains(
                "Pool \"doubles\": double release of a PoolingTests.Scratch that is already back in the pool; "
                    + "release each acquired object exactly once (a Pool.Lease makes a second release a compile error)"
            ), "\(message)")
    }

    @Test func releasingAnObjectFromElsewhereTrapsNamingThePool() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let pool = Pool<Scratch>(name: "foreign", maxSize: 4, strictChecks: true) { Scratch(serial: 1) }
            pool.release(Scratch(serial: 99))
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(
            message.contains(
                "Pool \"foreign\": release of a PoolingTests.Scratch that was not acquired from this pool (or was "
                    + "released before and dropped); release objects only to the pool they came from"), "\(message)")
    }

    @Test func releasingToTheWrongPoolTraps() async {
        await #expect(processExitsWith: .failure) {
            let first = Pool<Scratch>(name: "first", maxSize: 4, strictChecks: true) { Scratch(serial: 1) }
            let second = Pool<Scratch>(name: "second", maxSize: 4, strictChecks: true) { Scratch(serial: 2) }
            second.release(first.acquire())
        }
    }

    @Test func releasingADroppedObjectAgainTraps() async {
        await #expect(processExitsWith: .failure) {
            let pool = Pool<Scratch>(name: "full", maxSize: 0, strictChecks: true) { Scratch(serial: 1) }
            let object = pool.acquire()
            pool.release(object)
            pool.release(object)
        }
    }

    #if DEBUG
    @Test func debugBuildsCheckByDefault() async {
        await #expect(processExitsWith: .failure) {
            let pool = Pool<Scratch>(name: "default", maxSize: 4) { Scratch(serial: 1) }
            let object = pool.acquire()
            pool.release(object)
            pool.release(object)
        }
    }
    #endif

    @Test func correctUseOfAStrictPoolDoesNotTrap() {
        let pool = makeScratchPool(maxSize: 2, strictChecks: true)
        for _ in 0..<10 {
            let first = pool.acquire()
            let second = pool.acquire()
            let third = pool.acquire()
            pool.release(second)
            pool.release(third)
            pool.release(first)
        }
        #expect(pool.stats.inUse == 0)
        #expect(pool.stats.dropped == 10)
    }
}
