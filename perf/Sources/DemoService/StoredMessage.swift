// Safety: a message has exactly one owner at a time: the handler that filled it, then the ring slot (read and
// written only under its shard's mutex), then the allocator that takes it back when it is evicted. Nobody keeps
// a reference after handing it on, so no two threads ever touch the same message concurrently.
/// A message kept in a topic's ring buffer: the payload bytes and its sequence number within the topic.
public final class StoredMessage: @unchecked Sendable {
    /// The payload, unescaped UTF-8.
    public var payload: [UInt8]
    /// The 0-based position of the message among every message appended to its topic.
    public var sequence: UInt64 = 0

    /// Creates a message holding `payload`.
    public init(payload: [UInt8] = []) {
        self.payload = payload
    }

    /// Replaces the payload, keeping the buffer's capacity: what a pooled allocator does on reuse.
    public func replacePayload(with bytes: UnsafeBufferPointer<UInt8>) {
        payload.removeAll(keepingCapacity: true)
        payload.append(contentsOf: bytes)
        sequence = 0
    }
}
