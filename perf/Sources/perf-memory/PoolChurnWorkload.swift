import PerfResult
import PerfSupport
import Pooling

/// Byte buffers leased from a bounded Pooling `Pool` under churn: each iteration leases 1–8 buffers at
/// once, fills them with 256 B – 2 KiB, and returns them; every 1,000 iterations a burst leases 96 at
/// once, more than the pool keeps, so the surplus is dropped on return and recreated later. Memory moves
/// with the misses and drops but does not trend.
final class PoolChurnWorkload: MemoryWorkload {
    /// The most idle buffers the pool keeps.
    static let maxIdle = 64
    private static let burstSize = 96

    private let pool = Pool<[UInt8]>(name: "perf-memory-churn", maxSize: PoolChurnWorkload.maxIdle) {
        []
    } reset: { buffer in
        buffer.removeAll(keepingCapacity: true)
    }
    private var random: SplitMix64
    private var leased: [[UInt8]] = []
    private(set) var checksum = 0

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        leased.reserveCapacity(Self.burstSize)
    }

    func iteration(_ index: Int) {
        let count = index % 1000 == 999 ? Self.burstSize : 1 + random.next(below: 8)
        for _ in 0..<count {
            var buffer = pool.acquire()
            let size = 256 << random.next(below: 4)
            buffer.append(contentsOf: repeatElement(UInt8(truncatingIfNeeded: index), count: size))
            checksum &+= Int(buffer[size / 2])
            leased.append(buffer)
        }
        while let buffer = leased.popLast() {
            pool.release(buffer)
        }
    }

    var status: String {
        let stats = pool.stats
        return "pool \(stats.idle)/\(pool.maxSize) idle, \(stats.hits) hits, \(stats.misses) misses, "
            + "\(stats.dropped) dropped (hit rate \(Int((stats.hitRate * 100).rounded())) %)"
    }

    var metrics: [Metric] {
        [.hitRate(pool.stats.hitRate)]
    }
}
