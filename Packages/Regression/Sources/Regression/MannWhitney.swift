#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The two-sided Mann–Whitney U test (Wilcoxon rank-sum): do two samples come from distributions
/// with the same location? It assumes nothing about their shape, which suits timings with outliers.
///
/// - With at most `exactLimit` values on each side, the p-value comes from the exact permutation
///   distribution of the rank sum, with ties handled as mid-ranks (as
///   `scipy.stats.permutation_test` enumerates it; without ties this equals
///   `scipy.stats.mannwhitneyu(method="exact")`).
/// - Above that, the normal approximation with the tie correction and a continuity correction
///   (`scipy.stats.mannwhitneyu(method="asymptotic")`).
///
/// The tests embed p-values SciPy computed for fixed inputs (`perf/regression/mann-whitney-reference.py`).
public enum MannWhitney {
    /// How the p-value was computed.
    public enum Method: String, Sendable, Hashable {
        /// The exact permutation distribution.
        case exact
        /// The tie-corrected normal approximation.
        case normal
    }

    /// The result of one test.
    public struct Outcome: Sendable, Hashable {
        /// U of the first sample: the number of (first, second) pairs where the first is larger,
        /// ties counting one half.
        public var u: Double
        /// The two-sided p-value, in 0...1.
        public var pValue: Double
        /// How `pValue` was computed.
        public var method: Method
    }

    /// The largest sample size, on each side, for which the exact distribution is used.
    public static let exactLimit = 20

    /// Tests whether `first` and `second` differ in location.
    /// - Precondition: both samples are non-empty and finite.
    /// - Complexity: O(*N* log *N*) for *N* values with the normal approximation; O(*N* × *n*₁ × *N*²)
    ///   for the exact distribution (at most ~1.3 M steps at 20 + 20 values).
    public static func test(_ first: [Double], _ second: [Double]) -> Outcome {
        test(first, second, cache: nil)
    }

    /// `test(_:_:)` with a cache of the exact distributions for untied samples, reused across the
    /// metrics of one check.
    static func test(_ first: [Double], _ second: [Double], cache: ExactDistributionCache?) -> Outcome {
        precondition(!first.isEmpty && !second.isEmpty, "Mann-Whitney U needs at least one value on each side")
        let ranking = Ranking(first, second)
        let n1 = Double(first.count)
        let n2 = Double(second.count)
        let u1 = Double(ranking.doubledRankSumOfFirst) / 2 - n1 * (n1 + 1) / 2
        if ranking.allEqual {
            let method: Method = first.count <= exactLimit && second.count <= exactLimit ? .exact : .normal
            return Outcome(u: u1, pValue: 1, method: method)
        }
        if first.count <= exactLimit && second.count <= exactLimit {
            let distribution: RankSumDistribution
            if ranking.hasTies {
                distribution = RankSumDistribution(doubledRanks: ranking.doubledRanks, chosen: first.count)
            } else if let cache {
                distribution = cache.distribution(first: first.count, second: second.count)
            } else {
                distribution = RankSumDistribution(untiedFirst: first.count, second: second.count)
            }
            return Outcome(u: u1, pValue: distribution.twoSidedPValue(ranking.doubledRankSumOfFirst), method: .exact)
        }
        let total = n1 + n2
        let u = max(u1, n1 * n2 - u1)
        let mean = n1 * n2 / 2
        let variance = n1 * n2 / 12 * ((total + 1) - ranking.tieTerm / (total * (total - 1)))
        guard variance > 0 else { return Outcome(u: u1, pValue: 1, method: .normal) }
        let z = (u - mean - 0.5) / variance.squareRoot()
        // 2 × the standard normal's survival function at z.
        let p = erfc(z / 2.0.squareRoot())
        return Outcome(u: u1, pValue: min(1, max(0, p)), method: .normal)
    }
}

/// Mid-ranks of two samples pooled together, doubled so that they are integers.
private struct Ranking {
    /// Doubled mid-rank of every value, first sample then second.
    var doubledRanks: [Int]
    var doubledRankSumOfFirst: Int
    /// Σ (t³ − t) over groups of t tied values.
    var tieTerm: Double
    var hasTies: Bool
    var allEqual: Bool

    init(_ first: [Double], _ second: [Double]) {
        let values = first + second
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Int](repeating: 0, count: values.count)
        var tieTerm = 0.0
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            // Positions start...end (0-based) share the mid-rank ((start + 1) + (end + 1)) / 2.
            for position in start...end { ranks[order[position]] = start + end + 2 }
            let tied = Double(end - start + 1)
            tieTerm += tied * tied * tied - tied
            start = end + 1
        }
        self.doubledRanks = ranks
        self.doubledRankSumOfFirst = ranks[0..<first.count].reduce(0, +)
        self.tieTerm = tieTerm
        self.hasTies = tieTerm > 0
        self.allEqual = values.allSatisfy { $0 == values[0] }
    }
}

/// The exact null distribution of the doubled rank sum of `chosen` values drawn from a pool of ranks:
/// how many of the C(N, chosen) subsets have each sum.
struct RankSumDistribution {
    /// `counts[s]`: subsets whose doubled rank sum is `s`. Doubles hold C(40, 20) ≈ 1.4e11 exactly.
    private var counts: [Double]
    private var total: Double

    /// The distribution when ranks are 1...N without ties.
    init(untiedFirst: Int, second: Int) {
        let ranks = (1...(untiedFirst + second)).map { 2 * $0 }
        self.init(doubledRanks: ranks, chosen: untiedFirst)
    }

    /// Counts subsets of size `chosen` of `doubledRanks` by their sum, with a dynamic programme over the
    /// ranks (knapsack style: subsets of size k after each rank).
    init(doubledRanks: [Int], chosen: Int) {
        let maxSum = doubledRanks.sorted(by: >).prefix(chosen).reduce(0, +)
        let width = maxSum + 1
        // Row k of the flat table: subsets of size k of the ranks seen so far, by sum.
        var table = [Double](repeating: 0, count: (chosen + 1) * width)
        table[0] = 1
        table.withUnsafeMutableBufferPointer { cells in
            for (index, rank) in doubledRanks.enumerated() where rank <= maxSum {
                // Sizes descend so that row k − 1 still holds the state before this rank.
                for size in stride(from: min(index + 1, chosen), through: 1, by: -1) {
                    let source = (size - 1) * width
                    let target = size * width + rank
                    for sum in 0...(maxSum - rank) where cells[source + sum] != 0 {
                        cells[target + sum] += cells[source + sum]
                    }
                }
            }
        }
        counts = Array(table[(chosen * width)...])
        total = counts.reduce(0, +)
    }

    /// 2 × min(P(sum ≤ observed), P(sum ≥ observed)), at most 1.
    func twoSidedPValue(_ observed: Int) -> Double {
        var atMost = 0.0
        var atLeast = 0.0
        for (sum, count) in counts.enumerated() where count != 0 {
            if sum <= observed { atMost += count }
            if sum >= observed { atLeast += count }
        }
        return min(1, 2 * min(atMost, atLeast) / total)
    }
}

/// Exact distributions for untied samples, keyed by the two sample sizes; one per check run.
final class ExactDistributionCache {
    private var distributions: [Int: RankSumDistribution] = [:]

    func distribution(first: Int, second: Int) -> RankSumDistribution {
        let key = first << 16 | second
        if let known = distributions[key] { return known }
        let made = RankSumDistribution(untiedFirst: first, second: second)
        distributions[key] = made
        return made
    }
}
