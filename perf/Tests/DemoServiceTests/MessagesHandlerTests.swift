import Testing

@testable import DemoService

@Suite struct MessagesHandlerTests {
    @Test func aBatchIsStoredAndCountedPerTopicInOrderOfFirstAppearance() throws {
        let service = try makeService()
        let body = #"[{"topic":"b","payload":"1"},{"topic":"a","payload":"2"},{"topic":"b","payload":"3"}]"#
        #expect(call(service, .messages, .post, body) == (.ok, #"{"accepted":3,"rejected":0,"topics":{"b":2,"a":1}}"#))
        #expect(service.topics.count == 2)
        #expect(service.topics.messages(topic: "b").map(\.payload) == [Array("1".utf8), Array("3".utf8)])
        #expect(service.metrics.scalar(.messagesStored) == 3)
    }

    @Test func anEmptyBatchIsAccepted() throws {
        let service = try makeService()
        #expect(call(service, .messages, .post, " [ ] ") == (.ok, #"{"accepted":0,"rejected":0,"topics":{}}"#))
    }

    @Test func aFullRingOverwritesItsOldestMessage() throws {
        let service = try makeService { $0.ringCapacity = 2 }
        for payload in ["p0", "p1", "p2"] {
            _ = call(service, .messages, .post, #"[{"topic":"t","payload":"\#(payload)"}]"#)
        }
        let kept = service.topics.messages(topic: "t")
        #expect(kept.map(\.sequence) == [1, 2])
        #expect(kept.map(\.payload) == [Array("p1".utf8), Array("p2".utf8)])
        #expect(service.metrics.scalar(.messagesEvicted) == 1)
    }

    @Test func messagesForTopicsBeyondTheLimitAreRejectedAndCounted() throws {
        let service = try makeService { $0.maxTopics = 1 }
        let body = #"[{"topic":"a","payload":"1"},{"topic":"b","payload":"2"},{"topic":"a","payload":"3"}]"#
        #expect(call(service, .messages, .post, body) == (.ok, #"{"accepted":2,"rejected":1,"topics":{"a":2,"b":0}}"#))
        #expect(service.topics.count == 1)
        #expect(service.metrics.errors(.topicLimit) == 1)
    }

    @Test func escapesAreDecodedInPayloadsAndReEscapedInTopics() throws {
        let service = try makeService()
        let body = #"[{"payload":"\u00e9\ud83d\ude00\/\t","topic":"q\"\\\n"}]"#
        #expect(call(service, .messages, .post, body) == (.ok, #"{"accepted":1,"rejected":0,"topics":{"q\"\\\n":1}}"#))
        #expect(service.topics.messages(topic: "q\"\\\n").map(\.payload) == [Array("é😀/\t".utf8)])
    }

    @Test func aMalformedBatchStoresNothing() throws {
        let service = try makeService()
        let body = #"[{"topic":"a","payload":"1"},{"topic":"b","payload":"2"]"#
        #expect(
            call(service, .messages, .post, body)
                == (.badRequest, #"{"error":"malformed JSON at byte 55: expected ',' or '}' after an object member"}"#))
        #expect(service.topics.count == 0)
    }

    static let wrongShape: [String] = [
        "{}", "[1]", #"[{"topic":"a"}]"#, #"[{"topic":"a","payload":1}]"#, #"[{"topic":null,"payload":"x"}]"#,
    ]

    @Test(arguments: wrongShape)
    func batchesOfTheWrongShapeGet400AndStoreNothing(_ body: String) throws {
        let service = try makeService()
        #expect(
            call(service, .messages, .post, body)
                == (.badRequest, #"{"error":"expected a JSON array of {\"topic\": string, \"payload\": string}"}"#))
        #expect(service.topics.count == 0)
    }

    @Test func topicsMustBeOneToSixtyFourBytes() throws {
        let service = try makeService()
        let long = String(repeating: "t", count: 65)
        #expect(
            call(service, .messages, .post, #"[{"topic":"ok","payload":""},{"topic":"\#(long)","payload":""}]"#)
                == (.badRequest, #"{"error":"topic of messages[1] must be 1 to 64 bytes"}"#))
        #expect(
            call(service, .messages, .post, #"[{"topic":"","payload":""}]"#)
                == (.badRequest, #"{"error":"topic of messages[0] must be 1 to 64 bytes"}"#))
        #expect(service.topics.count == 0)
    }

    @Test func aBatchOverTheLimitGets413() throws {
        let service = try makeService { $0.maxBatchMessages = 2 }
        let body = "[" + Array(repeating: #"{"topic":"a","payload":""}"#, count: 3).joined(separator: ",") + "]"
        #expect(
            call(service, .messages, .post, body) == (.contentTooLarge, #"{"error":"batch has more than 2 messages"}"#))
        #expect(service.metrics.errors(.batchTooLarge) == 1)
    }

    @Test func aPayloadOverTheLimitGets413() throws {
        let service = try makeService { $0.maxPayloadBytes = 3 }
        let body = #"[{"topic":"a","payload":"abc"},{"topic":"a","payload":"abcd"}]"#
        #expect(
            call(service, .messages, .post, body)
                == (.contentTooLarge, #"{"error":"payload of messages[1] exceeds 3 bytes"}"#))
        #expect(service.metrics.errors(.payloadTooLarge) == 1)
        #expect(service.topics.count == 0)
    }
}
