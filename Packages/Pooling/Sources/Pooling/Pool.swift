public import CPoolingTLS

/// A thread-safe pool of reusable objects with a per-thread cache in front of a bounded shared store.
///
/// ```swift
/// final class Scratch { var items: [Int] = [] }
///
/// let scratch = Pool(name: "scratch", maxSize: 64) {
///     Scratch()
/// } reset: {
///     $0.items.removeAll(keepingCapacity: true)
/// }
///
/// let object = scratch.acquire()          // an idle object, or a new one from the factory
/// object.items.append(42)
/// scratch.release(object)                 // reset, then kept for the next acquire (or dropped when full)
///
/// scratch.withPooled { $0.items.append(7) } // acquire, run, release, even when the body throws
///
/// do {
///     let lease = scratch.lease()         // returned automatically at the end of the scope
///     lease.value.items.append(1)
/// }
/// ```
///
/// **Per-thread caching.** Like Go's `sync.Pool`, each thread that uses the pool gets a small private
/// stack of idle objects (`threadCacheSize`), found through thread-local storage. The hit path of
/// `acquire` and `release` touches only that stack: no lock, no read-modify-write atomic, no allocation,
/// so threads do not serialize on the pool. Only when a thread's stack is empty (or full) does it take
/// the shared store's lock and move a batch of half its capacity. A thread may miss (and create an
/// object) while another thread's cache holds idle objects; objects are never stolen across caches.
///
/// **Bounded retention.** At most `maxSize` objects are ever idle, counting the shared store and every
/// thread cache (thread caches reserve their capacity from `maxSize`, at most half of it in total). A
/// release that finds no room is dropped: the object is destroyed and counted in `stats.dropped`.
///
/// **The reset contract.** `reset` runs on every release, before the object is kept or dropped, on the
/// releasing thread and outside any lock. It must leave the object indistinguishable from a fresh one
/// for the next user, clear references the object should not keep alive, and avoid heavy work or
/// allocation (keep capacity: `removeAll(keepingCapacity: true)`).
///
/// **Misuse checks.** With `strictChecks` (on by default in debug builds) a pool of class objects
/// tracks which objects are out and traps, naming the pool, on a double release or on the release of an
/// object that did not come from it. Strict pools bypass the thread caches and take the lock on every
/// operation (see README.md for the measured cost).
///
/// **Lifetime.** When the pool is deinitialized, its shared idle objects and the calling thread's cache
/// are destroyed at once; objects cached by other threads are destroyed when those threads exit or
/// next install a cache in the same slot.
// Safety: the stored properties are immutable; the store is Sendable and serializes its state with a
// Mutex; thread caches are reached only through the calling thread's thread-local table, so each is used
// by one thread. Elements cross threads only as `sending` values (factory result, acquire result,
// release argument), so the pool never shares a non-Sendable object between two threads.
public final class Pool<Element>: @unchecked Sendable {
    /// The pool's name, used in misuse traps and as the `pool` label of its metrics.
    public let name: String
    /// The most idle objects the pool retains (shared store plus all thread caches).
    public let maxSize: Int
    /// The most idle objects one thread's cache holds (a thread may get less when the budget is spent).
    public let threadCacheSize: Int
    /// Whether double and foreign releases are detected; `false` for non-class elements.
    public let strictChecks: Bool

    @usableFromInline let _slot: Int
    @usableFromInline let _serial: UInt64
    @usableFromInline let _factory: @Sendable () -> sending Element
    @usableFromInline let _reset: (@Sendable (inout Element) -> Void)?
    @usableFromInline let _store: PoolStore<Element>

    /// Creates a pool.
    ///
    /// - Parameters:
    ///   - name: A short name for traps and metrics, e.g. `"scratch"`; must not be empty.
    ///   - maxSize: The most idle objects retained; 0 keeps nothing (every acquire creates).
    ///   - threadCacheSize: The most idle objects each thread keeps privately; `nil` picks
    ///     `maxSize / 16`, at least 1 and at most 8. 0 sends every operation through the lock.
    ///   - strictChecks: Detect double and foreign releases of class objects; `nil` (the default) turns
    ///     them on in debug builds of Pooling only.
    ///   - factory: Makes a new object when no idle one is at hand; called outside any lock.
    ///   - reset: Runs on every release (see the reset contract above); `nil` keeps objects as they are.
    public init(
        name: String, maxSize: Int, threadCacheSize: Int? = nil, strictChecks: Bool? = nil,
        factory: @escaping @Sendable () -> sending Element,
        reset: (@Sendable (inout Element) -> Void)? = nil
    ) {
        precondition(!name.isEmpty, "Pool: name must not be empty")
        precondition(maxSize >= 0, "Pool \"\(name)\": maxSize must be at least 0, got \(maxSize)")
        let cacheSize = threadCacheSize ?? min(8, max(1, maxSize / 16))
        precondition(cacheSize >= 0, "Pool \"\(name)\": threadCacheSize must be at least 0, got \(cacheSize)")
        self.name = name
        self.maxSize = maxSize
        self.threadCacheSize = cacheSize
        // Objects are told apart by address, so the checks need `Element` to be one class reference.
        self.strictChecks =
            (strictChecks ?? Self.debugBuild) && Element.self is AnyObject.Type
            && MemoryLayout<Element>.size == MemoryLayout<UInt>.size
        (_slot, _serial) = ThreadSlots.claim()
        _factory = factory
        _reset = reset
        _store = PoolStore(
            name: name, maxSize: maxSize, threadCacheSize: cacheSize, slot: _slot, serial: _serial,
            strictChecks: self.strictChecks, reset: reset)
    }

