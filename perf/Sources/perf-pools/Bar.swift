import PerfResult
import PerfSupport

/// A ratio of two cases measured in the same run, with the limit when it sets one.
///
/// Its value is the median of the per-round ratios (the subject's figure over the baseline's, round by
/// round), and the report stores it on the subject's result as a metric of unit `ratio` whose samples are
/// the per-round ratios, so the regression gate guards the ratio as well as the absolute times.
struct Bar: Sendable, Equatable {
    /// The per-round figure a bar divides.
    enum Figure: Sendable, Equatable {
        /// The median ns/op of a single-thread round.
        case nsPerOp
        /// The total operations per second of a threads round.
        case opsPerSec
        /// The operations per CPU-second of a threads round.
        case opsPerCpuSec
    }

    /// The limit a ratio must meet.
    enum Limit: Sendable, Equatable {
        case atMost(Double)
        case atLeast(Double)

        /// Whether `ratio` meets it; exactly at the limit meets it.
        func isMet(by ratio: Double) -> Bool {
            switch self {
            case let .atMost(limit): return ratio <= limit
            case let .atLeast(limit): return ratio >= limit
            }
        }

        /// `≤ 0.50×` or `≥ 1.60×`.
        var text: String {
            switch self {
            case let .atMost(limit): return "≤ \(NumberText.ratio(limit))"
            case let .atLeast(limit): return "≥ \(NumberText.ratio(limit))"
            }
        }
    }

    /// The case divided, which gets the metric, e.g. `object/pool`.
    var subject: String
    /// The case it is divided by, e.g. `object/alloc`.
    var baseline: String
    var figure: Figure
    /// The metric key on the subject's result, e.g. `poolToAllocRatio`.
    var metricKey: String
    /// Which way the ratio is better.
    var better: Metric.Direction
    /// The limit (or, for a reference ratio, the limit of the bar it stands beside); `nil` for none.
    var limit: Limit?
    /// A reference shown beside a bar, not one of the bars.
    var isReference: Bool
    /// What the ratio compares, for the printed list.
    var note: String

    /// The suite's ratios, in print order: the four bars and three references.
    static let all: [Bar] = [
        Bar(
            subject: "object/pool", baseline: "object/alloc", figure: .nsPerOp, metricKey: "poolToAllocRatio",
            better: .lower, limit: .atMost(0.5), isReference: false, note: "a pool hit against a new object"),
        Bar(
            subject: "buffer4k/pool", baseline: "buffer4k/alloc", figure: .nsPerOp, metricKey: "poolToAllocRatio",
            better: .lower, limit: .atMost(0.25), isReference: false,
            note: "against a zero-filled allocation: the bar's baseline"),
        Bar(
            subject: "buffer4k/pool", baseline: "buffer4k/reserve", figure: .nsPerOp, metricKey: "poolToReserveRatio",
            better: .lower, limit: .atMost(0.25), isReference: true,
            note: "against a bare reserveCapacity (no zeroing): reference, not the bar"),
        Bar(
            subject: "buffer64k/pool", baseline: "buffer64k/alloc", figure: .nsPerOp, metricKey: "poolToAllocRatio",
            better: .lower, limit: .atMost(0.05), isReference: false,
            note: "against a zero-filled allocation: the bar's baseline"),
        Bar(
            subject: "buffer64k/pool", baseline: "buffer64k/reserve", figure: .nsPerOp,
            metricKey: "poolToReserveRatio", better: .lower, limit: .atMost(0.05), isReference: true,
            note: "against a bare reserveCapacity (no zeroing): reference, not the bar"),
        Bar(
            subject: "threads2/pool", baseline: "threads1/pool", figure: .opsPerSec, metricKey: "scalingRatio",
            better: .higher, limit: .atLeast(1.6), isReference: false,
            note: "total ops/s, two threads against one (needs two quiet cores)"),
        Bar(
            subject: "threads2/pool", baseline: "threads1/pool", figure: .opsPerCpuSec, metricKey: "cpuScalingRatio",
            better: .higher, limit: nil, isReference: true,
            note: "ops per CPU-second: 1.0 when the threads do not slow each other down, whatever the load"),
    ]

    /// `object/pool ÷ object/alloc`, with the figure when it is not the usual one.
    var label: String {
        let base = "\(subject) ÷ \(baseline)"
        return figure == .opsPerCpuSec ? base + " per CPU-s" : base
    }
}

/// A bar evaluated on one run's rounds.
struct BarOutcome: Sendable, Equatable {
    var bar: Bar
    /// The subject's figure over the baseline's, round by round.
    var ratios: [Double]
    /// The median of `ratios`.
    var ratio: Double
    /// Whether the limit is met; `nil` when the bar has no limit.
    var met: Bool?

    /// Evaluates `bar` on per-round figures: pairs rounds in order (the shorter list decides how many)
    /// and skips a pair whose baseline is not a positive finite number. `nil` when no pair is left.
    /// - Complexity: O(*r* log *r*) for *r* rounds.
    static func evaluate(_ bar: Bar, subject: [Double], baseline: [Double]) -> BarOutcome? {
        let ratios = zip(subject, baseline).compactMap { subject, baseline -> Double? in
            guard baseline > 0, baseline.isFinite, subject.isFinite else { return nil }
            return subject / baseline
        }
        guard !ratios.isEmpty else { return nil }
        let ratio = SortedSample(ratios).median
        return BarOutcome(bar: bar, ratios: ratios, ratio: ratio, met: bar.limit.map { $0.isMet(by: ratio) })
    }

    /// The ratio as a metric of the subject's result, its per-round ratios as samples.
    var metric: Metric {
        .own(bar.metricKey, ratio, .ratio, bar.better, samples: ratios)
    }
}
