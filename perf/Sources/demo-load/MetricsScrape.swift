/// The series of one `/metrics` page of the demo service that the A/B comparison and the soak need.
struct MetricsScrape: Equatable {
    /// One pool's counters (`demo_pool_*_total{pool="<name>"}`).
    struct PoolCounts: Equatable {
        var hits: UInt64 = 0
        var misses: UInt64 = 0
        var returns: UInt64 = 0
        var discards: UInt64 = 0

        /// The counts of the window between `start` and `self`.
        func since(_ start: PoolCounts) -> PoolCounts {
            PoolCounts(
                hits: hits &- start.hits, misses: misses &- start.misses, returns: returns &- start.returns,
                discards: discards &- start.discards)
        }

        /// Hits over takes; `nil` when nothing was taken.
        var hitRate: Double? {
            hits + misses == 0 ? nil : Double(hits) / Double(hits + misses)
        }
    }

    /// Requests answered, every route and status (`demo_http_requests_total` summed).
    var requests: UInt64 = 0
    /// `demo_allocations_total`: heap allocations of the service since it started.
    var allocations: UInt64?
    /// `demo_live_allocations`: allocations not yet freed.
    var liveAllocations: UInt64?
    /// `demo_heap_in_use_bytes`: mallinfo2's bytes in use.
    var heapInUseBytes: UInt64?
    /// `process_resident_memory_bytes`.
    var residentBytes: UInt64?
    /// `demo_pool_enabled`: whether the service runs its pooled allocator.
    var poolEnabled: Bool?
    /// `demo_event_loops`: the service's event-loop threads (`--threads`).
    var eventLoops: Int?
    /// The pools by name.
    var pools: [String: PoolCounts] = [:]

    /// Every pool's counts added up.
    var allPools: PoolCounts {
        pools.values.reduce(PoolCounts()) {
            PoolCounts(
                hits: $0.hits + $1.hits, misses: $0.misses + $1.misses, returns: $0.returns + $1.returns,
                discards: $0.discards + $1.discards)
        }
    }

    /// Reads the Prometheus text exposition; unknown series are skipped.
    /// - Throws: `DemoLoadError.scrape` for a sample line without a numeric value, or a page without
    ///   `demo_http_requests_total` (not the demo service).
    init(text: String) throws(DemoLoadError) {
        var sawRequests = false
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                throw .scrape("the line '\(line)' has no numeric value")
            }
            let series = line[..<space]
            let name = series.firstIndex(of: "{").map { series[..<$0] } ?? series
            let count = UInt64(max(0, value))
            switch name {
            case "demo_http_requests_total":
                requests += count
                sawRequests = true
            case "demo_allocations_total": allocations = count
            case "demo_live_allocations": liveAllocations = count
            case "demo_heap_in_use_bytes": heapInUseBytes = count
            case "process_resident_memory_bytes": residentBytes = count
            case "demo_pool_enabled": poolEnabled = value != 0
            case "demo_event_loops": eventLoops = Int(count)
            case "demo_pool_hits_total", "demo_pool_misses_total", "demo_pool_returns_total",
                "demo_pool_discards_total":
                guard let pool = Self.label("pool", in: series) else { continue }
                var counts = pools[pool] ?? PoolCounts()
                switch name {
                case "demo_pool_hits_total": counts.hits = count
                case "demo_pool_misses_total": counts.misses = count
                case "demo_pool_returns_total": counts.returns = count
                default: counts.discards = count
                }
                pools[pool] = counts
            default: continue
            }
        }
        guard sawRequests else { throw .scrape("no demo_http_requests_total series: is this the demo service?") }
    }

    /// The value of `label="…"` in a series name with labels.
    static func label(_ label: String, in series: Substring) -> String? {
        guard let start = series.firstRange(of: label + "=\"")?.upperBound,
            let end = series[start...].firstIndex(of: "\"")
        else { return nil }
        return String(series[start..<end])
    }
}
