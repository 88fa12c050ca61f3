import Testing

@testable import DemoService

/// `POST /echo`: the payload sweeps' route (perf-micro's `pipeline/echo`, perf/macro/http-payload.json).
@Suite struct EchoHandlerTests {
    /// A JSON body of about `kilobytes` KiB: an array of 1,000-byte strings, the last one shorter.
    static func body(kilobytes: Int) -> String {
        let target = kilobytes * 1024
        var parts: [String] = []
        var length = 2
        while length < target {
            let room = target - length - (parts.isEmpty ? 0 : 1) - 2
            let text = String(repeating: "p", count: max(0, min(1000, room)))
            parts.append("\"\(text)\"")
            length += text.count + 2 + (parts.count > 1 ? 1 : 0)
        }
        return "[" + parts.joined(separator: ",") + "]"
    }

    @Test(arguments: [1, 10, 25, 50])
    func aJSONBodyIsAnsweredBackUnchanged(kilobytes: Int) throws {
        let service = try makeService()
        let body = Self.body(kilobytes: kilobytes)
        #expect(body.utf8.count == kilobytes * 1024)
        let answer = call(service, .echo, .post, body)
        #expect(answer.status == .ok)
        #expect(answer.body == body)
    }

    @Test func anyJSONValueIsEchoed() throws {
        let service = try makeService()
        for body in [#"{"a":[1,2.5e3,true,null],"b":{"c":"\u00e9"}}"#, " 42 ", #""text""#] {
            #expect(call(service, .echo, .post, body) == (.ok, body))
        }
    }

    @Test func aMalformedBodyGets400IsNotEchoedAndIsCounted() throws {
        let service = try makeService()
        let answer = call(service, .echo, .post, #"["open", "#)
        #expect(answer.status == .badRequest)
        #expect(answer.body.hasPrefix(#"{"error":"malformed JSON at byte"#))
        #expect(call(service, .echo, .post, #"[1] [2]"#).status == .badRequest)
        #expect(call(service, .echo, .post, "").status == .badRequest)
        #expect(service.metrics.errors(.malformedJSON) == 3)
    }

    @Test func getIsRefusedWith405AllowingPost() throws {
        let service = try makeService()
        let (response, _) = service.respond(route: .echo, method: .get, body: [])
        #expect(response.status == .methodNotAllowed && response.allow == .post)
    }

    @Test func theRouteResolvesFromItsPath() {
        func resolve(_ path: String) -> Route { Array(path.utf8).withUnsafeBufferPointer { Route.resolve($0) } }
        #expect(resolve("/echo") == .echo)
        #expect(resolve("/echo?size=50k") == .echo)
        #expect(resolve("/echoes") == .unknown)
    }

    #if os(Linux)
    /// A 50 KiB body over a socket, with the default `--max-body` (64 KiB): head and body span many reads and
    /// writes, and the answer comes back whole.
    @Test func aFiftyKilobyteBodyIsEchoedOverASocket() throws {
        let server = try startServer()
        defer { _ = server.shutdown() }
        let client = try TestClient(port: server.port)
        let body = Self.body(kilobytes: 50)
        client.send(request("POST", "/echo", body: body))
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.header("Content-Length") == "\(51_200)")
        #expect(response.body == body)
        #expect(server.service.metrics.requests(route: .echo, status: .ok) == 1)
    }
    #endif
}
