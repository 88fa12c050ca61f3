/// `POST /messages`.
extension DemoService {
    /// Stores a batch `[{"topic", "payload"}, ...]` in the topics' rings and answers
    /// `{"accepted":N,"rejected":M,"topics":{"<topic>":<accepted>,...}}` (topics in order of first appearance).
    ///
    /// The batch is decoded completely before anything is stored, so a malformed batch stores nothing.
    /// Messages for new topics beyond `--topics` are rejected and counted; the rest of the batch is stored.
    /// - Complexity: O(body length + *m* × *t*) for *m* messages over *t* distinct topics.
    func messages(body: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], counters: CounterBlock) -> Response {
        let scratch = allocator.takeDecodeScratch()
        defer { allocator.giveBack(scratch) }
        if let failure = RequestDecoding.messages(
            body, into: scratch, maxBatch: configuration.maxBatchMessages, maxPayload: configuration.maxPayloadBytes)
        {
            return fail(failure, into: &output, counters: counters)
        }
        var accepted = 0
        var rejected = 0
        var evicted = 0
        scratch.bytes.withUnsafeBufferPointer { bytes in
            for decoded in scratch.messages {
                let topic = UnsafeBufferPointer(rebasing: bytes[decoded.topic])
                let message = allocator.makeMessage(payload: UnsafeBufferPointer(rebasing: bytes[decoded.payload]))
                let stored: Bool
                switch topics.append(topic: topic, message: message) {
                case .stored(let old):
                    stored = true
                    accepted += 1
                    if let old {
                        evicted += 1
                        allocator.giveBack(old)
                    }
                case .rejected:
                    stored = false
                    rejected += 1
                    allocator.giveBack(message)
                }
                DemoService.tally(topic: decoded.topic, stored: stored, in: scratch, bytes: bytes)
            }
        }
        counters.count(.messagesStored, UInt64(accepted))
        counters.count(.messagesEvicted, UInt64(evicted))
        if rejected > 0 { counters.countError(.topicLimit, UInt64(rejected)) }
        JSONWriter.appendRaw("{\"accepted\":", to: &output)
        JSONWriter.appendInteger(accepted, to: &output)
        JSONWriter.appendRaw(",\"rejected\":", to: &output)
        JSONWriter.appendInteger(rejected, to: &output)
        JSONWriter.appendRaw(",\"topics\":{", to: &output)
        scratch.bytes.withUnsafeBufferPointer { bytes in
            for (index, count) in scratch.topicCounts.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONWriter.appendString(UnsafeBufferPointer(rebasing: bytes[count.topic]), to: &output)
                output.append(UInt8(ascii: ":"))
                JSONWriter.appendInteger(count.accepted, to: &output)
            }
        }
        JSONWriter.appendRaw("}}", to: &output)
        return Response(status: .ok)
    }

    /// Counts a message for its topic, adding the topic on first appearance.
    private static func tally(
        topic: Range<Int>, stored: Bool, in scratch: DecodeScratch, bytes: UnsafeBufferPointer<UInt8>
    ) {
        let name = bytes[topic]
        for index in scratch.topicCounts.indices where bytes[scratch.topicCounts[index].topic].elementsEqual(name) {
            if stored { scratch.topicCounts[index].accepted += 1 } else { scratch.topicCounts[index].rejected += 1 }
            return
        }
        scratch.topicCounts.append(TopicCount(topic: topic, accepted: stored ? 1 : 0, rejected: stored ? 0 : 1))
    }
}
