import MicroBench
import Pooling

/// One case of the suite: its result name, what it measures, and how.
struct PoolCase: Sendable {
    /// How a case is measured.
    enum Method: Sendable {
        /// On this thread, by MicroBench: a suite whose only task is this case.
        case microBench(Suite)
        /// On `threads` new threads at once, over one fixed window: `loop(n)` runs n operations.
        case threads(Int, loop: @Sendable (Int) -> Void)
    }

    /// The result name, e.g. `object/pool`.
    let name: String
    /// One line for `--list`.
    let summary: String
    let method: Method
    /// The statistics of the case's pool, when it uses one.
    let poolStats: (@Sendable () -> PoolStats)?

    /// The cases in report order; names are `group/case`, as the issue lists them, plus the
    /// `reserve` baselines for buffers.
    static func all(_ pools: PoolFixtures) -> [PoolCase] {
        let size4k = opaque(4096)
        let size64k = opaque(65536)
        return [
            single("object", "alloc", "a new 64-byte object per operation") {
                Workloads.allocateObjects($0)
            },
            single("object", "pool", "Pool<PooledObject>: acquire, write, release", stats: { pools.objects.stats }) {
                Workloads.poolObjects(pools.objects, $0)
            },
            single("buffer4k", "alloc", "[UInt8](repeating: 0, count: 4096): zero-filled (the bar's baseline)") {
                Workloads.allocateZeroedBuffers(size: size4k, $0)
            },
            single("buffer4k", "reserve", "[] + reserveCapacity(4096): one malloc, no zeroing (reference)") {
                Workloads.reserveBuffers(size: size4k, $0)
            },
            single(
                "buffer4k", "pool", "BufferPool: acquire(minimumCapacity: 4096), release",
                stats: { pools.buffers4k.stats }
            ) {
                Workloads.poolBuffers(pools.buffers4k, size: size4k, $0)
            },
            single("buffer64k", "alloc", "[UInt8](repeating: 0, count: 65536): zero-filled (the bar's baseline)") {
                Workloads.allocateZeroedBuffers(size: size64k, $0)
            },
            single("buffer64k", "reserve", "[] + reserveCapacity(65536): one malloc, no zeroing (reference)") {
                Workloads.reserveBuffers(size: size64k, $0)
            },
            single(
                "buffer64k", "pool", "BufferPool: acquire(minimumCapacity: 65536), release",
                stats: { pools.buffers64k.stats }
            ) {
                Workloads.poolBuffers(pools.buffers64k, size: size64k, $0)
            },
            PoolCase(
                name: "threads1/pool", summary: "object pool on one thread, total ops/s over a fixed window",
                method: .threads(1) { Workloads.poolObjects(pools.shared, $0) }, poolStats: { pools.shared.stats }),
            PoolCase(
                name: "threads2/pool", summary: "the same pool on two threads started together, total ops/s",
                method: .threads(2) { Workloads.poolObjects(pools.shared, $0) }, poolStats: { pools.shared.stats }),
        ]
    }

    /// The names of every case, in report order.
    static var names: [String] {
        all(PoolFixtures()).map(\.name)
    }

    /// A single-thread case: a MicroBench suite named `group` with one `benchBatch` task `task` whose
    /// measured window runs `loop(batch.iterations)`.
    private static func single(
        _ group: String, _ task: String, _ summary: String, stats: (@Sendable () -> PoolStats)? = nil,
        _ loop: @escaping @Sendable (Int) -> Void
    ) -> PoolCase {
        let suite = Suite(group) { suite in
            suite.benchBatch(task) { batch in
                batch.measure { loop(batch.iterations) }
            }
        }
        return PoolCase(name: "\(group)/\(task)", summary: summary, method: .microBench(suite), poolStats: stats)
    }
}
