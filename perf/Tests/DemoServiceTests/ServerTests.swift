import Testing

@testable import DemoService

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Every test here talks to the epoll server over a socket: Linux only.
#if os(Linux)

/// End-to-end tests over 127.0.0.1: a server on an ephemeral port, a raw-socket client with 5 s timeouts.
@Suite struct ServerTests {
    @Test func requestsShareAKeepAliveConnection() throws {
        let server = try startServer()
        defer { _ = server.shutdown() }
        let client = try TestClient(port: server.port)
        for _ in 0..<3 {
            client.send(request("GET", "/health"))
            let response = try client.readResponse()
            #expect(response.status == 200 && response.body == #"{"status":"ok"}"#)
            #expect(response.header("Connection") == nil)
        }
        #expect(server.service.metrics.requests(route: .health, status: .ok) == 3)
        #expect(server.service.metrics.scalar(.connectionsAccepted) == 1)
    }

    @Test func pipelinedRequestsInOneWriteAreAnsweredInOrder() throws {
        let server = try startServer()
        defer { _ = server.shutdown() }
        let client = try TestClient(port: server.port)
        client.send(
            request("POST", "/login", body: #"{"user":"user1","password":"password1"}"#)
                + request("POST", "/messages", body: #"[{"topic":"a","payload":"x"}]"#)
                + request("GET", "/nowhere") + request("GET", "/health"))
        let login = try client.readResponse()
        #expect(login.status == 200 && login.body.hasSuffix(#""user":"user1"}"#))
        #expect(try client.readResponse().body == #"{"accepted":1,"rejected":0,"topics":{"a":1}}"#)
        #expect(try client.readResponse().status == 404)
        #expect(try client.readResponse().body == #"{"status":"ok"}"#)
    }

    @Test func pipelinedRequestsSplitAtOddPlacesAreAnsweredInOrder() throws {
        let server = try startServer()
        defer { _ = server.shutdown() }
        let client = try TestClient(port: server.port)
        let bytes = Array(
            (request("POST", "/messages", body: #"[{"topic":"a","payload":"x"}]"#)
                + request("GET", "/health") + request("POST", "/messages", body: #"[{"topic":"b","payload":"y"}]"#))
                .utf8)
        var offset = 0
        for size in [1, 7, 30, 2, 50, 1, 1000] where offset < bytes.count {
            let end = min(bytes.count, offset + size)
            client.send(Array(bytes[offset..<end]))
            offset = end
            usleep(2000)
        }
        #expect(try client.readResponse().body == #"{"accepted":1,"rejected":0,"topics":{"a":1}}"#)
        #expect(try client.readResponse().body == #"{"status":"ok"}"#)
        #expect(try client.readResponse().body == #"{"accepted":1,"rejected":0,"topics":{"b":1}}"#)
    }

    @Test func malformedJSONGets400AndTheConnectionStaysUsable() throws {
        let server = try startServer()
        defer { _ = server.shutdown() }
        let client = try TestClient(port: server.port)
        client.send(request("POST", "/login", body: #"{"user":"#))
        let response = try client.readResponse()
        #expect(response.status == 400)
        #expect(response.header("Content-Type") == "application/json")
        #expect(response.body == #"{"error":"malformed JSON at byte 8: unexpected end of input"}"#)
        client.send(request("GET", "/health"))
        #expect(try client.readResponse().status == 200)
        #expect(server.service.metrics.errors(.malformedJSON) == 1)
    }

    @Test func aBodyOverTheLimitGets413AndTheConnectionCloses() throws {
        let server = try startServer { $0.maxBodyBytes = 100 }
        defer { _ = server.shutdown() }
        let client = try TestClient(port: server.port)
        client.send("POST /messages HTTP/1.1\r\nContent-Length: 101\r\n\r\n" + String(repeating: "x", count: 101))
        let response = try client.readResponse()
        #expect(response.status == 413 && response.header("Connection") == "close")
        #expect(response.body == #"{"error":"request body exceeds 100 bytes"}"#)
        #expect(try client.readUntilClosed() == "")
        #expect(server.service.metrics.errors(.bodyTooLarge) == 1)
    }

    @Test func anUnknownRouteGets404() throws {
        let server = try startServer()
        defer { _ = server.shutdown() }
        let client = try TestClient(port: server.port)
        client.send(request("GET", "/admin"))
        #expect(try client.readResponse().status == 404)
        #expect(server.service.metrics.errors(.notFound) == 1)
        #expect(server.service.metrics.requests(route: .unknown, status: .notFound) == 1)
    }

    @Test func malformedHeadsGetTheirStatusAndClose() throws {
        let server = try startServer { $0.maxHeaderBytes = 256 }
        defer { _ = server.shutdown() }
        let cases: [(String, Int)] = [
            ("GET / HTTP/1.1\nHost: x\r\n\r\n", 400),
            ("GET / HTTP/3.0\r\n\r\n", 505),
            ("POST /login HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", 501),
            ("GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: 300) + "\r\n\r\n", 431),
        ]
        for (text, status) in cases {
            let client = try TestClient(port: server.port)
            client.send(text)
            let response = try client.readResponse()
            #expect(response.status == status && response.header("Connection") == "close", "\(text.debugDescription)")
            #expect(try client.readUntilClosed() == "")
        }
        let metrics = server.service.metrics
        #expect(metrics.errors(.badRequest) == 1 && metrics.errors(.unsupportedVersion) == 1)
        #expect(metrics.errors(.unsupportedTransferEncoding) == 1 && metrics.errors(.headerTooLarge) == 1)
    }

    @Test func aSlowClientIsClosedAfterTheHeaderTimeout() throws {
        let server = try startServer { $0.headerTimeout = .milliseconds(200) }
        defer { _ = server.shutdown() }
        let client = try TestClient(port: server.port)
        client.send("GET /health HTTP/1.1\r\nHost: slow\r\n")
        #expect(try client.readUntilClosed() == "")
        let metrics = server.service.metrics
        #expect(eventually { metrics.errors(.headerTimeout) == 1 && metrics.closes(.headerTimeout) == 1 })
    }

    @Test func aBodyThatStallsIsClosedAfterTheHeaderTimeoutToo() throws {
        let server = try startServer { $0.headerTimeout = .milliseconds(200) }
        defer { _ = server.shutdown() }
        let client = try TestClient(port: server.port)
        client.send("POST /messages HTTP/1.1\r\nContent-Length: 10\r\n\r\n[{")
        #expect(try client.readUntilClosed() == "")
        let metrics = server.service.metrics
        #expect(eventually { metrics.errors(.bodyTimeout) == 1 && metrics.closes(.bodyTimeout) == 1 })
        #expect(metrics.errors(.headerTimeout) == 0)
    }

    @Test func aConnectionThatNeverSpeaksIsClosedAfterTheHeaderTimeoutToo() throws {
        let server = try startServer { $0.headerTimeout = .milliseconds(200) }
        defer { _ = server.shutdown() }
        let client = try TestClient(port: server.port)
        #expect(try client.readUntilClosed() == "")
        #expect(eventually { server.service.metrics.errors(.headerTimeout) == 1 })
    }

    @Test func connectionsOverTheLimitGet503AndAreClosed() throws {
        let server = try startServer { $0.maxConnections = 2 }
        defer { _ = server.shutdown() }
        let first = try TestClient(port: server.port)
        let second = try TestClient(port: server.port)
        for client in [first, second] {
            client.send(request("GET", "/health"))
            #expect(try client.readResponse().status == 200)
        }
        let third = try TestClient(port: server.port)
        let response = try third.readResponse()
        #expect(response.status == 503 && response.header("Connection") == "close")
        #expect(response.body == #"{"error":"the server has 2 connections open; retry later"}"#)
        #expect(try third.readUntilClosed() == "")
        let metrics = server.service.metrics
        #expect(metrics.errors(.connectionLimit) == 1)
        #expect(eventually { metrics.closes(.rejected) == 1 })
        #expect(metrics.connectionsOpen == 2)
        first.send("GET /health HTTP/1.1\r\nConnection: close\r\n\r\n")
        #expect(try first.readResponse().header("Connection") == "close")
        #expect(eventually { metrics.connectionsOpen == 1 })
        let fourth = try TestClient(port: server.port)
        fourth.send(request("GET", "/health"))
        #expect(try fourth.readResponse().status == 200)
    }

    @Test func http10ClosesUnlessKeepAliveIsAsked() throws {
        let server = try startServer()
        defer { _ = server.shutdown() }
        let keepAlive = try TestClient(port: server.port)
        keepAlive.send("GET /health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(try keepAlive.readResponse().header("Connection") == "keep-alive")
        let plain = try TestClient(port: server.port)
        plain.send("GET /health HTTP/1.0\r\n\r\n")
        #expect(try plain.readResponse().header("Connection") == "close")
        #expect(try plain.readUntilClosed() == "")
    }

    @Test func expectContinueGetsAnInterimResponseBeforeTheBody() throws {
        let server = try startServer()
        defer { _ = server.shutdown() }
        let client = try TestClient(port: server.port)
        let body = #"[{"topic":"c","payload":"z"}]"#
        client.send("POST /messages HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: \(body.utf8.count)\r\n\r\n")
        #expect(try client.readResponse().status == 100)
        client.send(body)
        #expect(try client.readResponse().status == 200)
    }

    @Test func theMetricsEndpointServesPrometheusText() throws {
        let server = try startServer()
        defer { _ = server.shutdown() }
        let client = try TestClient(port: server.port)
        client.send(request("GET", "/health") + request("GET", "/metrics"))
        _ = try client.readResponse()
        let metrics = try client.readResponse()
        #expect(metrics.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
        #expect(metrics.body.contains("\ndemo_http_requests_total{route=\"/health\",status=\"200\"} 1\n"))
        #expect(metrics.body.contains("\ndemo_connections_open 1\n"))
    }

    @Test func shutdownDrainsTheInFlightRequestThenRefusesConnections() throws {
        let server = try startServer()
        let port = server.port
        let idle = try TestClient(port: port)
        idle.send(request("GET", "/health"))
        #expect(try idle.readResponse().status == 200)
        let busy = try TestClient(port: port)
        let body = #"[{"topic":"d","payload":"drained"}]"#
        busy.send("POST /messages HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: \(body.utf8.count)\r\n\r\n")
        #expect(try busy.readResponse().status == 100)

        server.beginShutdown()
        #expect(try idle.readUntilClosed() == "")
        busy.send(body)
        let response = try busy.readResponse()
        #expect(response.status == 200 && response.header("Connection") == "close")
        #expect(response.body == #"{"accepted":1,"rejected":0,"topics":{"d":1}}"#)
        #expect(try busy.readUntilClosed() == "")
        #expect(throws: TestClientError.connectFailed(ECONNREFUSED)) { try TestClient(port: port) }
        #expect(server.waitUntilStopped() == ShutdownSummary(drained: 2, forced: 0))
        #expect(server.service.metrics.closes(.shutdown) == 1)
    }

    @Test func theDrainTimeoutClosesStuckConnectionsByForce() throws {
        let server = try startServer { $0.drainTimeout = .milliseconds(200) }
        let stuck = try TestClient(port: server.port)
        stuck.send("POST /messages HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\n")
        #expect(try stuck.readResponse().status == 100)
        #expect(server.shutdown() == ShutdownSummary(drained: 0, forced: 1))
        #expect(try stuck.readUntilClosed() == "")
        #expect(server.service.metrics.errors(.drainForced) == 1)
    }

    @Test func twoEventLoopsShareThePort() throws {
        let server = try startServer { $0.threads = 2 }
        defer { _ = server.shutdown() }
        let clients = try (0..<8).map { _ in try TestClient(port: server.port) }
        for client in clients { client.send(request("GET", "/health")) }
        for client in clients { #expect(try client.readResponse().status == 200) }
        #expect(server.service.metrics.requests(route: .health, status: .ok) == 8)
    }

    @Test func aPortInUseIsReportedWithTheAddress() throws {
        let blocker = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        defer { close(blocker) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(blocker, $0, length) == 0 && listen(blocker, 1) == 0 && getsockname(blocker, $0, &length) == 0
            }
        }
        #expect(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))
        #expect(
            throws: DemoServiceError.cannotListen(address: "127.0.0.1:\(port)", reason: "Address already in use")
        ) {
            _ = try startServer { $0.port = port }
        }
    }
}

#endif
