/// The allocation sites of the hot path that hand out byte buffers.
public enum ByteBufferSite: Int, CaseIterable, Sendable {
    /// Unconsumed bytes of a partial request a connection keeps between reads.
    case requestBuffer
    /// Response bytes a connection could not send yet.
    case responseBuffer
    /// A response body while it is encoded, before the head (which needs its length) is written.
    case jsonEncode
    /// The 32 random bytes of a new session token.
    case tokenBytes

    /// The `pool` label of the site's counters in `/metrics`.
    public var label: String {
        switch self {
        case .requestBuffer: "request_buffer"
        case .responseBuffer: "response_buffer"
        case .jsonEncode: "json_encode"
        case .tokenBytes: "token_bytes"
        }
    }
}

/// The seam between the hot path and memory: every per-request allocation of the service goes through it.
///
/// `PlainAllocator` allocates fresh each time and lets ARC free; a pooled implementation (phase B, `--pool on`)
/// recycles. The service picks one at start, so one build measures both. Contract for implementations:
/// - `takeBytes` returns an *empty* array with at least `minimumCapacity` reserved;
/// - `takeDecodeScratch` returns a scratch whose buffers are empty (`DecodeScratch.reset()`);
/// - `makeMessage` returns a message holding exactly `payload`;
/// - `giveBack` receives objects their last user is done with; it may keep them (bounded) or drop them.
/// Every method may be called from any event-loop thread concurrently.
public protocol HotPathAllocator: Sendable {
    /// `plain` or `pooled`: shown by `/metrics` (`demo_pool_enabled`).
    var name: String { get }

    /// An empty byte buffer for `site` with at least `minimumCapacity` bytes reserved.
    func takeBytes(_ site: ByteBufferSite, minimumCapacity: Int) -> [UInt8]

    /// Takes back a buffer from `takeBytes`.
    func giveBack(_ bytes: consuming [UInt8], to site: ByteBufferSite)

    /// A scratch for decoding one request body.
    func takeDecodeScratch() -> DecodeScratch

    /// Takes back a scratch from `takeDecodeScratch`.
    func giveBack(_ scratch: DecodeScratch)

    /// A message object holding a copy of `payload`, about to be stored in a topic's ring.
    func makeMessage(payload: UnsafeBufferPointer<UInt8>) -> StoredMessage

    /// Takes back a message evicted from its ring (or rejected before it was stored).
    func giveBack(_ message: StoredMessage)

    /// Hits, misses, returns and discards of each pool, for `/metrics`; empty when nothing is pooled.
    func poolCounters() -> [PoolCounters]
}

/// What one pool did since the start; `/metrics` shows it as `demo_pool_*_total{pool="<name>"}`.
public struct PoolCounters: Sendable, Equatable {
    /// The pool's name, e.g. `json_encode` or `message`.
    public var name: String
    /// Takes served by a recycled object.
    public var hits: UInt64
    /// Takes that had to allocate.
    public var misses: UInt64
    /// Objects given back and kept.
    public var returns: UInt64
    /// Objects given back and dropped (pool full, or oversized).
    public var discards: UInt64

    /// Creates a snapshot.
    public init(name: String, hits: UInt64, misses: UInt64, returns: UInt64, discards: UInt64) {
        self.name = name
        self.hits = hits
        self.misses = misses
        self.returns = returns
        self.discards = discards
    }
}

/// Plain allocation: a fresh object or buffer every time, freed by ARC when dropped. The `--pool off` baseline.
public struct PlainAllocator: HotPathAllocator {
    /// Creates the allocator; it has no state.
    public init() {}

    public var name: String { "plain" }

    public func takeBytes(_ site: ByteBufferSite, minimumCapacity: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(minimumCapacity)
        return bytes
    }

    public func giveBack(_ bytes: consuming [UInt8], to site: ByteBufferSite) {}

    public func takeDecodeScratch() -> DecodeScratch { DecodeScratch() }

    public func giveBack(_ scratch: DecodeScratch) {}

    public func makeMessage(payload: UnsafeBufferPointer<UInt8>) -> StoredMessage {
        StoredMessage(payload: Array(payload))
    }

    public func giveBack(_ message: StoredMessage) {}

    public func poolCounters() -> [PoolCounters] { [] }
}
