extension Pool {
    /// An object on loan from a pool, returned to it when the lease ends.
    ///
    /// A lease is `~Copyable`: it cannot be duplicated, so its object is returned exactly once, at the end
    /// of the scope that owns it (or earlier with `release()`, after which the compiler rejects any use,
    /// including a second `release()`). Use a lease when an object lives across several statements or
    /// early exits and forgetting to release it would be easy; use `withPooled` for a single closure; use
    /// `acquire()`/`release(_:)` in the hottest loops, or when the object's lifetime does not follow a scope.
    ///
    /// A lease keeps the pool's shared store alive through the calling thread's cache object, not the
    /// pool itself: retaining the pool would make every thread's leases increment one shared reference
    /// count, which measured as contended as a lock. A lease that outlives its pool drops its object.
    /// Leases cost more than `acquire`/`release` (a retain and a release of the cache object, and a copy
    /// of the object when the lease ends, since a deinit cannot move a stored property out); see
    /// README.md for the numbers.
    public struct Lease: ~Copyable {
        /// Keeps the store alive (a thread cache holds its store).
        @usableFromInline let _cache: ThreadCache<Element>
        /// The same store, borrowed without retain and release: `_cache` keeps it alive.
        @usableFromInline let _store: Unmanaged<PoolStore<Element>>
        /// The leased object. Mutate it freely; do not keep references to it after the lease ends.
        public var value: Element

        @inlinable
        init(cache: ThreadCache<Element>, value: consuming Element) {
            _cache = cache
            _store = Unmanaged.passUnretained(cache.store)
            self.value = value
        }

        /// Ends the lease now, returning the object to the pool.
        @inlinable
        public consuming func release() {}

        @inlinable
        deinit {
            let object = value
            _store._withUnsafeGuaranteedRef { $0.release(object) }
        }
    }

    /// Acquires an object on a lease that returns it to this pool when the lease goes out of scope.
    /// - Complexity: O(1), as `acquire()`, plus a retain of this thread's cache object.
    @inlinable
    public func lease() -> Lease {
        let value = acquire()
        return Lease(cache: _store.currentCache(), value: value)
    }
}