    deinit {
        _store.close()
        ThreadSlots.retireCurrentThreadCache(index: _slot, serial: _serial)
        ThreadSlots.free(_slot)
    }

    private static var debugBuild: Bool {
        #if DEBUG
        return true
        #else
        return false
        #endif
    }

    /// The number of idle objects the pool holds now (shared store and every thread cache); at most `maxSize`.
    /// - Complexity: O(*t*) for *t* threads that have used the pool; takes the shared lock.
    public var size: Int { _store.idleCount() }

    /// A snapshot of the pool's counters (see `PoolStats` for the definitions and guarantees).
    /// - Complexity: O(*t*) for *t* threads that have used the pool; takes the shared lock.
    public var stats: PoolStats { _store.snapshot() }

    // MARK: Hot path

    /// Returns an idle object, or a new one from the factory when none is at hand.
    ///
    /// The object is the caller's until it passes it to `release(_:)`; each object is held by at most
    /// one caller at a time.
    /// - Complexity: O(1). The hit path reads the calling thread's cache only: no lock, no allocation.
    @inlinable
    public func acquire() -> sending Element {
        if !strictChecks, let element = _takeCached() {
            nonisolated(unsafe) let result = element
            return result
        }
        return _acquireSlow()
    }

    /// Resets `element` and keeps it for a later `acquire()`, or drops it when the pool is full.
    ///
    /// Release each acquired object exactly once, to the pool it came from, and stop using it: strict
    /// pools trap on a double or foreign release, other pools hand the same object to two users.
    /// - Complexity: O(1) plus `reset`. The hit path writes the calling thread's cache only.
    // Inlinable so that it is specialized in the caller's module, but never inlined: as a call, it is the
    // last use of the caller's variable, so Swift moves the reference in. Inlined, the reset and slow-path
    // calls inside would keep the caller's variable alive past the store (lexical lifetimes), costing a
    // retain and a release of the object per call, several times the price of the call itself.
    @inlinable @inline(never)
    public func release(_ element: consuming sending Element) {
        _release(consume element)
    }

    /// Acquires an object, passes it to `body`, and releases it when `body` returns or throws.
    /// - Returns: What `body` returns.
    /// - Complexity: O(1) plus `body`.
    @inlinable
    public func withPooled<Result: ~Copyable, Failure: Error>(
        _ body: (inout Element) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        var element = acquire()
        let result: Result
        do {
            result = try body(&element)
        } catch {
            _release(consume element)
            throw error
        }
        _release(consume element)
        return result
    }

    @inlinable @inline(__always)
    func _release(_ element: consuming Element) {
        if strictChecks {
            _store.releaseChecked(element)
            return
        }
        _reset?(&element)
        var pending: Element? = consume element
        if _putCached(&pending) { return }
        _store.releaseSlow(pending.take().unsafelyUnwrapped)
    }

    /// Takes an object from the calling thread's cache, or returns `nil` when it is empty or not installed.
    @inlinable @inline(__always)
    func _takeCached() -> Element? {
        guard let raw = pooling_tls_lookup_block(_slot, _serial) else { return nil }
        return CacheBlock<Element>(raw).take()
    }

    /// Moves `pending` into the calling thread's cache if it has room; returns whether it did.
    @inlinable @inline(__always)
    func _putCached(_ pending: inout Element?) -> Bool {
        guard let raw = pooling_tls_lookup_block(_slot, _serial) else { return false }
        return CacheBlock<Element>(raw).tryPut(&pending)
    }

    // MARK: Slow path

    // The slow paths are inlinable too, so that they are specialized for `Element` in the caller's module
    // (unspecialized generic code spends most of its time looking up generic metadata), but never
    // inlined, so that the hot paths stay small.
    @inlinable @inline(never)
    func _acquireSlow() -> sending Element {
        if strictChecks { return _acquireChecked() }
        let cache = _store.currentCache()
        if let element = cache.block.take() {
            nonisolated(unsafe) let result = element
            return result
        }
        if let element = _store.refill(cache) { return element }
        return _factory()
    }
}
