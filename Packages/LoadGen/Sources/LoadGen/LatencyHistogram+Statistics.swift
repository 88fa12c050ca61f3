/// Percentiles, mean and standard deviation of a histogram.
extension LatencyHistogram {
    /// The 1-based rank of the value at `percentile` among `count` values: ⌈*p*/100 · *count*⌉, at
    /// least 1. A relative tolerance of 10⁻¹² keeps 99.99 % of 10 000 at rank 9 999, not 10 000.
    static func rank(forPercentile percentile: Double, count: UInt64) -> UInt64 {
        let raw = percentile / 100 * Double(count)
        let rank = UInt64((raw * (1 - 1e-12)).rounded(.up))
        return Swift.min(Swift.max(rank, 1), count)
    }

    /// The value at `percentile` (0...100), in nanoseconds; 0 when the histogram is empty.
    ///
    /// It is the highest value equivalent to the value of rank ⌈*p*/100 · *count*⌉, capped at the exact
    /// maximum, so it lies within 1/1024 above the exact percentile.
    /// - Complexity: O(*b*) for the fixed number *b* of buckets.
    public func value(atPercentile percentile: Double) -> UInt64 {
        precondition(percentile >= 0 && percentile <= 100, "percentile must be in 0...100")
        guard totalCount > 0 else { return 0 }
        if percentile >= 100 { return maxValue }
        let target = LatencyHistogram.rank(forPercentile: percentile, count: totalCount)
        var cumulative: UInt64 = 0
        return counts.withUnsafeBufferPointer { buffer in
            for index in 0..<Layout.countsLength where buffer[index] != 0 {
                cumulative &+= buffer[index]
                if cumulative >= target {
                    return Swift.min(Layout.highestValue(at: index), maxValue)
                }
            }
            return maxValue
        }
    }

    /// The exact mean of the recorded values, in nanoseconds; 0 when empty.
    /// - Complexity: O(1).
    public var mean: Double {
        totalCount == 0 ? 0 : Double(sum) / Double(totalCount)
    }

    /// The standard deviation, in nanoseconds, computed from bucket midpoints as HdrHistogram does
    /// (so merged histograms give the same figure as one combined histogram); 0 when empty.
    /// - Complexity: O(*b*) for the fixed number *b* of buckets.
    public var standardDeviation: Double {
        guard totalCount > 0 else { return 0 }
        let mean = self.mean
        var squares = 0.0
        counts.withUnsafeBufferPointer { buffer in
            for index in 0..<Layout.countsLength where buffer[index] != 0 {
                let deviation = Double(Layout.middleValue(at: index)) - mean
                squares += deviation * deviation * Double(buffer[index])
            }
        }
        return (squares / Double(totalCount)).squareRoot()
    }
}
