import PerfResult
import PerfSupport

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
        // Every side's samples, sorted, one after the other: the inner loop walks one buffer.
        var values: [Double] = []
        var sides: [(start: Int, count: Int)] = []
        var lowerIsBetter: [Bool] = []
        for row in rows {
            guard let baseline = row.baseline?.samples, let current = row.current?.samples,
                baseline.count >= max(minimumSamples, 2), current.count >= max(minimumSamples, 2),
                baseline.allSatisfy({ $0 > 0 && $0.isFinite }), current.allSatisfy({ $0 > 0 && $0.isFinite })
            else { return nil }
            for samples in [baseline, current] {
                sides.append((values.count, samples.count))
                values += samples.sorted()
            }
            lowerIsBetter.append(row.current?.better != .higher)
        }
        guard !lowerIsBetter.isEmpty else { return nil }
        var generator = SplitMix64(seed: seed)
        var counts = [Int](repeating: 0, count: sides.map(\.count).max() ?? 0)
        var geomeans: [Double] = []
        geomeans.reserveCapacity(replicates)
        values.withUnsafeBufferPointer { values in
            counts.withUnsafeMutableBufferPointer { counts in
                for _ in 0..<replicates {
                    var logSum = 0.0
                    for (index, better) in lowerIsBetter.enumerated() {
                        let (baseline, current) = (sides[2 * index], sides[2 * index + 1])
                        let before = resampledMedian(
                            UnsafeBufferPointer(rebasing: values[baseline.start..<baseline.start + baseline.count]),
                            counts: counts, generator: &generator)
                        let after = resampledMedian(
                            UnsafeBufferPointer(rebasing: values[current.start..<current.start + current.count]),
                            counts: counts, generator: &generator)
                        logSum += better ? log(after / before) : log(before / after)
                    }
                    geomeans.append(exp(logSum / Double(lowerIsBetter.count)))
                }
            }
        }
        let sorted = SortedSample(geomeans)
        return sorted.quantile(0.025)...sorted.quantile(0.975)
    }

    /// The median (type 7, as `SortedSample.median`) of `sorted.count` draws with replacement from
    /// `sorted`, found by counting how often each value was drawn instead of sorting the draws.
    /// - Parameter counts: scratch space of at least `sorted.count` elements, overwritten.
    /// - Complexity: O(*n*) for *n* values.
    static func resampledMedian(
        _ sorted: UnsafeBufferPointer<Double>, counts: UnsafeMutableBufferPointer<Int>, generator: inout SplitMix64
    ) -> Double {
        let n = sorted.count
        let tally = UnsafeMutableBufferPointer(rebasing: counts[..<n])
        tally.update(repeating: 0)
        for _ in 0..<n { tally[draw(below: n, from: &generator)] += 1 }
        // The draws in order are each value repeated its count of times; the median sits at position
        // (n − 1) / 2, between two neighbours when n is even.
        let lowerPosition = (n - 1) / 2
        let upperPosition = n / 2
        var seen = 0
        var index = 0
        while true {
            seen += tally[index]
            if seen > lowerPosition { break }
            index += 1
        }
        let lower = sorted[index]
        while seen <= upperPosition {
            index += 1
            seen += tally[index]
        }
        return (lower + sorted[index]) / 2
    }

    /// A number in `0..<bound` from the generator's next value, by multiplying instead of dividing (Lemire,
    /// 2019; its bias is below `bound` / 2⁶⁴). Not `SplitMix64.next(below:)`, which takes the remainder: the
    /// draws, and so the published intervals, stay those of the first version of the bootstrap.
    static func draw(below bound: Int, from generator: inout SplitMix64) -> Int {
        Int(truncatingIfNeeded: generator.next().multipliedFullWidth(by: UInt64(bound)).high)
    }
}
