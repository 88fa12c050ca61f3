import Synchronization

/// Bounded per-topic ring buffers behind `POST /messages`, shared by every event loop.
///
/// At most `maxTopics` topics exist; a message for a further topic is rejected. Each topic keeps its last
/// `ringCapacity` messages; appending to a full ring evicts the oldest, which goes back to the allocator.
/// Topics are split over 16 shards by name hash, each behind its own mutex; names are looked up straight
/// from request bytes, without allocating.
public final class TopicStore: Sendable {
    /// What became of one appended message.
    public enum AppendOutcome {
        /// Stored; `evicted` is the oldest message of a full ring, now owned by the caller.
        case stored(evicted: StoredMessage?)
        /// Rejected because `maxTopics` topics already exist; the caller still owns the message.
        case rejected
    }

    /// The most topics kept.
    public let maxTopics: Int
    /// The most messages kept per topic.
    public let ringCapacity: Int
    private let shards: [TopicShard]
    private let topicCount = Atomic<Int>(0)

    /// Creates an empty store.
    public init(maxTopics: Int, ringCapacity: Int) {
        precondition(maxTopics >= 1, "a topic store needs room for one topic")
        precondition(ringCapacity >= 1, "a ring needs room for one message")
        self.maxTopics = maxTopics
        self.ringCapacity = ringCapacity
        shards = (0..<TopicStore.shardCount).map { _ in TopicShard(maxTopics: maxTopics) }
    }

    private static let shardCount = 16

    /// Appends a message to a topic's ring, creating the topic if there is room for one more.
    ///
    /// - Complexity: O(*n*) expected for a topic name of *n* bytes; allocates only when creating a topic.
    public func append(topic: UnsafeBufferPointer<UInt8>, message: StoredMessage) -> AppendOutcome {
        let hash = ByteKeyTable.hash(topic)
        let ringCapacity = ringCapacity
        return shards[Int(hash >> 60)].state.withLock { state in
            var index = state.names.find(topic, hash: hash)
            if index == nil {
                guard self.topicCount.wrappingAdd(1, ordering: .relaxed).newValue <= self.maxTopics else {
                    self.topicCount.wrappingSubtract(1, ordering: .relaxed)
                    return .rejected
                }
                index = state.names.insert(topic, hash: hash)
                state.rings.append(MessageRing(capacity: ringCapacity))
            }
            guard let index else { return .rejected }
            return .stored(evicted: state.rings[index].append(message))
        }
    }

    /// The number of topics.
    public var count: Int { topicCount.load(ordering: .relaxed) }

    /// The payloads a topic holds, oldest first, with their sequence numbers; empty for an unknown topic.
    ///
    /// For tests and inspection: it copies every payload.
    public func messages(topic: String) -> [(sequence: UInt64, payload: [UInt8])] {
        var name = topic
        return name.withUTF8 { bytes in
            let hash = ByteKeyTable.hash(bytes)
            return shards[Int(hash >> 60)].state.withLock { state in
                guard let index = state.names.find(bytes, hash: hash) else { return [] }
                return state.rings[index].oldestFirst().map { ($0.sequence, $0.payload) }
            }
        }
    }
}

/// One shard: topic names and their rings behind a mutex.
final class TopicShard: Sendable {
    let state: Mutex<TopicShardState>

    init(maxTopics: Int) {
        state = Mutex(TopicShardState(names: ByteKeyTable(capacity: maxTopics)))
    }
}

/// The topics of one shard: a name table and the rings, indexed alike.
struct TopicShardState {
    var names: ByteKeyTable
    var rings: [MessageRing] = []
}

/// A fixed-size ring of messages; the oldest is overwritten when full.
struct MessageRing {
    private var slots: [StoredMessage?]
    private var next = 0
    private(set) var appended: UInt64 = 0

    init(capacity: Int) {
        slots = Array(repeating: nil, count: capacity)
    }

    /// Stores `message` with the next sequence number; returns the message it overwrote, if any.
    mutating func append(_ message: StoredMessage) -> StoredMessage? {
        message.sequence = appended
        let evicted = slots[next]
        slots[next] = message
        next = next + 1 == slots.count ? 0 : next + 1
        appended += 1
        return evicted
    }

    /// The messages held, oldest first.
    func oldestFirst() -> [StoredMessage] {
        (0..<slots.count).compactMap { slots[(next + $0) % slots.count] }
    }
}
