public import Synchronization

/// The shared, bounded part of a pool: idle objects no thread cache holds, the registry of thread caches,
/// the counters of retired caches, and (for strict pools) the ownership ledger. Every access takes the
/// lock; the pools' hot paths never come here.
///
/// The bound `maxSize` covers every idle object of the pool: each thread cache reserves its capacity from
/// it when created (cold path), and the shared store may only fill what is not reserved, so
/// `shared.count + Σ cache.count ≤ maxSize` holds at all times without any counter on the hot path.
// Safety: the only mutable stored property, `state`, is accessed only through `withLock`, that is while
// holding `lock` (a Mutex); `isClosed` is atomic and everything else is immutable. The elements in
// `state` are handed out only as `sending` values (see Pool), and thread caches are touched here only
// under the lock and, for their slots, only on their own thread (retire).
@usableFromInline
final class PoolStore<Element>: @unchecked Sendable {
    @usableFromInline
    struct Counts {
        @usableFromInline var hits = 0
        @usableFromInline var misses = 0
        @usableFromInline var released = 0
        @usableFromInline var dropped = 0

        @inlinable init() {}
    }

    @usableFromInline
    struct State {
        /// Idle objects not held by any thread cache.
        @usableFromInline var shared: [Element] = []
        /// Every live thread cache of this pool.
        @usableFromInline var caches: [ThreadCache<Element>] = []
        /// Capacity reserved by `caches` out of `maxSize`.
        @usableFromInline var reserved = 0
        /// Counts of retired caches and of strict pools (which use no caches).
        @usableFromInline var retired = Counts()
        @usableFromInline var highWater = 0
        @usableFromInline var closed = false
        /// Strict pools: addresses of the objects handed out and not yet released.
        @usableFromInline var outstanding: Set<UInt> = []
        /// Strict pools: addresses of the objects idle in `shared`.
        @usableFromInline var pooled: Set<UInt> = []

        @inlinable init() {}
    }

    @usableFromInline let name: String
    @usableFromInline let maxSize: Int
    @usableFromInline let threadCacheSize: Int
    // The pool's release settings, also here so that a lease can release through the store it keeps
    // alive (see Pool.Lease) without holding the pool.
    @usableFromInline let slot: Int
    @usableFromInline let serial: UInt64
    @usableFromInline let strictChecks: Bool
    @usableFromInline let reset: (@Sendable (inout Element) -> Void)?
    /// Set once by `close()`; read without the lock by releases that arrive after the pool is gone.
    @usableFromInline let isClosed = Atomic<Bool>(false)
    @usableFromInline let lock = Mutex(())
    /// Guarded by `lock`: use `withLock` only.
    @usableFromInline var state = State()

    init(
        name: String, maxSize: Int, threadCacheSize: Int, slot: Int, serial: UInt64, strictChecks: Bool,
        reset: (@Sendable (inout Element) -> Void)?
    ) {
        self.name = name
        self.maxSize = maxSize
        self.threadCacheSize = threadCacheSize
        self.slot = slot
        self.serial = serial
        self.strictChecks = strictChecks
        self.reset = reset
    }

    /// Runs `body` on the state under the lock.
    ///
    /// The state lives beside a `Mutex<Void>` rather than inside a `Mutex<State>` because it holds
    /// non-Sendable elements that move between the store and callers as `sending` values, which
    /// `Mutex.withLock`'s region rules cannot express for an `inout` state.
    @inlinable
    func withLock<Output>(_ body: (inout State) -> Output) -> Output {
        var result: Output?
        lock.withLock { _ in result = body(&state) }
        return result!
    }

    // MARK: Thread caches

    /// Creates and registers a cache for the calling thread, reserving its capacity from `maxSize`.
    ///
    /// Caches may reserve at most half of `maxSize` (rounded up) between them, and never more than the
    /// room the shared store has left; a thread that finds no budget gets a cache of capacity 0 and goes
    /// through the lock on every operation.
    @usableFromInline
    func makeCache() -> ThreadCache<Element> {
        withLock { state in
            let budget = maxSize / 2 + maxSize % 2 - state.reserved
            let room = maxSize - state.reserved - state.shared.count
            // Strict pools keep every idle object in the shared store, where the ledger can see it.
            let capacity = strictChecks ? 0 : max(0, min(threadCacheSize, budget, room))
            let cache = ThreadCache(store: self, capacity: capacity)
            cache.registryIndex = state.caches.count
            state.caches.append(cache)
            state.reserved += capacity
            return cache
        }
    }

