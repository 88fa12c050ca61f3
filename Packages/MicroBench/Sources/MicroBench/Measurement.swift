public import PerfResult

/// Everything measured for one task: its samples, their statistics, cold start and probe metrics.
///
/// Statistics cover the clean samples only (those not preempted), unless fewer than a quarter were
/// clean, in which case they cover all samples and `findings` says so.
public struct Measurement: Sendable {
    /// The full result name, e.g. `stringOps/concat[size=16]`.
    public let name: String
    /// The task's parameters, e.g. `["size": "16"]`.
    public let parameters: [String: String]
    /// What one operation processes, when the task declared it.
    public let throughput: Throughput?
    /// Operations per sample, chosen during warmup so that a sample lasts the target time.
    public let batch: Int
    /// Every sample taken, in order, preempted ones included.
    public let samples: [Sample]
    /// The samples the statistics describe.
    public let usedSamples: [Sample]
    /// Statistics of the used samples' nanoseconds per operation.
    public let statistics: Statistics
    /// Wall time of the very first call, before any warmup, in nanoseconds.
    public let coldStartNanoseconds: Double
    /// Metrics reported by the probes (e.g. `allocsPerOp`, `bytesPerOp`): for each key, the median
    /// over the samples.
    public let probeMetrics: [Metric]
    /// Caveats a reader needs, in the order they were found.
    public let findings: [Finding]
    /// The bounds the task declared on its metrics, by key; `result()` carries them to the report.
    public var limits: [String: Limit] = [:]
    /// With `--allocation-sites`: where one untimed window's allocations came from.
    public var allocationSites: AllocationSiteWindow?

    /// The share of samples that were not preempted, 0 … 1.
    public var cleanFraction: Double {
        samples.isEmpty ? 0 : Double(samples.count(where: { !$0.isPreempted })) / Double(samples.count)
    }

    /// Operations in the used samples.
    public var usedOperations: Int {
        usedSamples.reduce(0) { $0 + $1.iterations }
    }
}
