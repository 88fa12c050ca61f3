public import PerfResult

/// A bound on one metric at three levels, as in the load-test notes: the target to meet, a warning
/// level and a critical level (e.g. p95 latency: target < 100 ms, warning > 200 ms, critical > 500 ms).
///
/// The metric's direction decides what "worse" means: for `latencyP95Ms` higher is worse, for
/// `requestsPerSec` lower is worse. Any level may be left out.
public struct Threshold: Sendable, Hashable {
    /// The metric key, one of `LoadResult.thresholdKeys`.
    public var metric: String
    /// The value to meet.
    public var target: Double?
    /// Worse than this is a warning.
    public var warning: Double?
    /// Worse than this is critical: the run fails.
    public var critical: Double?

    /// Creates a threshold.
    public init(metric: String, target: Double? = nil, warning: Double? = nil, critical: Double? = nil) {
        self.metric = metric
        self.target = target
        self.warning = warning
        self.critical = critical
    }

    /// How a measured value compares with the levels, from best to worst.
    public enum Level: Int, Sendable, Hashable, Comparable, CustomStringConvertible {
        /// The target is met (or there is none and nothing is breached).
        case met
        /// The target is missed, but no warning level is breached.
        case missedTarget
        /// The warning level is breached.
        case warning
        /// The critical level is breached.
        case critical

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }

        public var description: String {
            switch self {
            case .met: return "ok"
            case .missedTarget: return "above target"
            case .warning: return "WARNING"
            case .critical: return "CRITICAL"
            }
        }
    }

    /// The outcome of one threshold.
    public struct Verdict: Sendable, Hashable {
        /// The threshold.
        public var threshold: Threshold
        /// The measured value (`nil` when the result has no such metric).
        public var value: Double?
        /// Where the value falls.
        public var level: Level
    }

    /// Compares `result`'s metric with the levels. A missing metric is critical (a `service…` key of a run
    /// without a sampled service, for instance).
    public func evaluate(_ result: PerfResult.Result) -> Verdict {
        guard let metric = result[metric] else { return Verdict(threshold: self, value: nil, level: .critical) }
        let value = metric.value
        func worse(_ limit: Double?) -> Bool {
            guard let limit else { return false }
            return metric.better == .lower ? value > limit : value < limit
        }
        let level: Level
        if worse(critical) {
            level = .critical
        } else if worse(warning) {
            level = .warning
        } else if let target, metric.better == .lower ? value >= target : value <= target {
            level = .missedTarget
        } else {
            level = .met
        }
        return Verdict(threshold: self, value: value, level: level)
    }

    /// Checks that the levels are ordered for the metric's direction (for latencies
    /// target ≤ warning ≤ critical, for throughput target ≥ warning ≥ critical).
    func validate(field: String, file: String?) throws(LoadGenError) {
        guard LoadResult.thresholdKeys.contains(metric) else {
            throw .invalidField(
                field: field,
                reason: "unknown metric; use one of \(LoadResult.thresholdKeys.joined(separator: ", "))", file: file)
        }
        guard target != nil || warning != nil || critical != nil else {
            throw .invalidField(field: field, reason: "give at least one of target, warning, critical", file: file)
        }
        let higherIsBetter = LoadResult.higherIsBetterKeys.contains(metric)
        let levels = [target, warning, critical].compactMap { $0 }
        let ordered = zip(levels, levels.dropFirst()).allSatisfy { higherIsBetter ? $0 >= $1 : $0 <= $1 }
        guard ordered else {
            throw .invalidField(
                field: field,
                reason: higherIsBetter
                    ? "levels must go down: target >= warning >= critical"
                    : "levels must go up: target <= warning <= critical",
                file: file)
        }
    }
}
