/// `GET /metrics`: the Prometheus text exposition of every counter.
extension DemoService {
    /// Appends the metrics page. Not on the hot path: it allocates freely.
    ///
    /// - Complexity: O(routes × (statuses + buckets) + error kinds + pools).
    func appendMetricsPage(to output: inout [UInt8]) {
        let memory = MemoryReadings(hooks)
        var page = PrometheusPage()
        page.family("demo_http_requests_total", "counter", "Requests answered, by route and status.")
        for route in Route.allCases {
            for status in HTTPStatus.allCases {
                let count = metrics.requests(route: route, status: status)
                guard count > 0 || (status == .ok && route != .unknown) else { continue }
                page.sample(
                    "demo_http_requests_total", [("route", route.label), ("status", String(status.rawValue))], count)
            }
        }
        page.family(
            "demo_http_request_duration_seconds", "histogram",
            "Service time from a complete request to its queued response, by route.")
        for route in Route.allCases {
            let (buckets, sum) = metrics.latency(route: route)
            var cumulative: UInt64 = 0
            for (index, count) in buckets.enumerated() {
                cumulative += count
                let bound =
                    index < ServiceMetrics.latencyBoundLabels.count ? ServiceMetrics.latencyBoundLabels[index] : "+Inf"
                page.sample(
                    "demo_http_request_duration_seconds_bucket", [("route", route.label), ("le", bound)], cumulative)
            }
            page.sample("demo_http_request_duration_seconds_sum", [("route", route.label)], seconds: sum)
            page.sample("demo_http_request_duration_seconds_count", [("route", route.label)], cumulative)
        }
        page.family("demo_errors_total", "counter", "Bad input and failures, by kind.")
        for kind in ErrorKind.allCases {
            page.sample("demo_errors_total", [("kind", kind.label)], metrics.errors(kind))
        }
        appendConnectionSeries(to: &page)
        appendStateSeries(to: &page)
        appendPoolSeries(to: &page)
        appendMemorySeries(memory, to: &page)
        page.family("process_resident_memory_bytes", "gauge", "Resident set size from /proc/self/statm.")
        page.sample("process_resident_memory_bytes", [], ProcessMemory.residentBytes() ?? 0)
        output.append(contentsOf: page.bytes)
    }

    private func appendConnectionSeries(to page: inout PrometheusPage) {
        page.family("demo_connections_open", "gauge", "Connections open now.")
        page.sample("demo_connections_open", [], UInt64(max(0, metrics.connectionsOpen)))
        page.family("demo_connections_accepted_total", "counter", "Connections accepted, including rejected ones.")
        page.sample("demo_connections_accepted_total", [], metrics.scalar(.connectionsAccepted))
        page.family("demo_connections_closed_total", "counter", "Connections closed, by reason.")
        for reason in CloseReason.allCases {
            page.sample("demo_connections_closed_total", [("reason", reason.label)], metrics.closes(reason))
        }
        page.family("demo_received_bytes_total", "counter", "Request bytes read from sockets.")
        page.sample("demo_received_bytes_total", [], metrics.scalar(.bytesReceived))
        page.family("demo_sent_bytes_total", "counter", "Response bytes written to sockets.")
        page.sample("demo_sent_bytes_total", [], metrics.scalar(.bytesSent))
        page.family("demo_event_loops", "gauge", "Event-loop threads.")
        page.sample("demo_event_loops", [], UInt64(configuration.threads))
    }

    private func appendStateSeries(to page: inout PrometheusPage) {
        page.family("demo_sessions", "gauge", "Sessions in the LRU cache.")
        page.sample("demo_sessions", [], UInt64(sessions.count))
        page.family("demo_sessions_created_total", "counter", "Sessions created by successful logins.")
        page.sample("demo_sessions_created_total", [], metrics.scalar(.sessionsCreated))
        page.family("demo_sessions_evicted_total", "counter", "Sessions evicted from the full LRU cache.")
        page.sample("demo_sessions_evicted_total", [], metrics.scalar(.sessionsEvicted))
        page.family("demo_topics", "gauge", "Topics with a ring buffer.")
        page.sample("demo_topics", [], UInt64(topics.count))
        page.family("demo_messages_stored_total", "counter", "Messages stored in topic rings.")
        page.sample("demo_messages_stored_total", [], metrics.scalar(.messagesStored))
        page.family("demo_messages_evicted_total", "counter", "Messages overwritten in full rings.")
        page.sample("demo_messages_evicted_total", [], metrics.scalar(.messagesEvicted))
    }

