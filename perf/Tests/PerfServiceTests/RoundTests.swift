import DemoService
import Testing

@testable import perf_service

/// Short real rounds of both cases: what they count, not how fast (timing never decides a unit test).
@Suite struct RoundTests {
    @Test func concurrentClientsAreAnsweredThroughTheWholePipeline() {
        var configuration = ServiceConfiguration()
        configuration.users = 8
        configuration.hashRounds = 16
        configuration.threads = 1
        let service = try! DemoService(configuration: configuration)
        let round = ConcurrentPipeline(clients: 6, window: .milliseconds(30), service: service).run()
        #expect(round.latenciesNs.count >= 6)
        #expect(round.failures == 0)
        #expect(round.latenciesNs == round.latenciesNs.sorted())
        #expect(round.latenciesNs.allSatisfy { $0 > 0 })
        #expect(round.elapsedNs >= 30_000_000)
        // Both requests ran: the batch stored messages in its three topics, the login created a session.
        #expect(service.topics.count == 3)
        #expect(service.sessions.count >= 1)
    }

    @Test func servingARequestWritesTheServersHeadAndBody() {
        var configuration = ServiceConfiguration()
        configuration.users = 8
        configuration.hashRounds = 16
        let service = try! DemoService(configuration: configuration)
        var parser = HTTPRequestParser(maxHeadBytes: 8192, maxBodyBytes: 65536)
        var body: [UInt8] = []
        var output: [UInt8] = []
        let status = ConcurrentPipeline.requests[1].withUnsafeBufferPointer {
            service.serve(request: $0, parser: &parser, body: &body, output: &output)
        }
        #expect(status == .ok)
        let text = String(decoding: output, as: UTF8.self)
        #expect(text.hasPrefix("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "))
        #expect(
            text.hasSuffix("\r\n\r\n" + #"{"accepted":10,"rejected":0,"topics":{"alerts":4,"orders":3,"audit":3}}"#))
        let truncated = Array(ConcurrentPipeline.requests[1].dropLast())
        #expect(
            truncated.withUnsafeBufferPointer {
                service.serve(request: $0, parser: &parser, body: &body, output: &output)
            } == nil)
    }

    @Test func publishersStoreMessagesIntoTheTopicStore() {
        let round = QueueThroughput(publishers: 2, window: .milliseconds(20)).run()
        #expect(round.messages >= 2 * 256)
        #expect(round.messages % 256 == 0)
        // Every message is counted once: what was not evicted is what 16 rings of 64 hold.
        #expect(round.messages - round.evicted == min(round.messages, QueueThroughput.topics * 64))
        #expect(round.elapsedNs >= 20_000_000)
        #expect(round.messagesPerSec > 0)
    }
}
