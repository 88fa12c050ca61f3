public import PerfResult
import PerfSupport

/// Percentiles of one distribution must not decrease from p50 to the maximum. A file where they do was written by
/// a faulty tool or edited by hand; the check still runs, and the summary warns (`SuiteComparison.summaryNotes`).
public enum PercentileOrder {
    /// The chains of keys whose values must not decrease, each in order; a result may hold any subset.
    public static let chains: [[String]] = [
        [
            "latencyP50Ms", "latencyP75Ms", "latencyP90Ms", "latencyP95Ms", "latencyP99Ms", "latencyP99_9Ms",
            "latencyP99_99Ms", "latencyMaxMs",
        ],
        ["uncorrectedLatencyP50Ms", "uncorrectedLatencyP99Ms", "uncorrectedLatencyMaxMs"],
        ["minNs", "p50Ns", "p75Ns", "p99Ns", "maxNs"],
    ]

    /// One warning per pair of neighbouring percentiles (of the keys present) out of order, in result order:
    /// `http/total: latencyP95Ms 4 ms > latencyP99Ms 3.1 ms`.
    /// - Complexity: O(*m*) over the report's metrics.
    public static func violations(in report: Report) -> [String] {
        var found: [String] = []
        for result in report.results {
            for chain in chains {
                let present = chain.compactMap { key in result[key].map { (key, $0) } }
                for (lower, upper) in zip(present, present.dropFirst()) where lower.1.value > upper.1.value {
                    found.append(
                        "\(result.name): \(lower.0) \(text(lower.1)) > \(upper.0) \(text(upper.1))")
                }
            }
        }
        return found
    }

    private static func text(_ metric: Metric) -> String {
        "\(NumberText.significant(metric.value)) \(metric.unit.rawValue)"
    }
}
