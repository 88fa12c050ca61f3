/// Live figures in the Prometheus text exposition format, version 0.0.4, as `GET /metrics` serves them.
///
/// Every family has its `# HELP` and `# TYPE` lines; counters end in `_total`. The latency is a Prometheus
/// histogram, `loadgen_latency_seconds`, whose `le` boundaries are fixed (`latencyBoundsNs`): each is the upper
/// edge of the log-linear bucket that holds a nominal 1-2-5 value from 10 µs to 50 s, so every cumulative count
/// is exact — the sum of whole buckets, never interpolated — and each `le` lies at most 0.1 % above its nominal
/// value (10 µs → `0.000010007`, 1 ms → `0.001000447`). `+Inf` equals `_count`; `_sum` is exact to the
/// nanosecond.
public enum PrometheusText {
    /// The content type of the exposition format.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// The nominal bucket boundaries, in nanoseconds: 1-2-5 steps from 10 µs to 50 s.
    public static let nominalBoundsNs: [UInt64] = {
        var bounds: [UInt64] = []
        var decade: UInt64 = 10_000
        while decade <= 10_000_000_000 {
            for step: UInt64 in [1, 2, 5] { bounds.append(decade * step) }
            decade *= 10
        }
        return bounds
    }()

    /// The `le` boundaries, in nanoseconds: for each nominal value, the highest value of the histogram bucket
    /// that holds it, so that "values ≤ le" are exactly the buckets up to that one.
    public static let latencyBoundsNs: [UInt64] = nominalBoundsNs.map { Layout.highestValue(at: Layout.index(of: $0)) }

    /// The exposition of `figures`: one family after another, each with HELP and TYPE, ending in a newline.
    public static func render(_ figures: LiveFigures) -> String {
        var text = ""
        func family(_ name: String, _ type: String, _ help: String, _ samples: [(labels: String, value: String)]) {
            text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
            for sample in samples { text += "\(name)\(sample.labels) \(sample.value)\n" }
        }
        func plain(_ value: UInt64) -> [(labels: String, value: String)] { [("", String(value))] }
        family(
            "loadgen_requests_total", "counter", "Responses to measured requests (after the warmup).",
            plain(figures.requests))
        family(
            "loadgen_responses_total", "counter",
            "Responses to measured requests by status class (other: a status outside 100-599).",
            zip(LiveFigures.statusClasses, figures.statuses).map { ("{status=\"\($0.0)\"}", String($0.1)) })
        family(
            "loadgen_errors_total", "counter",
            "Requests that failed without a response, by class (connect counts connection attempts).",
            ErrorClass.allCases.map { ("{class=\"\($0.description)\"}", String(figures.errors[$0])) })
        family(
            "loadgen_requests_per_second", "gauge",
            "Responses in the last whole second of the measured window (each shard's last whole second, summed).",
            plain(figures.lastSecondRequests))
        family(
            "loadgen_received_bytes_total", "counter", "Bytes read in the measured window.", plain(figures.bytes))
        family(
            "loadgen_in_flight_requests", "gauge", "Requests written and not yet answered, at the last second.",
            plain(figures.inFlight))
        family(
            "loadgen_open_connections", "gauge", "Open connections to the target, at the last second.",
            plain(figures.connections))
        family(
            "loadgen_shards_reporting", "gauge", "Processes whose figures these are (1 for a single run).",
            plain(UInt64(figures.shards)))
        family(
            "loadgen_finished", "gauge", "1 once the run has ended and these are its exact final figures.",
            plain(figures.finished ? 1 : 0))
        var samples: [(labels: String, value: String)] = []
        for (bound, count) in zip(latencyBoundsNs, cumulativeCounts(figures.latency)) {
            samples.append(("_bucket{le=\"\(seconds(bound))\"}", String(count)))
        }
        samples.append(("_bucket{le=\"+Inf\"}", String(figures.latency.totalCount)))
        samples.append(("_sum", seconds(figures.latency.sum)))
        samples.append(("_count", String(figures.latency.totalCount)))
        family(
            "loadgen_latency_seconds", "histogram",
            "Latency from the intended send time (corrected for coordinated omission); le are bucket edges, exact.",
            samples)
        return text
    }

    /// The number of values at or below each of `latencyBoundsNs`, from whole buckets.
    static func cumulativeCounts(_ histogram: LatencyHistogram) -> [UInt64] {
        let edges = latencyBoundsNs.map { Layout.index(of: $0) }
        var counts = [UInt64](repeating: 0, count: edges.count)
        var running: UInt64 = 0
        var edge = 0
        for (index, count) in histogram.nonZeroBuckets {
            while edge < edges.count, edges[edge] < index {
                counts[edge] = running
                edge += 1
            }
            running += count
        }
        while edge < edges.count {
            counts[edge] = running
            edge += 1
        }
        return counts
    }

    /// Nanoseconds as exact decimal seconds, without trailing zeros: 1000447 → `0.001000447`, 2e9 → `2`.
    static func seconds(_ nanoseconds: UInt64) -> String {
        let fraction = nanoseconds % 1_000_000_000
        guard fraction != 0 else { return String(nanoseconds / 1_000_000_000) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 9 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(nanoseconds / 1_000_000_000).\(digits)"
    }
}