    /// The allocator's pools: hits, misses, returns and discards per pool (none for the plain allocator).
    private func appendPoolSeries(to page: inout PrometheusPage) {
        page.family("demo_pool_enabled", "gauge", "1 when the hot path allocates from pools (--pool on), else 0.")
        page.sample("demo_pool_enabled", [("allocator", allocator.name)], allocator.name == "plain" ? 0 : 1)
        let pools = allocator.poolCounters()
        let series: [(String, String, KeyPath<PoolCounters, UInt64>)] = [
            ("demo_pool_hits_total", "Takes served by a recycled object.", \.hits),
            ("demo_pool_misses_total", "Takes that had to allocate.", \.misses),
            ("demo_pool_returns_total", "Objects given back and kept.", \.returns),
            ("demo_pool_discards_total", "Objects given back and dropped.", \.discards),
        ]
        for (name, help, keyPath) in series {
            page.family(name, "counter", help)
            for pool in pools { page.sample(name, [("pool", pool.name)], pool[keyPath: keyPath]) }
        }
    }

    /// The `MetricsHooks` series, each only when its hook is installed and answers.
    private func appendMemorySeries(_ memory: MemoryReadings, to page: inout PrometheusPage) {
        if let allocations = memory.allocations {
            page.family("demo_allocations_total", "counter", "Heap allocations of the process since the start.")
            page.sample("demo_allocations_total", [], allocations)
        }
        if let live = memory.liveAllocations {
            page.family("demo_live_allocations", "gauge", "Heap allocations not yet freed (allocations - frees).")
            page.sample("demo_live_allocations", [], UInt64(max(0, live)))
        }
        if let heap = memory.heapInUseBytes {
            page.family(
                "demo_heap_in_use_bytes", "gauge", "Bytes malloc has handed out and not taken back (mallinfo2).")
            page.sample("demo_heap_in_use_bytes", [], heap)
        }
    }
}

/// The hooks' values, read before the metrics page allocates anything.
private struct MemoryReadings {
    var allocations: UInt64?
    var liveAllocations: Int64?
    var heapInUseBytes: UInt64?

    init(_ hooks: MetricsHooks) {
        allocations = hooks.allocationCount?()
        liveAllocations = hooks.liveAllocations?()
        heapInUseBytes = hooks.heapInUseBytes.flatMap { $0() }
    }
}

/// A Prometheus text page under construction.
struct PrometheusPage {
    private(set) var bytes: [UInt8] = []

    /// `# HELP` and `# TYPE` lines of a metric family.
    mutating func family(_ name: String, _ type: String, _ help: String) {
        append("# HELP \(name) \(help)\n# TYPE \(name) \(type)\n")
    }

    /// One sample with an integer value.
    mutating func sample(_ name: String, _ labels: [(String, String)], _ value: UInt64) {
        appendName(name, labels)
        append(" \(value)\n")
    }

    /// One sample with a value in seconds, given in nanoseconds (written with nine decimals).
    mutating func sample(_ name: String, _ labels: [(String, String)], seconds nanoseconds: UInt64) {
        appendName(name, labels)
        var fraction = String(nanoseconds % 1_000_000_000)
        while fraction.count < 9 { fraction = "0" + fraction }
        append(" \(nanoseconds / 1_000_000_000).\(fraction)\n")
    }

    private mutating func appendName(_ name: String, _ labels: [(String, String)]) {
        append(name)
        guard !labels.isEmpty else { return }
        append("{")
        for (index, (label, value)) in labels.enumerated() {
            append(index == 0 ? "" : ",")
            append("\(label)=\"\(value)\"")
        }
        append("}")
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }
}
