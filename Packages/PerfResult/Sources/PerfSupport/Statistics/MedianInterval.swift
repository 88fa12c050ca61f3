#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A distribution-free confidence interval for the median: a pair of order statistics, with the exact
/// probability that they enclose the true median.
///
/// For *n* independent values from any continuous distribution, the *k*-th smallest and the *k*-th largest
/// enclose the median with probability *1 − 2 P(B ≤ k − 1)*, where *B* follows the binomial distribution of
/// *n* trials with probability ½ (the count of values below the median). `SortedSample.medianInterval(level:)`
/// picks the largest *k*, the narrowest such pair, whose coverage is still at least the level. Coverage only
/// takes a few values, so it is usually above the level: with 20 values, 95 % needs the 6th and 15th values
/// and gets 95.86 %. Ties make the true coverage higher, never lower.
///
/// **Few values.** The widest pair, minimum and maximum, covers with probability 1 − 2¹⁻ⁿ: 93.75 % for 5
/// values, 87.5 % for 4, 75 % for 3, 50 % for 2 and 0 for 1. So below 6 values no interval reaches 95 %;
/// the interval is then [minimum, maximum] with its own coverage, and `reachesLevel` is false.
public struct MedianInterval: Sendable, Hashable {
    /// The lower bound: the value of rank `lowerRank`.
    public var lower: Double
    /// The upper bound: the value of rank `upperRank`.
    public var upper: Double
    /// The 1-based rank of `lower` among the sorted values (*k*).
    public var lowerRank: Int
    /// The 1-based rank of `upper` among the sorted values (*n* + 1 − *k*).
    public var upperRank: Int
    /// The exact probability that the interval encloses the true median.
    public var coverage: Double
    /// The level asked for.
    public var level: Double

    /// Whether `coverage` reaches `level`; false only when even [minimum, maximum] falls short.
    public var reachesLevel: Bool { coverage >= level }
}

extension SortedSample {
    /// The narrowest pair of order statistics that encloses the median with probability at least `level`
    /// (see `MedianInterval`), or [minimum, maximum] when no pair reaches it.
    /// - Precondition: the sample is not empty and `0 < level < 1`.
    /// - Complexity: O(*n*): the binomial terms are summed from the tail inward.
    public func medianInterval(level: Double = 0.95) -> MedianInterval {
        precondition(!values.isEmpty, "a median interval of no values")
        precondition(level > 0 && level < 1, "a confidence level is a fraction in 0 < level < 1, got \(level)")
        let n = values.count
        // The terms P(B = i) in logarithms, so that 2⁻ⁿ does not underflow to 0 for large samples.
        var logTerm = -Double(n) * log(2.0)
        var belowRank = exp(logTerm) // P(B ≤ k − 1) for the current k
        var rank = 1
        var coverage = 1 - 2 * belowRank
        if coverage >= level {
            var next = 2
            while next <= (n + 1) / 2 {
                let i = next - 1 // add P(B = i) = P(B = i − 1) × (n − i + 1) / i
                logTerm += log(Double(n - i + 1)) - log(Double(i))
                belowRank += exp(logTerm)
                let nextCoverage = 1 - 2 * belowRank
                guard nextCoverage >= level else { break }
                rank = next
                coverage = nextCoverage
                next += 1
            }
        }
        return MedianInterval(
            lower: values[rank - 1], upper: values[n - rank], lowerRank: rank, upperRank: n + 1 - rank,
            coverage: max(0, coverage), level: level)
    }
}
