import MicroBench
import PerfResult
import Pooling

/// The contract of every pooled case, checked by the gate whatever the baseline: a hit allocates nothing,
/// neither with malloc nor as a Swift object.
let pooledHitContract: [String: Limit] = ["allocsPerOp": .exactly(0), "objectAllocsPerOp": .exactly(0)]

/// Pooling's `Pool` and `BufferPool` against plain allocation, one object or buffer per operation: acquire (or
/// allocate), write, let it escape through `blackHole`, release (or drop).
///
/// `object` is a 64-byte class with a reset that clears its fields, taken with `acquire`/`release`,
/// `withPooled` and a `lease`; `buffer` is an empty `[UInt8]` with 4 KiB or 64 KiB of capacity, one byte
/// appended. Each pooled task checks after its run that it measured the hit path (hit rate ≥ 99 %), and declares
/// `pooledHitContract`.
let poolAcquire = Suite("poolAcquire") { suite in
    suite.bench("object", parameters: ["via": "alloc"]) {
        let object = PooledObject()
        object.first = 1
        blackHole(object)
    }
    suite.bench("object", parameters: ["via": "pool"], limits: pooledHitContract) {
        PooledObject.makePool()
    } body: { pool in
        let object = pool.acquire()
        object.first = 1
        blackHole(object)
        pool.release(object)
    } teardown: { pool in
        PoolCheck.measuredHits(pool.stats.hitRate, of: "object pool")
    }
    suite.bench("object", parameters: ["via": "withPooled"], limits: pooledHitContract) {
        PooledObject.makePool()
    } body: { pool in
        pool.withPooled { object in
            object.first = 1
            blackHole(object)
        }
    } teardown: { pool in
        PoolCheck.measuredHits(pool.stats.hitRate, of: "object pool")
    }
    suite.bench("object", parameters: ["via": "lease"], limits: pooledHitContract) {
        PooledObject.makePool()
    } body: { pool in
        let lease = pool.lease()
        lease.value.first = 1
        blackHole(lease.value)
    } teardown: { pool in
        PoolCheck.measuredHits(pool.stats.hitRate, of: "object pool")
    }
    for size in [4096, 65536] {
        suite.bench("buffer", parameters: ["size": "\(size)", "via": "alloc"]) {
            opaque(size)
        } body: { size in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(size)
            buffer.append(1)
            blackHole(buffer)
        }
        suite.bench("buffer", parameters: ["size": "\(size)", "via": "pool"], limits: pooledHitContract) {
            (pool: BufferPool(name: "buffers"), size: opaque(size))
        } body: { state in
            var buffer = state.pool.acquire(minimumCapacity: state.size)
            buffer.append(1)
            blackHole(buffer)
            state.pool.release(consume buffer)
        } teardown: { state in
            PoolCheck.measuredHits(state.pool.stats.hitRate, of: "buffer pool")
        }
    }
}

/// The pooled object: 64 bytes of fields (with the object header), cleared on release.
final class PooledObject {
    var first = 0
    var second = 0
    var third = 0
    var fourth = 0
    var fifth = 0
    var sixth = 0

    /// A pool of up to 64 objects whose reset clears every field.
    static func makePool() -> Pool<PooledObject> {
        Pool(name: "object", maxSize: 64) {
            PooledObject()
        } reset: { object in
            object.first = 0
            object.second = 0
            object.third = 0
            object.fourth = 0
            object.fifth = 0
            object.sixth = 0
        }
    }
}

/// The check that a pooled task measured what it claims to.
enum PoolCheck {
    /// Traps unless nearly every acquisition was a hit: otherwise the task timed allocations, not the pool.
    static func measuredHits(_ hitRate: Double, of pool: String) {
        precondition(hitRate >= 0.99, "the \(pool) was hit on only \(hitRate * 100) % of acquisitions")
    }
}
