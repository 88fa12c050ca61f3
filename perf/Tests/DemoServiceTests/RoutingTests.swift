import Testing

@testable import DemoService

@Suite struct RoutingTests {
    @Test func healthAnswersOk() throws {
        #expect(call(try makeService(), .health, .get) == (.ok, #"{"status":"ok"}"#))
    }

    @Test func unknownRoutesGet404AndAreCounted() throws {
        let service = try makeService()
        #expect(
            call(service, .unknown, .get)
                == (
                    .notFound,
                    #"{"error":"no such route; try POST /login, POST /messages, POST /echo, GET /health or GET /metrics"}"#
                ))
        #expect(service.metrics.errors(.notFound) == 1)
    }

    @Test func theWrongMethodGets405NamingTheRightOne() throws {
        let service = try makeService()
        let (response, body) = service.respond(route: .login, method: .get, body: [])
        #expect(response == DemoService.Response(status: .methodNotAllowed, allow: .post))
        #expect(String(decoding: body, as: UTF8.self) == #"{"error":"use POST for /login"}"#)
        #expect(call(service, .metrics, .post).status == .methodNotAllowed)
        #expect(service.metrics.errors(.methodNotAllowed) == 2)
    }

    @Test func routesResolveFromPathsIgnoringTheQuery() {
        func resolve(_ path: String) -> Route { Array(path.utf8).withUnsafeBufferPointer { Route.resolve($0) } }
        #expect(resolve("/login") == .login)
        #expect(resolve("/messages?x=1") == .messages)
        #expect(resolve("/health") == .health)
        #expect(resolve("/metrics") == .metrics)
        #expect(resolve("/health/") == .unknown)
        #expect(resolve("/") == .unknown)
    }

    @Test func theMetricsPageShowsRequestsErrorsConnectionsPoolsAndMemory() throws {
        let service = try makeService()
        _ = call(service, .login, .post, "{")
        service.metrics.inProcessBlock.recordRequest(route: .login, status: .badRequest, nanoseconds: 30_000)
        let (response, bytes) = service.respond(route: .metrics, method: .get, body: [])
        #expect(response.contentType == .prometheus)
        let page = String(decoding: bytes, as: UTF8.self)
        let lines = Set(page.split(separator: "\n").map(String.init))
        for expected in [
            #"demo_http_requests_total{route="/login",status="400"} 1"#,
            #"demo_http_request_duration_seconds_bucket{route="/login",le="0.000025"} 0"#,
            #"demo_http_request_duration_seconds_bucket{route="/login",le="0.00005"} 1"#,
            #"demo_http_request_duration_seconds_bucket{route="/login",le="+Inf"} 1"#,
            #"demo_http_request_duration_seconds_sum{route="/login"} 0.000030000"#,
            #"demo_http_request_duration_seconds_count{route="/login"} 1"#,
            #"demo_errors_total{kind="malformed_json"} 1"#,
            #"demo_errors_total{kind="header_timeout"} 0"#,
            #"demo_errors_total{kind="connection_limit"} 0"#,
            "demo_connections_open 0",
            #"demo_pool_enabled{allocator="pooled"} 1"#,
            #"demo_pool_misses_total{pool="decode_scratch"} 1"#,
            #"demo_pool_hits_total{pool="message"} 0"#,
            "# TYPE demo_pool_hits_total counter",
            "# TYPE demo_pool_discards_total counter",
            "# TYPE process_resident_memory_bytes gauge",
        ] {
            #expect(lines.contains(expected), "missing: \(expected)")
        }
        let rss = try #require(lines.first { $0.hasPrefix("process_resident_memory_bytes ") })
        #expect((UInt64(rss.split(separator: " ")[1]) ?? 0) > 0)
    }

    @Test func poolCountersAndTheAllocationHookAppearWhenProvided() throws {
        struct CountingAllocator: HotPathAllocator {
            var name: String { "pooled" }
            func takeBytes(_ site: ByteBufferSite, minimumCapacity: Int) -> [UInt8] {
                PlainAllocator().takeBytes(site, minimumCapacity: minimumCapacity)
            }
            func giveBack(_ bytes: consuming [UInt8], to site: ByteBufferSite) {}
            func takeDecodeScratch() -> DecodeScratch { DecodeScratch() }
            func giveBack(_ scratch: DecodeScratch) {}
            func makeMessage(payload: UnsafeBufferPointer<UInt8>) -> StoredMessage {
                StoredMessage(payload: Array(payload))
            }
            func giveBack(_ message: StoredMessage) {}
            func poolCounters() -> [PoolCounters] {
                [PoolCounters(name: "json_encode", hits: 9, misses: 1, returns: 8, discards: 2)]
            }
        }
        let service = try DemoService(
            configuration: testConfiguration(), allocator: CountingAllocator(),
            hooks: MetricsHooks(allocationCount: { 1234 }, liveAllocations: { 56 }, heapInUseBytes: { 7890 }))
        let page = Set(call(service, .metrics, .get).body.split(separator: "\n").map(String.init))
        #expect(page.contains(#"demo_pool_enabled{allocator="pooled"} 1"#))
        #expect(page.contains(#"demo_pool_hits_total{pool="json_encode"} 9"#))
        #expect(page.contains(#"demo_pool_misses_total{pool="json_encode"} 1"#))
        #expect(page.contains(#"demo_pool_returns_total{pool="json_encode"} 8"#))
        #expect(page.contains(#"demo_pool_discards_total{pool="json_encode"} 2"#))
        #expect(page.contains("demo_allocations_total 1234"))
        #expect(page.contains("demo_live_allocations 56"))
        #expect(page.contains("demo_heap_in_use_bytes 7890"))
    }

    @Test func thePlainAllocatorShowsNoPoolsAndNoHooksNoMemorySeries() throws {
        let service = try makeService { $0.pool = false }
        let page = call(service, .metrics, .get).body
        #expect(page.contains(#"demo_pool_enabled{allocator="plain"} 0"#))
        #expect(!page.contains("demo_pool_hits_total{"))
        #expect(!page.contains("demo_allocations_total"))
        #expect(!page.contains("demo_heap_in_use_bytes"))
    }
}
