import Synchronization

/// A bounded LRU cache from session tokens to user indices, shared by every event loop.
///
/// It is split into shards by the token's first word (16 shards from 1,024 entries up, else one), each an LRU
/// list behind its own mutex, so logins on different threads rarely contend. Eviction is least-recently-used
/// within a shard: with random tokens the shards fill evenly, so the cache as a whole is LRU to within one
/// shard's share. Storage is reserved up front and reused; inserting allocates nothing.
public final class SessionCache: Sendable {
    /// The most sessions kept.
    public let capacity: Int
    private let shards: [SessionCacheShard]

    /// Creates an empty cache for `capacity` sessions.
    public init(capacity: Int) {
        precondition(capacity >= 1, "a session cache needs room for one session")
        self.capacity = capacity
        let shardCount = capacity >= 1024 ? 16 : 1
        let perShard = (capacity + shardCount - 1) / shardCount
        shards = (0..<shardCount).map { _ in SessionCacheShard(capacity: perShard) }
    }

    /// Stores a session as the most recently used; returns `true` if the least recently used one was evicted.
    ///
    /// - Complexity: O(1) expected.
    @discardableResult
    public func insert(_ token: SessionToken, user: Int) -> Bool {
        shard(for: token).list.withLock { $0.insert(token, user: Int32(truncatingIfNeeded: user)) }
    }

    /// The user of a session, marking it most recently used; `nil` if unknown or evicted.
    ///
    /// - Complexity: O(1) expected.
    public func user(for token: SessionToken) -> Int? {
        shard(for: token).list.withLock { $0.lookup(token) }.map(Int.init)
    }

    /// The sessions currently held.
    public var count: Int {
        shards.reduce(0) { total, shard in total + shard.list.withLock { $0.count } }
    }

    /// Sessions evicted to make room since the start.
    public var evictions: UInt64 {
        shards.reduce(0) { total, shard in total + shard.list.withLock { $0.evictions } }
    }

    private func shard(for token: SessionToken) -> SessionCacheShard {
        shards[Int(truncatingIfNeeded: token.words.0 % UInt64(shards.count))]
    }
}

/// One shard: an LRU list behind a mutex.
final class SessionCacheShard: Sendable {
    let list: Mutex<LRUList>

    init(capacity: Int) {
        list = Mutex(LRUList(capacity: capacity))
    }
}

/// A doubly linked LRU list over parallel arrays: no node objects, no allocation once full.
struct LRUList {
    let capacity: Int
    private var slotOfToken: [SessionToken: Int32] = [:]
    private var tokens: [SessionToken] = []
    private var users: [Int32] = []
    private var previous: [Int32] = []
    private var next: [Int32] = []
    /// The most recently used slot, or -1.
    private var head: Int32 = -1
    /// The least recently used slot, or -1.
    private var tail: Int32 = -1
    private(set) var evictions: UInt64 = 0

    init(capacity: Int) {
        self.capacity = capacity
        slotOfToken.reserveCapacity(capacity)
        tokens.reserveCapacity(capacity)
        users.reserveCapacity(capacity)
        previous.reserveCapacity(capacity)
        next.reserveCapacity(capacity)
    }

    var count: Int { tokens.count }

    /// Inserts or refreshes a session; `true` if another session was evicted.
    mutating func insert(_ token: SessionToken, user: Int32) -> Bool {
        if let slot = slotOfToken[token] {
            users[Int(slot)] = user
            moveToFront(slot)
            return false
        }
        guard tokens.count == capacity else {
            let slot = Int32(tokens.count)
            tokens.append(token)
            users.append(user)
            previous.append(-1)
            next.append(-1)
            slotOfToken[token] = slot
            linkFront(slot)
            return false
        }
        let slot = tail
        unlink(slot)
        slotOfToken.removeValue(forKey: tokens[Int(slot)])
        tokens[Int(slot)] = token
        users[Int(slot)] = user
        slotOfToken[token] = slot
        linkFront(slot)
        evictions += 1
        return true
    }

    /// The user of a session, moved to the front; `nil` if absent.
    mutating func lookup(_ token: SessionToken) -> Int32? {
        guard let slot = slotOfToken[token] else { return nil }
        moveToFront(slot)
        return users[Int(slot)]
    }

    private mutating func moveToFront(_ slot: Int32) {
        guard slot != head else { return }
        unlink(slot)
        linkFront(slot)
    }

    private mutating func linkFront(_ slot: Int32) {
        previous[Int(slot)] = -1
        next[Int(slot)] = head
        if head >= 0 { previous[Int(head)] = slot }
        head = slot
        if tail < 0 { tail = slot }
    }

    private mutating func unlink(_ slot: Int32) {
        let before = previous[Int(slot)]
        let after = next[Int(slot)]
        if before >= 0 { next[Int(before)] = after } else { head = after }
        if after >= 0 { previous[Int(after)] = before } else { tail = before }
        previous[Int(slot)] = -1
        next[Int(slot)] = -1
    }
}
