import PerfResult
import PerfSupport

/// The figures of a `wrk --latency` run, read from what it prints:
///
/// ```
///     Latency   332.12us  100.00us   5.00ms   90.00%
///   Latency Distribution
///      50%  320.00us
///      99%  800.00us
///   725000 requests in 5.00s, 100.00MB read
/// Requests/sec: 145000.00
/// ```
struct WrkOutput: Sendable, Equatable {
    /// Completed requests.
    var requests: Double
    /// `Requests/sec`.
    var requestsPerSec: Double
    /// The mean latency (the `Latency` line's `Avg`), in milliseconds.
    var meanLatencyMs: Double
    /// The 50th and 99th percentiles of the `Latency Distribution`, in milliseconds.
    var p50Ms: Double
    var p99Ms: Double

    /// The figures in `text`, or `nil` when one is missing (wrk failed, or ran without `--latency`).
    init?(_ text: String) {
        var requests: Double?
        var rate: Double?
        var mean: Double?
        var percentiles: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ")
            guard let first = words.first else { continue }
            if first == "Latency", words.count >= 2, mean == nil {
                mean = WrkOutput.milliseconds(words[1])
            } else if first.hasSuffix("%"), words.count == 2, let value = WrkOutput.milliseconds(words[1]) {
                percentiles[String(first)] = value
            } else if words.count >= 3, words[1] == "requests", words[2] == "in" {
                requests = Double(first)
            } else if first == "Requests/sec:", words.count == 2 {
                rate = Double(words[1])
            }
        }
        guard let requests, let rate, let mean, let p50 = percentiles["50%"], let p99 = percentiles["99%"] else {
            return nil
        }
        self.requests = requests
        requestsPerSec = rate
        meanLatencyMs = mean
        p50Ms = p50
        p99Ms = p99
    }

    /// A wrk duration (`320.00us`, `1.25ms`, `2.00s`, `1.50m`) in milliseconds.
    static func milliseconds(_ text: Substring) -> Double? {
        let units: [(String, Double)] = [("us", 0.001), ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            guard let number = Double(text.dropLast(suffix.count)) else { return nil }
            return number * scale
        }
        return nil
    }
}
