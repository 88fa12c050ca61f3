import Synchronization

/// Fixed-size byte arrays, such as 32-byte tokens or nonces, handed out zeroed.
///
/// ```swift
/// let tokens = BytePool(name: "tokens", byteCount: 32, maxSize: 256)
/// var token = tokens.acquire()          // 32 zero bytes
/// fillRandom(&token)
/// tokens.release(consume token)         // pooled; zeroed when next acquired
/// ```
///
/// Acquisitions restore the count and zero the bytes. They are zeroed when handed out rather than when
/// returned, so that a copy the releasing caller still holds never forces a copy-on-write; idle arrays
/// therefore keep their last contents until reused, so zero a secret yourself before releasing it if it
/// must not linger. An array whose capacity grew well past `byteCount` (more than 1/8, at least 64
/// bytes) is discarded and counted in `stats.dropped`.
public final class BytePool: Sendable {
    /// The pool's name, the `pool` label of its metrics.
    public let name: String
    /// The number of bytes of every array this pool hands out.
    public let byteCount: Int

    @usableFromInline let _pool: Pool<[UInt8]>
    @usableFromInline let _keepLimit: Int
    private let discarded = Atomic<Int>(0)

    /// Creates a pool of `byteCount`-byte arrays that retains at most `maxSize` idle arrays.
    public init(name: String, byteCount: Int, maxSize: Int, threadCacheSize: Int? = nil) {
        precondition(byteCount > 0, "BytePool \"\(name)\": byteCount must be at least 1, got \(byteCount)")
        self.name = name
        self.byteCount = byteCount
        _keepLimit = byteCount + allocatorSlack(byteCount)
        _pool = Pool(name: name, maxSize: maxSize, threadCacheSize: threadCacheSize) {
            [UInt8](repeating: 0, count: byteCount)
        }
    }

    /// The most idle arrays retained.
    public var maxSize: Int { _pool.maxSize }

    /// The number of idle arrays.
    /// - Complexity: O(*t*) for *t* threads; takes the pool's lock.
    public var size: Int { _pool.size }

    /// A snapshot of the counters (see `PoolStats`); discarded arrays count as released and dropped.
    /// - Complexity: O(*t*) for *t* threads; takes the pool's lock.
    public var stats: PoolStats {
        let discards = discarded.load(ordering: .acquiring)
        var stats = _pool.stats
        stats.released += discards
        stats.dropped += discards
        return stats
    }

    /// Returns `byteCount` zero bytes.
    /// - Complexity: O(`byteCount`) for the zeroing; a hit allocates nothing and takes no lock.
    @inlinable
    public func acquire() -> [UInt8] {
        var bytes = _pool.acquire()
        if bytes.count == byteCount {
            bytes.withUnsafeMutableBytes { _ = $0.initializeMemory(as: UInt8.self, repeating: 0) }
        } else {
            emptyKeepingCapacity(&bytes)
            bytes.append(contentsOf: repeatElement(0, count: byteCount))
        }
        return bytes
    }

    /// Pools `bytes`, or discards it when its capacity is not that of a `byteCount` array.
    ///
    /// Pass `consume bytes`: a plain `release(bytes)` of a `var` keeps the caller's copy alive until the
    /// end of its scope, which costs a retain and a release of the storage.
    /// - Complexity: O(1); a hit takes no lock.
    // Never inlined, like `Pool.release(_:)`, so that the caller's array is moved in, not retained.
    @inlinable @inline(never)
    public func release(_ bytes: consuming [UInt8]) {
        let capacity = bytes.capacity
        guard capacity >= byteCount, capacity <= _keepLimit else {
            _discard(bytes)
            return
        }
        _pool._release(bytes)
    }

    @usableFromInline
    func _discard(_ bytes: consuming [UInt8]) {
        _ = consume bytes
        discarded.add(1, ordering: .releasing)
    }
}
