// Safety: a scratch has exactly one owner at a time: the handler between `takeDecodeScratch` and `giveBack`,
// or the allocator before and after. Ownership passes through the allocator, whose implementations
// synchronize their own storage, so no two threads ever touch the same scratch concurrently.
/// The working memory of decoding one request body: unescaped strings and the spans that index them.
///
/// One request uses it at a time; `HotPathAllocator` hands it out and takes it back, so a pooled allocator
/// keeps its capacity from request to request.
public final class DecodeScratch: @unchecked Sendable {
    /// Unescaped string bytes of the body, back to back.
    public var bytes: [UInt8] = []
    /// The messages of a `/messages` batch, as ranges into `bytes`.
    var messages: [DecodedMessage] = []
    /// Per-topic counts of a batch, in order of first appearance.
    var topicCounts: [TopicCount] = []

    /// Creates an empty scratch.
    public init() {}

    /// Empties every buffer, keeping capacity.
    public func reset() {
        reset(keepingAtMost: .max)
    }

    /// Empties every buffer like `reset()`, but lets go of the storage of `bytes` when its capacity grew past
    /// `byteLimit`, so that one large body does not pin its memory in a pool. The other buffers hold at most
    /// `--max-batch` entries and keep their capacity.
    public func reset(keepingAtMost byteLimit: Int) {
        if bytes.capacity > byteLimit {
            bytes = []
        } else {
            bytes.removeAll(keepingCapacity: true)
        }
        messages.removeAll(keepingCapacity: true)
        topicCounts.removeAll(keepingCapacity: true)
    }

    /// The bytes of storage the buffers hold (capacity, not contents): what a pooled scratch keeps alive.
    public var retainedBytes: Int {
        bytes.capacity + messages.capacity * MemoryLayout<DecodedMessage>.stride
            + topicCounts.capacity * MemoryLayout<TopicCount>.stride
    }
}

/// One decoded message: ranges of `DecodeScratch.bytes`.
struct DecodedMessage {
    var topic: Range<Int>
    var payload: Range<Int>
}

/// How many messages of a batch went to one topic (the topic is a range of `DecodeScratch.bytes`).
struct TopicCount {
    var topic: Range<Int>
    var accepted: Int
    var rejected: Int
}