    /// Serves an acquisition whose thread cache is empty: pops one shared object and moves up to half the
    /// cache's capacity after it, or counts a miss and returns `nil` (the caller creates the object).
    /// - Complexity: O(*b* + *t*) for a batch of *b* objects and *t* thread caches.
    @inlinable
    func refill(_ cache: ThreadCache<Element>) -> sending Element? {
        withLock { state in
            guard let element = state.shared.popLast() else {
                cache.block.misses.bumpByOwner()
                Self.noteInUse(&state)
                return nil
            }
            let batch = min(state.shared.count, (cache.capacity + 1) / 2)
            for index in 0..<batch {
                (cache.block.slots + index).initialize(to: state.shared.removeLast())
            }
            cache.block.count.store(batch)
            cache.block.hits.bumpByOwner()
            Self.noteInUse(&state)
            nonisolated(unsafe) let result = element
            return result
        }
    }

    /// Serves a release whose thread cache is full: moves up to half the cache to the shared store and
    /// keeps `element`, or, when the shared store has no room, counts a drop and returns `element` for the
    /// caller to destroy outside the lock.
    /// - Complexity: O(*b* + *t*) for a batch of *b* objects and *t* thread caches.
    @inlinable
    func spill(_ cache: ThreadCache<Element>, _ element: consuming Element) -> Element? {
        var element: Element? = element
        withLock { state in
            let room = maxSize - state.reserved - state.shared.count
            guard room > 0 else {
                cache.block.released.bumpByOwner()
                cache.block.dropped.bumpByOwner()
                return
            }
            let n = cache.block.count.load()
            let batch = min(room, (cache.capacity + 1) / 2, n)
            for index in (n - batch)..<n {
                state.shared.append((cache.block.slots + index).move())
            }
            cache.block.count.store(n - batch)
            if batch > 0 {
                cache.block.put(element.take()!)
            } else {
                state.shared.append(element.take()!)
                cache.block.released.bumpByOwner()
            }
            Self.noteInUse(&state)
        }
        return element
    }

    /// Unregisters `cache`, moves its objects to the shared store (or drops them when the pool is gone)
    /// and folds its counters into the retired totals. Runs on the cache's own thread.
    func retire(_ cache: ThreadCache<Element>) {
        var leftovers: [Element] = []
        withLock { state in
            let last = state.caches.removeLast()
            if last !== cache {
                state.caches[cache.registryIndex] = last
                last.registryIndex = cache.registryIndex
            }
            state.reserved -= cache.capacity
            state.retired.hits += cache.block.hits.load()
            state.retired.misses += cache.block.misses.load()
            state.retired.released += cache.block.released.load()
            state.retired.dropped += cache.block.dropped.load()
            let n = cache.block.count.load()
            let kept = state.closed ? 0 : min(n, maxSize - state.reserved - state.shared.count)
            for index in 0..<n {
                let element = (cache.block.slots + index).move()
                if index < kept { state.shared.append(element) } else { leftovers.append(element) }
            }
            cache.block.count.store(0)
            if !state.closed { state.retired.dropped += n - kept }
        }
        leftovers.removeAll()
    }

    /// Marks the pool as gone and destroys the shared idle objects outside the lock. Caches still
    /// installed on other threads drop their objects when those threads retire them.
    func close() {
        var shared: [Element] = []
        isClosed.store(true, ordering: .releasing)
        withLock { state in
            state.closed = true
            swap(&shared, &state.shared)
            state.pooled.removeAll()
        }
        shared.removeAll()
    }

    // MARK: Statistics

    /// Raises the high-water mark to the current in-use count. Called on every slow path.
    /// - Complexity: O(*t*) for *t* thread caches.
    @inlinable
    static func noteInUse(_ state: inout State) {
        var inUse = state.retired.hits + state.retired.misses - state.retired.released
        for cache in state.caches {
            inUse += cache.block.hits.load() + cache.block.misses.load()
            inUse -= cache.block.released.load()
        }
        state.highWater = max(state.highWater, inUse)
    }

    /// One snapshot of the pool's counters.
    ///
    /// Releases are read before acquisitions, so an object released on another thread is never counted
    /// as released without its acquisition: `inUse` is never negative.
    /// - Complexity: O(*t*) for *t* thread caches.
    func snapshot() -> PoolStats {
        withLock { state in
            var counts = state.retired
            for cache in state.caches {
                counts.released += cache.block.released.loadAcquiring()
                counts.dropped += cache.block.dropped.loadAcquiring()
            }
            var idle = state.shared.count
            for cache in state.caches {
                counts.hits += cache.block.hits.loadAcquiring()
                counts.misses += cache.block.misses.loadAcquiring()
                idle += cache.block.count.load()
            }
            let inUse = counts.hits + counts.misses - counts.released
            state.highWater = max(state.highWater, inUse)
            return PoolStats(
                pool: name, hits: counts.hits, misses: counts.misses, released: counts.released,
                dropped: counts.dropped, idle: idle, inUseHighWaterMark: state.highWater)
        }
    }

    /// The number of idle objects, shared and cached.
    /// - Complexity: O(*t*) for *t* thread caches.
    func idleCount() -> Int {
        withLock { state in
            state.caches.reduce(state.shared.count) { $0 + $1.block.count.load() }
        }
    }
}
