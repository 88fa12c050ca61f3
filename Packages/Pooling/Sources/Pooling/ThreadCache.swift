public import CPoolingTLS

/// The type-erased face of a per-thread cache, so that the thread-exit hook of `CPoolingTLS` can retire
/// caches without knowing their element type.
@usableFromInline
class ThreadCacheBase {
    @usableFromInline
    init() {}

    /// Hands the cached objects back to the pool's shared store (or drops them when the pool is gone) and
    /// unregisters the cache. Runs on the cache's own thread: at thread exit, when the slot is reused, or
    /// when the pool is deinitialized on this thread.
    func retire() {
        preconditionFailure("ThreadCacheBase.retire() must be overridden")
    }
}

/// One thread's small stack of idle objects for one pool, plus that thread's share of the pool's counters.
///
/// The object owns a `CacheBlock`, which the hot path reaches straight from the thread-local table; the
/// object itself is for the slow paths, the registry and retirement.
// Safety: the block's slots are read and written only by the owning thread (the cache is reachable from
// other threads only through the store's registry, which reads the counter words atomically and nothing
// else); `registryIndex` is accessed only under the store's lock.
@usableFromInline
final class ThreadCache<Element>: ThreadCacheBase, @unchecked Sendable {
    @usableFromInline let block: CacheBlock<Element>
    @usableFromInline let store: PoolStore<Element>
    /// Position in the store's registry; guarded by the store's lock.
    var registryIndex = 0

    init(store: PoolStore<Element>, capacity: Int) {
        self.block = CacheBlock(capacity: capacity)
        self.store = store
    }

    deinit {
        block.deallocate()
    }

    override func retire() {
        store.retire(self)
    }

    /// How many idle objects this cache may hold (its reservation from the pool's `maxSize`).
    @inlinable var capacity: Int { block.capacity }
}

/// A thread cache's memory: one block of whole, 64-byte-aligned cache lines holding the counter words,
/// then up to `capacity` idle objects.
///
/// Only the owning thread moves objects in and out and writes the count and the counters, so the hot
/// path needs no lock and no read-modify-write atomic: counters are bumped with a relaxed load and a
/// releasing store, plain moves on x86-64. Other threads read the words (atomically, under the store's
/// lock) only to build a statistics snapshot. Whole lines keep two threads' caches from sharing a line
/// (false sharing would serialize them as surely as a lock).
@usableFromInline @frozen
struct CacheBlock<Element> {
    @usableFromInline let raw: UnsafeMutableRawPointer

    @inlinable @inline(__always)
    init(_ raw: UnsafeMutableRawPointer) { self.raw = raw }

    @usableFromInline static var lineSize: Int { 64 }

    init(capacity: Int) {
        precondition(MemoryLayout<Element>.alignment <= Self.lineSize, "Pool: elements aligned above 64 bytes")
        let slotBytes = capacity * MemoryLayout<Element>.stride
        let byteCount = Self.lineSize + (slotBytes + Self.lineSize - 1) / Self.lineSize * Self.lineSize
        raw = .allocate(byteCount: byteCount, alignment: Self.lineSize)
        raw.initializeMemory(as: Int.self, repeating: 0, count: Self.lineSize / MemoryLayout<Int>.stride)
        raw.storeBytes(of: capacity, toByteOffset: 5 * MemoryLayout<Int>.stride, as: Int.self)
        (raw + Self.lineSize).bindMemory(to: Element.self, capacity: capacity)
    }

    func deallocate() {
        slots.deinitialize(count: count.load())
        raw.deallocate()
    }

    /// The number of idle objects in `slots`.
    @inlinable var count: CacheWord { CacheWord(raw, 0) }
    /// Acquisitions on this thread served from an idle object.
    @inlinable var hits: CacheWord { CacheWord(raw, 1) }
    /// Acquisitions on this thread that created a new object.
    @inlinable var misses: CacheWord { CacheWord(raw, 2) }
    /// Releases on this thread, kept or not.
    @inlinable var released: CacheWord { CacheWord(raw, 3) }
    /// Objects this thread let go of instead of keeping.
    @inlinable var dropped: CacheWord { CacheWord(raw, 4) }
    /// How many objects fit; set once before the block is published.
    @inlinable var capacity: Int { raw.load(fromByteOffset: 5 * MemoryLayout<Int>.stride, as: Int.self) }
    /// Storage for up to `capacity` idle objects; `slots[0..<count]` are initialized.
    @inlinable var slots: UnsafeMutablePointer<Element> {
        (raw + Self.lineSize).assumingMemoryBound(to: Element.self)
    }

    /// Takes the most recently cached object, or returns `nil` when the cache is empty.
    /// - Complexity: O(1); owner thread only.
    @inlinable @inline(__always)
    func take() -> Element? {
        let n = count.load()
        guard n > 0 else { return nil }
        count.store(n &- 1)
        hits.bumpByOwner()
        return (slots + (n &- 1)).move()
    }

    /// Caches a released object; the caller checked `hasRoom`.
    /// - Complexity: O(1); owner thread only.
    @inlinable @inline(__always)
    func put(_ element: consuming Element) {
        let n = count.load()
        (slots + n).initialize(to: element)
        count.store(n &+ 1)
        released.bumpByOwner()
    }

    /// Whether `put` has room.
    @inlinable @inline(__always)
    var hasRoom: Bool { count.load() < capacity }

    /// Moves `pending` into the cache if it has room; returns whether it did.
    /// - Complexity: O(1); owner thread only.
    @inlinable @inline(__always)
    func tryPut(_ pending: inout Element?) -> Bool {
        let n = count.load()
        guard n < capacity else { return false }
        (slots + n).initialize(to: pending.take().unsafelyUnwrapped)
        count.store(n &+ 1)
        released.bumpByOwner()
        return true
    }
}

/// One counter word of a thread cache's block.
@usableFromInline @frozen
struct CacheWord {
    @usableFromInline let word: UnsafeMutablePointer<Int>

    @inlinable @inline(__always)
    init(_ block: UnsafeMutableRawPointer, _ index: Int) {
        word = block.assumingMemoryBound(to: Int.self) + index
    }

    /// A relaxed load.
    @inlinable @inline(__always)
    func load() -> Int { pooling_word_load(word) }

    /// A load that sees everything the owner did before its releasing stores.
    @inlinable @inline(__always)
    func loadAcquiring() -> Int { pooling_word_load_acquire(word) }

    /// A relaxed store; owner thread only.
    @inlinable @inline(__always)
    func store(_ value: Int) { pooling_word_store(word, value) }

    /// Adds one to a counter that only the calling thread writes: no read-modify-write instruction.
    ///
    /// The releasing store lets a snapshot that reads the releases of an object also see its acquisition.
    @inlinable @inline(__always)
    func bumpByOwner() { pooling_word_store_release(word, pooling_word_load(word) &+ 1) }
}
