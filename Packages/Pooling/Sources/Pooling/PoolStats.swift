/// A snapshot of one pool's counters, taken at once and then immutable.
///
/// Definitions (all counts since the pool was created):
/// - `hits`: acquisitions served with an idle object.
/// - `misses`: acquisitions that had to create an object with the factory.
/// - `acquired` = `hits + misses`: every `acquire`, `withPooled` and `lease`.
/// - `created` = `misses`: objects made by the factory (a pool creates only on a miss).
/// - `released`: objects handed back, whether kept or not (Prometheus calls them returns).
/// - `dropped`: objects the pool let go of instead of keeping them: releases that found the pool full,
///   buffers that grew past the largest size class, and (rarely) idle objects of an exiting thread's
///   cache that found no room (Prometheus calls them discards).
/// - `inUse` = `acquired − released`: objects out with callers now.
/// - `idle`: objects the pool holds now, shared store plus every thread cache (the pool's `size`).
///
/// Every object the pool created is out, idle, or was dropped: `created == inUse + idle + dropped`.
/// The counters are per thread and summed under the pool's lock: the snapshot is exact, and satisfies
/// that identity exactly, whenever no other thread acquires or releases while it is taken (for example
/// at the end of a run). While other threads keep working, each thread's counters are read a few
/// nanoseconds apart, so the identity can be off by the operations in flight; releases are read before
/// acquisitions, so `inUse` is never negative.
///
/// `inUseHighWaterMark` is the largest `inUse` seen on a slow path (a miss, a batch refill or spill) or
/// by a snapshot. It is exact for a pool used by one thread at a time; with several threads it is a
/// lower bound, because hits served from thread caches are not watched.
public struct PoolStats: Sendable, Hashable {
    /// The name of the pool.
    public var pool: String
    /// Acquisitions served with an idle object.
    public var hits: Int
    /// Acquisitions that created an object.
    public var misses: Int
    /// Objects handed back, kept or not.
    public var released: Int
    /// Objects let go of instead of being kept.
    public var dropped: Int
    /// Objects held idle now.
    public var idle: Int
    /// The largest in-use count observed (see the type's documentation for when it is exact).
    public var inUseHighWaterMark: Int

    /// Creates a snapshot from its counters.
    public init(
        pool: String, hits: Int, misses: Int, released: Int, dropped: Int, idle: Int, inUseHighWaterMark: Int
    ) {
        self.pool = pool
        self.hits = hits
        self.misses = misses
        self.released = released
        self.dropped = dropped
        self.idle = idle
        self.inUseHighWaterMark = inUseHighWaterMark
    }

    /// Every acquisition: `hits + misses`.
    public var acquired: Int { hits + misses }
    /// Objects made by the factory; equal to `misses`.
    public var created: Int { misses }
    /// Objects out with callers now: `acquired − released`.
    public var inUse: Int { acquired - released }
    /// `hits / acquired`, or 0 before the first acquisition.
    public var hitRate: Double { acquired == 0 ? 0 : Double(hits) / Double(acquired) }

    /// Adds the counters of `other` (for pools made of several pools, such as `BufferPool`), keeping
    /// this snapshot's name. High-water marks are added, which overstates the peak when the parts
    /// peaked at different times.
    public func adding(_ other: PoolStats) -> PoolStats {
        PoolStats(
            pool: pool, hits: hits + other.hits, misses: misses + other.misses, released: released + other.released,
            dropped: dropped + other.dropped, idle: idle + other.idle,
            inUseHighWaterMark: inUseHighWaterMark + other.inUseHighWaterMark)
    }
}
