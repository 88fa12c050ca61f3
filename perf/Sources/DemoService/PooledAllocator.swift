import Pooling

/// Pooled allocation (`--pool on`): the hot path's buffers and objects come from bounded pools and go back to
/// them, so a request in steady state allocates nothing.
///
/// One pool per allocation site, each the `pool` label of its `/metrics` counters:
///
/// | pool | what | kept at most | why that many |
/// |---|---|---|---|
/// | `decode_scratch` | `DecodeScratch` of one body | 2 × threads, each ≤ 16 KiB of string bytes | one request is decoded at a time per event loop; the rest is headroom for in-process callers |
/// | `message` | `StoredMessage` and its payload buffer | 256 | steady state returns one evicted message per stored one; a rejected batch (≤ `--max-batch`, 100) returns all at once; plus 8 per thread cache |
/// | `token_bytes` | the 32 random bytes of a session token | 16 | one login at a time per event loop |
/// | `json_encode` | a response body being encoded | 4 per size class, 512 B … 64 KiB | one response at a time per event loop; `/metrics` needs the 16 KiB class |
/// | `request_buffer` | a partial request a connection keeps | 8 per size class, 1 … 64 KiB | only connections whose request is split across reads hold one |
/// | `response_buffer` | response bytes a socket did not take | 4 per size class, 1 … 256 KiB | only connections under backpressure hold one; 256 KiB is the loop's high-water mark |
///
/// Every pool caps what it keeps, not what it serves: a buffer that grew past its largest class, or a scratch
/// whose string bytes grew past 16 KiB, is dropped (counted as a discard) instead of pinning its memory. A
/// pooled message keeps the capacity of the largest payload it held (less than 2 × `--max-payload`).
///
/// Each pool has per-thread caches (Pooling's `Pool`): an event loop's acquire and release touch only its own
/// cache, with no lock and no allocation, so loops do not contend.
public final class PooledAllocator: HotPathAllocator {
    /// The most string bytes a pooled `DecodeScratch` keeps between requests.
    public static let scratchByteLimit = 16 * 1024
    /// The size of a session token.
    static let tokenByteCount = 32

    let scratches: Pool<DecodeScratch>
    let messages: Pool<StoredMessage>
    let tokens: BytePool
    let encodeBuffers: BufferPool
    let requestBuffers: BufferPool
    let responseBuffers: BufferPool

    /// Creates the pools, sized for `configuration`'s event loops.
    ///
    /// - Parameter strictChecks: Pooling's misuse checks (double and foreign releases trap); `nil` turns them
    ///   on in debug builds only, as Pooling does.
    public init(configuration: ServiceConfiguration, strictChecks: Bool? = nil) {
        let byteLimit = Self.scratchByteLimit
        scratches = Pool(
            name: "decode_scratch", maxSize: max(4, 2 * configuration.threads), threadCacheSize: 1,
            strictChecks: strictChecks
        ) {
            DecodeScratch()
        } reset: {
            $0.reset(keepingAtMost: byteLimit)
        }
        messages = Pool(name: "message", maxSize: 256, threadCacheSize: 8, strictChecks: strictChecks) {
            StoredMessage()
        } reset: {
            $0.payload.removeAll(keepingCapacity: true)
            $0.sequence = 0
        }
        tokens = BytePool(name: "token_bytes", byteCount: Self.tokenByteCount, maxSize: 16, threadCacheSize: 1)
        encodeBuffers = BufferPool(
            name: "json_encode",
            configuration: .init(initialSize: 512, maximumSize: 65536, buffersPerClass: 4, threadCacheSize: 1))
        requestBuffers = BufferPool(
            name: "request_buffer",
            configuration: .init(initialSize: 1024, maximumSize: 65536, buffersPerClass: 8, threadCacheSize: 1))
        responseBuffers = BufferPool(
            name: "response_buffer",
            configuration: .init(initialSize: 1024, maximumSize: 262_144, buffersPerClass: 4, threadCacheSize: 1))
    }

    public var name: String { "pooled" }

    /// - Complexity: O(1); a hit allocates nothing and takes no lock.
    public func takeBytes(_ site: ByteBufferSite, minimumCapacity: Int) -> [UInt8] {
        switch site {
        case .requestBuffer: return requestBuffers.acquire(minimumCapacity: minimumCapacity)
        case .responseBuffer: return responseBuffers.acquire(minimumCapacity: minimumCapacity)
        case .jsonEncode: return encodeBuffers.acquire(minimumCapacity: minimumCapacity)
        case .tokenBytes:
            guard minimumCapacity <= Self.tokenByteCount else {
                return PlainAllocator().takeBytes(site, minimumCapacity: minimumCapacity)
            }
            var bytes = tokens.acquire()
            bytes.removeAll(keepingCapacity: true)
            return bytes
        }
    }

    /// - Complexity: O(1); a hit takes no lock.
    public func giveBack(_ bytes: consuming [UInt8], to site: ByteBufferSite) {
        switch site {
        case .requestBuffer: requestBuffers.release(consume bytes)
        case .responseBuffer: responseBuffers.release(consume bytes)
        case .jsonEncode: encodeBuffers.release(consume bytes)
        case .tokenBytes: tokens.release(consume bytes)
        }
    }

    /// - Complexity: O(1); a hit allocates nothing and takes no lock.
    public func takeDecodeScratch() -> DecodeScratch {
        scratches.acquire()
    }

    /// - Complexity: O(1) plus emptying the scratch.
    public func giveBack(_ scratch: DecodeScratch) {
        scratches.release(scratch)
    }

    /// - Complexity: O(`payload.count`); allocates only on a miss or when the payload outgrows the recycled buffer.
    public func makeMessage(payload: UnsafeBufferPointer<UInt8>) -> StoredMessage {
        let message = messages.acquire()
        message.replacePayload(with: payload)
        return message
    }

    /// - Complexity: O(1).
    public func giveBack(_ message: StoredMessage) {
        messages.release(message)
    }

    /// The counters of the six pools, in the order of the table above.
    ///
    /// - Complexity: O(pools × size classes × threads); takes each pool's lock briefly.
    public func poolCounters() -> [PoolCounters] {
        [
            scratches.stats, messages.stats, tokens.stats, encodeBuffers.stats, requestBuffers.stats,
            responseBuffers.stats,
        ]
        .map(PoolCounters.init)
    }
}

extension PoolCounters {
    /// The `/metrics` view of Pooling's statistics: returns are the releases the pool kept, discards the ones
    /// it dropped.
    init(_ stats: PoolStats) {
        self.init(
            name: stats.pool, hits: UInt64(stats.hits), misses: UInt64(stats.misses),
            returns: UInt64(stats.released - stats.dropped), discards: UInt64(stats.dropped))
    }
}
