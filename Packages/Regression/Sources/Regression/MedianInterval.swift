#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A distribution-free confidence interval for the median of raw samples, from their order statistics: what
/// the headline figures print as their uncertainty.
///
/// For *n* sorted samples, `[x₍ₖ₎, x₍ₙ₋ₖ₊₁₎]` covers the true median with probability
/// `1 − 2 · P(B ≤ k − 1)`, `B ~ Binomial(n, ½)`, whatever the distribution (continuous, samples
/// independent). The interval is the narrowest such pair whose coverage is at least the level; with fewer
/// than 6 samples no pair reaches 95 %, and the interval is the samples' range, whose coverage
/// `1 − 2⁽¹⁻ⁿ⁾` is reported with it (93.75 % for 5 samples, 50 % for 2).
public struct MedianInterval: Sendable, Hashable {
    /// The lower end, one of the samples.
    public var lower: Double
    /// The upper end, one of the samples.
    public var upper: Double
    /// The probability that the interval covers the median: at least the level asked for, unless the
    /// samples are too few (see above).
    public var coverage: Double

    /// Creates an interval from its ends and coverage.
    public init(lower: Double, upper: Double, coverage: Double) {
        self.lower = lower
        self.upper = upper
        self.coverage = coverage
    }

    /// The interval of `values` at `level`, or `nil` for fewer than 2 values.
    /// - Precondition: `0 < level < 1`; every value is finite.
    /// - Complexity: O(*n* log *n*).
    public static func of(_ values: [Double], level: Double = 0.95) -> MedianInterval? {
        precondition(level > 0 && level < 1, "level must be in (0, 1)")
        guard values.count >= 2 else { return nil }
        let sorted = values.sorted()
        let n = sorted.count
        let logAll = lgamma(Double(n) + 1) - Double(n) * log(2.0)
        // cumulative = P(B ≤ k − 1) for the 1-based rank k of the lower end.
        var cumulative = 0.0
        var rank = 1
        var coverage = 1 - 2 * exp(logAll - lgamma(Double(n) + 1))
        while rank + 1 <= (n + 1) / 2 {
            let j = Double(rank - 1)
            cumulative += exp(logAll - lgamma(j + 1) - lgamma(Double(n) - j + 1))
            let next = 1 - 2 * (cumulative + exp(logAll - lgamma(j + 2) - lgamma(Double(n) - j)))
            guard next >= level else { break }
            rank += 1
            coverage = next
        }
        return MedianInterval(lower: sorted[rank - 1], upper: sorted[n - rank], coverage: coverage)
    }

    /// The larger distance from `centre` to either end, relative to `centre`: the `±` a table prints.
    /// `nil` when `centre` is zero.
    public func halfWidth(relativeTo centre: Double) -> Double? {
        guard centre != 0 else { return nil }
        return max(upper - centre, centre - lower) / abs(centre)
    }
}
