import PerfSupport
import Pooling
import Testing

/// The reference model: one bounded set of idle objects. On one thread the pool, caches and all, must
/// behave exactly like it: an acquire hits iff something is idle, a release is kept iff fewer than
/// `maxSize` objects are idle.
private struct PoolModel {
    let maxSize: Int
    var idle: Set<Int> = []
    var hits = 0
    var misses = 0
    var released = 0
    var dropped = 0
    var inUse = 0
    var highWater = 0
    var nextSerial = 1

    /// Returns the serials an acquire may return: any idle one, or the next new one on a miss.
    mutating func acquire(returned serial: Int) -> Bool {
        defer {
            inUse += 1
            highWater = max(highWater, inUse)
        }
        if idle.isEmpty {
            misses += 1
            defer { nextSerial += 1 }
            return serial == nextSerial
        }
        hits += 1
        return idle.remove(serial) != nil
    }

    mutating func release(_ serial: Int) {
        released += 1
        inUse -= 1
        if idle.count < maxSize {
            idle.insert(serial)
        } else {
            dropped += 1
        }
    }

    func expectedStats(pool: String) -> PoolStats {
        PoolStats(
            pool: pool, hits: hits, misses: misses, released: released, dropped: dropped, idle: idle.count,
            inUseHighWaterMark: highWater)
    }
}

@Suite struct PoolStatsModelTests {
    @Test(arguments: 1...24)
    func statsMatchTheReferenceModelAfterRandomOperations(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        let maxSize = Int.random(in: 0...8, using: &random)
        let cacheSize = Int.random(in: 0...4, using: &random)
        let strict = Bool.random(using: &random)
        let pool = makeScratchPool(maxSize: maxSize, threadCacheSize: cacheSize, strictChecks: strict)
        var model = PoolModel(maxSize: maxSize)
        var held: [Scratch] = []
        let context = "seed \(seed), maxSize \(maxSize), threadCacheSize \(cacheSize), strict \(strict)"

        for step in 0..<400 {
            if held.isEmpty || (held.count < 12 && Bool.random(using: &random)) {
                let object = pool.acquire()
                #expect(object.isReset, "\(context), step \(step)")
                let expected = model.acquire(returned: object.serial)
                #expect(expected, "\(context), step \(step): unexpected object \(object.serial)")
                object.values.append(step)
                object.label = "step \(step)"
                held.append(object)
            } else {
                let object = held.remove(at: Int.random(in: 0..<held.count, using: &random))
                model.release(object.serial)
                pool.release(object)
            }
            let stats = pool.stats
            #expect(stats == model.expectedStats(pool: "scratch"), "\(context), step \(step)")
            #expect(stats.created == stats.inUse + stats.idle + stats.dropped, "\(context), step \(step)")
            #expect(stats.acquired == stats.hits + stats.misses)
            #expect(stats.inUse == held.count)
            #expect(pool.size == stats.idle)
            #expect(pool.size <= maxSize)
        }
    }

    @Test func hitRateIsHitsOverAcquisitions() {
        let pool = makeScratchPool(maxSize: 4)
        #expect(pool.stats.hitRate == 0)
        pool.release(pool.acquire())
        pool.release(pool.acquire())
        pool.release(pool.acquire())
        pool.release(pool.acquire())
        #expect(pool.stats.hitRate == 0.75)
    }

    @Test func highWaterMarkIsThePeakOfObjectsInUse() {
        let pool = makeScratchPool(maxSize: 8)
        let five = (0..<5).map { _ in pool.acquire() }
        for object in five { pool.release(object) }
        let two = (0..<2).map { _ in pool.acquire() }
        #expect(pool.stats.inUseHighWaterMark == 5)
        #expect(pool.stats.inUse == 2)
        for object in two { pool.release(object) }
    }
}
