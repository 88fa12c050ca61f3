public import CPoolingTLS
public import Synchronization

/// Releasing through the store, for the slow paths of `Pool` and for leases, which keep the store (through
/// a thread cache) alive rather than the pool.
extension PoolStore {
    /// Resets `element` and keeps it in the calling thread's cache, the shared store, or drops it.
    /// - Complexity: O(1) plus `reset`; the hit path takes no lock.
    @inlinable @inline(__always)
    func release(_ element: consuming Element) {
        if strictChecks {
            releaseChecked(element)
            return
        }
        reset?(&element)
        var pending: Element? = consume element
        if let raw = pooling_tls_lookup_block(slot, serial), CacheBlock<Element>(raw).tryPut(&pending) { return }
        releaseSlow(pending.take().unsafelyUnwrapped)
    }

    /// The calling thread's cache, installed on first use.
    @inlinable
    func currentCache() -> ThreadCache<Element> {
        if let raw = pooling_tls_lookup(slot, serial) {
            return Unmanaged<ThreadCache<Element>>.fromOpaque(raw).takeUnretainedValue()
        }
        let cache = makeCache()
        ThreadSlots.install(cache, block: cache.block.raw, index: slot, serial: serial)
        return cache
    }

    /// Keeps an already reset `element` in the calling thread's cache, spilling half of a full cache to
    /// the shared store, or drops it when neither has room or the pool is gone.
    @inlinable @inline(never)
    func releaseSlow(_ element: consuming Element) {
        // A lease can outlive its pool; its slot may then belong to another pool, so install nothing.
        if isClosed.load(ordering: .acquiring) { return }
        let cache = currentCache()
        if cache.block.hasRoom {
            cache.block.put(element)
            return
        }
        // A dropped object is destroyed here, outside the lock.
        _ = spill(cache, element)
    }

    /// Checks a strict pool's release (trapping on misuse), resets the object and keeps or drops it.
    @inlinable @inline(never)
    func releaseChecked(_ element: consuming Element) {
        verifyRelease(element)
        reset?(&element)
        // A dropped object is destroyed here, outside the lock.
        _ = putChecked(element)
    }
}
