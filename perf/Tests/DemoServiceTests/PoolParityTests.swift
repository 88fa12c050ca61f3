import Testing

@testable import DemoService

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Pooled and plain allocation must be indistinguishable from outside: same statuses, same bodies (session
/// tokens aside, which are random in both), same stored messages, in-process and over the socket.
@Suite struct PoolParityTests {
    /// Requests that cover every handler path, the error paths included, and reuse (rings that evict,
    /// topics over the limit, bodies of different sizes so that recycled buffers are larger than needed).
    static let requests: [(Route, HTTPMethod, String)] = [
        (.login, .post, #"{"user":"user1","password":"password1"}"#),
        (.login, .post, #"{"user":"user1","password":"wrong"}"#),
        (.login, .post, #"{"user":"nobody","password":"x"}"#),
        (.login, .post, #"{"user":"user2","password":"password2","extra":[1,{"a":null}]}"#),
        (.login, .post, #"{"user":"us\u0065r3","password":"password3"}"#),
        (.login, .post, #"{"user":1,"password":"x"}"#),
        (.login, .post, "{"),
        (.messages, .post, #"[{"topic":"a","payload":"a long first payload that a recycled message keeps room for"}]"#),
        (
            .messages, .post,
            #"[{"topic":"a","payload":"x"},{"topic":"b","payload":"y\n\"z\""},{"topic":"a","payload":""}]"#
        ),
        (.messages, .post, #"[{"topic":"c","payload":"1"},{"topic":"d","payload":"2"},{"topic":"e","payload":"3"}]"#),
        (.messages, .post, #"[{"topic":"a","payload":"4"},{"topic":"f","payload":"5"}]"#),
        (.messages, .post, #"[{"topic":"a"}]"#),
        (.messages, .post, #"[{"topic":"a","payload":"\#(String(repeating: "p", count: 80))"}]"#),
        (.messages, .post, "[1,2"),
        (.messages, .post, "[]"),
        (.health, .get, ""),
        (.health, .post, ""),
        (.unknown, .get, ""),
    ]

    func service(pool: Bool) throws -> DemoService {
        try makeService {
            $0.pool = pool
            $0.maxTopics = 4
            $0.ringCapacity = 2
            $0.maxPayloadBytes = 64
        }
    }

    /// The body with the 64 hex digits of a session token replaced by `<token>`.
    static func maskingToken(_ body: String) -> String {
        guard let start = body.firstRange(of: #""token":""#)?.upperBound,
            let end = body.index(start, offsetBy: 64, limitedBy: body.endIndex)
        else { return body }
        #expect(body[start..<end].allSatisfy { $0.isHexDigit })
        return String(body[..<start]) + "<token>" + String(body[end...])
    }

    @Test func pooledAndPlainAnswerEveryRequestAlikeInProcess() throws {
        let pooled = try service(pool: true)
        let plain = try service(pool: false)
        for round in 0..<3 {
            for (route, method, body) in Self.requests {
                let on = call(pooled, route, method, body)
                let off = call(plain, route, method, body)
                #expect(on.status == off.status, "round \(round): \(route) \(body)")
                #expect(Self.maskingToken(on.body) == Self.maskingToken(off.body), "round \(round): \(route) \(body)")
            }
        }
        for topic in ["a", "b", "c", "d", "e", "f"] {
            let on = pooled.topics.messages(topic: topic)
            let off = plain.topics.messages(topic: topic)
            #expect(on.map(\.sequence) == off.map(\.sequence) && on.map(\.payload) == off.map(\.payload), "\(topic)")
        }
        #expect(pooled.sessions.count == plain.sessions.count)
        let allocator = try #require(pooled.allocator as? PooledAllocator)
        #expect(try #require(allocator.poolCounters().first { $0.name == "message" }).hits > 0)
    }

    #if os(Linux)
    // Over the socket of the epoll server: Linux only.
    @Test func pooledAndPlainServersAnswerTheSameBytesOverTheSocket() throws {
        var answers: [[String]] = []
        for pool in [true, false] {
            let server = try startServer {
                $0.pool = pool
                $0.maxTopics = 4
                $0.ringCapacity = 2
            }
            defer { _ = server.shutdown() }
            let client = try TestClient(port: server.port)
            var stream = ""
            for (route, method, body) in Self.requests where route != .unknown {
                stream += request(method == .post ? "POST" : "GET", route.label, body: body)
            }
            stream += request("GET", "/nowhere")
            // Split at odd places so that partial requests wait in pooled request buffers.
            let bytes = Array(stream.utf8)
            var offset = 0
            for size in [7, 150, 1, 333, 64] where offset < bytes.count {
                client.send(Array(bytes[offset..<min(bytes.count, offset + size)]))
                offset += size
                usleepForSplit()
            }
            if offset < bytes.count { client.send(Array(bytes[offset...])) }
            var responses: [String] = []
            for _ in 0..<Self.requests.count {
                let response = try client.readResponse()
                responses.append("\(response.status) \(Self.maskingToken(response.body))")
            }
            answers.append(responses)
        }
        #expect(answers[0] == answers[1])
        #expect(answers[0].count == Self.requests.count)
    }
    #endif
}

/// A short pause between the pieces of a split request, so that the server reads them separately.
private func usleepForSplit() {
    var pause = timespec(tv_sec: 0, tv_nsec: 5_000_000)
    nanosleep(&pause, nil)
}
