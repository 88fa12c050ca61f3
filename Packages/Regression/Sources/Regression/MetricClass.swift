public import PerfResult

/// Whether a metric's figure depends on the machine that measured it: this decides which baselines can gate
/// it.
///
/// - **deterministic**: a count per operation that only the code, the Swift version, the architecture and
///   the build configuration decide — allocation counts (`allocsPerOp`), bytes per operation (`bytesPerOp`),
///   the Swift runtime's ARC counts (`retainsPerOp`, `releasesPerOp`, `objectAllocsPerOp`), callgrind's instruction counts (`instructions`) and its misses in fixed simulated caches. Neither the CPU
///   model, the core count, `PERF_ENV` nor the profile moves them: the profile sets how long a suite runs, and
///   these figures are normalized per operation. So they are gated against a baseline from any machine whose
///   Swift version, architecture and build configuration match.
/// - **machine-dependent**: timing and everything else a machine moves (throughput, latency, memory, error
///   and hit rates). Report-only as soon as the CPU model, the core count, the Swift version, the
///   architecture, `PERF_ENV` or the profile differs from the baseline's.
///
/// Debug against release is refused whatever the class; debug against debug is report-only for both.
/// The class of a metric is data: `ThresholdRule.metricClass`, from the thresholds file's `deterministic`
/// field, which defaults to the rule's `exact`.
public enum MetricClass: String, Sendable, Hashable, CaseIterable {
    /// A count that only the code and the toolchain decide.
    case deterministic
    /// Timing and every other figure that depends on the machine and the run.
    case machineDependent = "machine-dependent"

    /// Whether a difference in `field` between the baseline's environment and the current one makes the
    /// metrics of this class report-only.
    /// - Complexity: O(1).
    public func isAffected(by field: EnvironmentDifference.Field) -> Bool {
        switch self {
        case .machineDependent: return true
        case .deterministic: return field == .swiftVersion || field == .architecture
        }
    }

    /// Whether `unit` measures time or a rate over time (`ns` … `s`, `ops/s`, `req/s`, `bytes/s`, `1/s`): the
    /// machine-dependent metrics with such a unit are the suite's timing metrics, which its geomean covers.
    public static func isTiming(_ unit: Metric.Unit) -> Bool {
        switch unit {
        case .nanoseconds, .microseconds, .milliseconds, .seconds, .operationsPerSecond, .requestsPerSecond,
            .bytesPerSecond, .perSecond:
            return true
        case .bytes, .count, .ratio, .percent:
            return false
        }
    }
}
