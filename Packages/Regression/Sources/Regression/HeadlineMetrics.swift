/// The few metrics that say the most about a result: what the terminal table shows of a result that is
/// new or gone (the Markdown and HTML reports show every metric), and what the current-values charts of
/// new results draw.
///
/// A first run has no baseline, so every result is new; the micro suite alone has ~50 results of ~16
/// metrics each. Listing them all would bury the table, so a new or gone result shows only these.
public enum HeadlineMetrics {
    /// The headline keys, in the order their rows are listed: time per operation, instruction and
    /// allocation counts, load (throughput, p50 and p99 latency, errors), pool hit rate, memory growth.
    /// `p50Ns` counts only when a result has no `nsPerOp`.
    public static let keys = [
        "nsPerOp", "p50Ns", "instructions", "allocsPerOp", "requestsPerSec", "latencyP50Ms", "latencyP99Ms",
        "errorRate", "hitRate", "heapGrowthRatio", "liveAllocsSlopePerIter", "peakRssBytes",
    ]

    /// The keys as a reader sees them: `nsPerOp or p50Ns, instructions, …`.
    public static var summary: String {
        "nsPerOp or p50Ns, " + keys.dropFirst(2).joined(separator: ", ")
    }

    /// The headline keys among `metricKeys`, in the order of `keys`; when there are none (a suite with keys
    /// of its own only), every key, in its order.
    /// - Complexity: O(*n*) for *n* keys.
    public static func select(from metricKeys: [String]) -> [String] {
        let present = Set(metricKeys)
        let chosen = keys.filter { key in
            present.contains(key) && !(key == "p50Ns" && present.contains("nsPerOp"))
        }
        return chosen.isEmpty ? metricKeys : chosen
    }

    /// `metricKeys` reordered: the headline keys first (in the order of `keys`), then the others in
    /// their order.
    /// - Complexity: O(*n*) for *n* keys.
    static func ordered(_ metricKeys: [String]) -> [String] {
        let headline = select(from: metricKeys)
        let chosen = Set(headline)
        return headline + metricKeys.filter { !chosen.contains($0) }
    }
}
