internal import CPoolingTLS
import Synchronization

/// Hands every pool a slot in the per-thread tables of `CPoolingTLS` and a serial number.
///
/// Slots are few and reused after a pool is gone, which keeps each thread's table small; serials are
/// never reused, so a thread that still holds a cache of a dead pool in a reused slot sees a serial
/// mismatch instead of dereferencing a stale cache.
@usableFromInline
enum ThreadSlots {
    private struct Allocator {
        var nextIndex = 0
        var freeIndexes: [Int] = []
        var nextSerial: UInt64 = 1
    }

    private static let allocator = Mutex(Allocator())

    /// Claims a free slot and a fresh serial for a new pool.
    /// - Complexity: O(1) amortized.
    static func claim() -> (index: Int, serial: UInt64) {
        allocator.withLock { allocator in
            let serial = allocator.nextSerial
            allocator.nextSerial += 1
            if let index = allocator.freeIndexes.popLast() { return (index, serial) }
            let index = allocator.nextIndex
            allocator.nextIndex += 1
            return (index, serial)
        }
    }

    /// Returns the slot of a pool that is being deinitialized.
    static func free(_ index: Int) {
        allocator.withLock { $0.freeIndexes.append(index) }
    }

    /// Installs `cache` and its `block` for `(index, serial)` on the calling thread and retires the stale cache the slot
    /// held before, if any.
    @usableFromInline
    static func install(_ cache: ThreadCacheBase, block: UnsafeMutableRawPointer, index: Int, serial: UInt64) {
        let raw = Unmanaged.passRetained(cache).toOpaque()
        let stale = pooling_tls_install(index, serial, raw, block) { raw in
            Unmanaged<ThreadCacheBase>.fromOpaque(raw).takeRetainedValue().retire()
        }
        if let stale {
            Unmanaged<ThreadCacheBase>.fromOpaque(stale).takeRetainedValue().retire()
        }
    }

    /// Removes the calling thread's cache for `(index, serial)` and retires it, if there is one.
    static func retireCurrentThreadCache(index: Int, serial: UInt64) {
        if let raw = pooling_tls_remove(index, serial) {
            Unmanaged<ThreadCacheBase>.fromOpaque(raw).takeRetainedValue().retire()
        }
    }
}
