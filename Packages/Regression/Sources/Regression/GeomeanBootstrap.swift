import PerfResult

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The 95 % interval of a suite's timing geomean: a percentile bootstrap over the raw samples of each metric,
/// with a fixed seed.
///
/// Each of `replicates` rounds draws, for every metric the geomean covers, as many baseline and as many
/// current samples as it has (with replacement), takes the medians of the draws — the figures the gate
/// compares — and the geometric mean of their direction-normalized ratios; the interval runs from the 2.5th to
/// the 97.5th percentile of those geomeans.
///
/// Why this and not a bootstrap over results (or a t-interval on the log ratios): the results of a suite are
/// not a sample of anything — they are the suite — so the spread between them says how unevenly a change
/// hits them, not how well the geomean is measured. Resampling each metric's own samples answers the
/// question the summary asks: how far could noise alone move this geomean. Once suites measure in forks, a
/// timed metric's samples are its per-fork medians, and so the interval is the fork-to-fork spread.
///
/// Deterministic: the same rows give the same interval, run after run.
enum GeomeanBootstrap {
    /// Bootstrap rounds: the usual 1,000 for percentile intervals (Efron & Tibshirani), which keeps a check of
    /// 1,000 timed metrics well under a second.
    static let replicates = 1000
    /// The generator's seed; any fixed value does.
    static let seed: UInt64 = 0x5EED_0F_6E0_3EA2

    /// The interval of the geometric mean of the rows' cost ratios, or `nil` unless every row has at least
    /// `minimumSamples` positive samples on both sides (the figures of rows without samples have no spread to
    /// resample, and leaving them fixed would understate the interval).
    /// - Precondition: every row has a baseline and a current metric.
    /// - Complexity: O(`replicates` × *s*) for *s* samples over all rows.
    static func interval(_ rows: [MetricComparison], minimumSamples: Int) -> ClosedRange<Double>? {
        var sides: [(baseline: [Double], current: [Double], lowerIsBetter: Bool)] = []
        for row in rows {
            guard let baseline = row.baseline?.samples, let current = row.current?.samples,
                baseline.count >= max(minimumSamples, 2), current.count >= max(minimumSamples, 2),
                baseline.allSatisfy({ $0 > 0 && $0.isFinite }), current.allSatisfy({ $0 > 0 && $0.isFinite })
            else { return nil }
            sides.append((baseline.sorted(), current.sorted(), row.current?.better != .higher))
        }
        guard !sides.isEmpty else { return nil }
        var generator = Generator(seed: seed)
        var counts: [Int] = []
        var geomeans: [Double] = []
        geomeans.reserveCapacity(replicates)
        for _ in 0..<replicates {
            var logSum = 0.0
            for side in sides {
                let before = resampledMedian(side.baseline, counts: &counts, generator: &generator)
                let after = resampledMedian(side.current, counts: &counts, generator: &generator)
                logSum += side.lowerIsBetter ? log(after / before) : log(before / after)
            }
            geomeans.append(exp(logSum / Double(sides.count)))
        }
        geomeans.sort()
        return SampleStatistics.quantile(geomeans, 0.025)...SampleStatistics.quantile(geomeans, 0.975)
    }

    /// The median (type 7, as `SampleStatistics.median`) of `sorted.count` draws with replacement from
    /// `sorted`, found by counting how often each value was drawn instead of sorting the draws.
    /// - Complexity: O(*n*) for *n* values.
    static func resampledMedian(_ sorted: [Double], counts: inout [Int], generator: inout Generator) -> Double {
        let n = sorted.count
        counts.removeAll(keepingCapacity: true)
        counts.append(contentsOf: repeatElement(0, count: n))
        for _ in 0..<n { counts[generator.next(below: n)] += 1 }
        // The draws in order are each value repeated its count of times; the median sits at position
        // (n − 1) / 2, between two neighbours when n is even.
        let lowerPosition = (n - 1) / 2
        let upperPosition = n / 2
        var seen = 0
        var lower: Double?
        for (index, count) in counts.enumerated() where count > 0 {
            seen += count
            if lower == nil && seen > lowerPosition { lower = sorted[index] }
            if seen > upperPosition { return (lower! + sorted[index]) / 2 }
        }
        preconditionFailure("the counts add up to the number of values")
    }

    /// SplitMix64 (Steele, Lea and Flood, 2014): small, fast and seedable, the sequence of the suites' own
    /// generator.
    struct Generator {
        var state: UInt64

        init(seed: UInt64) {
            state = seed
        }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }

        /// A number in `0..<bound`; the modulo's bias is below 2⁻⁵⁰ for the sample counts here.
        mutating func next(below bound: Int) -> Int {
            Int(truncatingIfNeeded: next() % UInt64(bound))
        }
    }
}
