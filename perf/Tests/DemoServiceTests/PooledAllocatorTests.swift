import Testing

@testable import DemoService

@Suite struct PooledAllocatorTests {
    func allocator(strict: Bool = false) -> PooledAllocator {
        PooledAllocator(configuration: testConfiguration(), strictChecks: strict)
    }

    func counters(_ allocator: PooledAllocator, _ name: String) throws -> PoolCounters {
        try #require(allocator.poolCounters().first { $0.name == name })
    }

    @Test func itReportsEveryPoolInTheSpecsOrder() {
        #expect(
            allocator().poolCounters().map(\.name) == [
                "decode_scratch", "message", "token_bytes", "json_encode", "request_buffer", "response_buffer",
            ])
        #expect(allocator().name == "pooled")
    }

    @Test func aReturnedScratchIsReusedEmpty() throws {
        let pool = allocator()
        let first = pool.takeDecodeScratch()
        first.bytes.append(contentsOf: [1, 2, 3])
        pool.giveBack(first)
        let second = pool.takeDecodeScratch()
        #expect(second === first)
        #expect(second.bytes.isEmpty && second.bytes.capacity >= 3)
        pool.giveBack(second)
        #expect(
            try counters(pool, "decode_scratch")
                == PoolCounters(name: "decode_scratch", hits: 1, misses: 1, returns: 2, discards: 0))
    }

    @Test func aScratchThatGrewPastTheLimitLetsGoOfItsBytes() {
        let pool = allocator()
        let scratch = pool.takeDecodeScratch()
        scratch.bytes.append(contentsOf: repeatElement(7, count: PooledAllocator.scratchByteLimit + 1))
        pool.giveBack(scratch)
        let reused = pool.takeDecodeScratch()
        #expect(reused === scratch)
        #expect(reused.bytes.capacity == 0)
        #expect(reused.retainedBytes <= PooledAllocator.scratchByteLimit)
    }

    @Test(arguments: [ByteBufferSite.requestBuffer, .responseBuffer, .jsonEncode, .tokenBytes])
    func buffersComeBackEmptyWithTheCapacityAskedFor(_ site: ByteBufferSite) throws {
        let pool = allocator()
        let minimum = site == .tokenBytes ? 32 : 700
        var bytes = pool.takeBytes(site, minimumCapacity: minimum)
        #expect(bytes.isEmpty && bytes.capacity >= minimum)
        bytes.append(contentsOf: repeatElement(1, count: minimum))
        pool.giveBack(bytes, to: site)
        let again = pool.takeBytes(site, minimumCapacity: minimum)
        #expect(again.isEmpty && again.capacity >= minimum)
        let counts = try counters(pool, site.label)
        #expect(counts.hits == 1 && counts.misses == 1 && counts.returns == 1 && counts.discards == 0)
    }

    @Test func aBufferThatOutgrewItsLargestClassIsDiscarded() throws {
        let pool = allocator()
        var bytes = pool.takeBytes(.jsonEncode, minimumCapacity: 512)
        bytes.append(contentsOf: repeatElement(0, count: 200_000))
        pool.giveBack(bytes, to: .jsonEncode)
        #expect(try counters(pool, "json_encode").discards == 1)
    }

    @Test func aTokenBufferLargerThanATokenIsNotPooled() throws {
        let pool = allocator()
        let bytes = pool.takeBytes(.tokenBytes, minimumCapacity: 64)
        #expect(bytes.isEmpty && bytes.capacity >= 64)
        let counts = try counters(pool, "token_bytes")
        #expect(counts.hits == 0 && counts.misses == 0)
    }

    @Test func anEvictedMessageIsRecycledWithTheNextPayload() throws {
        let pool = allocator()
        let first = Array("first payload".utf8).withUnsafeBufferPointer { pool.makeMessage(payload: $0) }
        first.sequence = 41
        pool.giveBack(first)
        let second = Array("two".utf8).withUnsafeBufferPointer { pool.makeMessage(payload: $0) }
        #expect(second === first)
        #expect(second.payload == Array("two".utf8) && second.sequence == 0)
        #expect(try counters(pool, "message").hits == 1)
    }

    @Test func messagesStoredByTheServiceComeBackWhenEvicted() throws {
        let service = try makeService { $0.ringCapacity = 2 }
        for index in 0..<5 {
            let status = call(service, .messages, .post, #"[{"topic":"t","payload":"m\#(index)"}]"#).status
            #expect(status == .ok)
        }
        #expect(service.topics.messages(topic: "t").map(\.payload) == [Array("m3".utf8), Array("m4".utf8)])
        let allocator = try #require(service.allocator as? PooledAllocator)
        let messages = try counters(allocator, "message")
        // A request takes its message before the ring evicts the oldest: three misses (two fill the ring, the
        // third evicts the first), then every request reuses the message the previous one evicted.
        #expect(messages.misses == 3 && messages.hits == 2 && messages.returns == 3)
    }

    @Test func aDoubleGiveBackTrapsWithStrictChecks() async {
        await #expect(processExitsWith: .failure) {
            let pool = PooledAllocator(configuration: testConfiguration(), strictChecks: true)
            let scratch = pool.takeDecodeScratch()
            pool.giveBack(scratch)
            pool.giveBack(scratch)
        }
    }
}
