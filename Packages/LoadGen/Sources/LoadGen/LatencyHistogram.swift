/// A fixed-memory log-linear histogram of latencies in nanoseconds, after HdrHistogram.
///
/// Values from 0 to about 18 minutes (2⁴⁰ ns) are kept with 3 significant digits: every value below
/// 2048 ns exactly, every larger one within 1/1024 of itself. The layout is the same for every
/// histogram, so histograms from several threads, processes or hosts merge exactly by adding counts
/// (`merge(_:)`), and a histogram serialized to JSON reads back bit for bit.
///
/// ```swift
/// var histogram = LatencyHistogram()
/// histogram.record(412_000)                 // 412 µs
/// let p99 = histogram.value(atPercentile: 99)
/// ```
///
/// Percentiles follow HdrHistogram: the value at percentile *p* is the highest value equivalent to the
/// recorded value of rank ⌈*p*/100 · *count*⌉ (never above the exact maximum recorded).
public struct LatencyHistogram: Sendable, Hashable {
    /// Counts per bucket index; `Layout.countsLength` entries.
    @usableFromInline var counts: [UInt64]
    /// The number of recorded values.
    public internal(set) var totalCount: UInt64
    /// The exact sum of the recorded values, in nanoseconds.
    public internal(set) var sum: UInt64
    /// The exact smallest recorded value, in nanoseconds (0 when empty).
    public internal(set) var minValue: UInt64
    /// The exact largest recorded value, in nanoseconds (0 when empty).
    public internal(set) var maxValue: UInt64

    /// The largest value a histogram records, in nanoseconds (2⁴⁰ − 1, about 18 minutes).
    public static let highestTrackableValue: UInt64 = Layout.highestTrackable
    /// The number of significant decimal digits kept for every value.
    public static let significantDigits = 3

    /// Creates an empty histogram.
    /// - Complexity: O(*b*) for the fixed number *b* of buckets (31 744).
    public init() {
        counts = [UInt64](repeating: 0, count: Layout.countsLength)
        totalCount = 0
        sum = 0
        minValue = 0
        maxValue = 0
    }

    /// Records one value in nanoseconds.
    ///
    /// - Returns: `false`, recording nothing, when `value` exceeds `highestTrackableValue`; the caller
    ///   counts such values (a latency of more than 18 minutes means the run is broken anyway).
    /// - Complexity: O(1).
    @discardableResult
    public mutating func record(_ value: UInt64) -> Bool {
        record(value, count: 1)
    }

    /// Records `count` occurrences of one value in nanoseconds.
    /// - Returns: `false`, recording nothing, when `value` exceeds `highestTrackableValue`.
    /// - Complexity: O(1).
    @discardableResult
    public mutating func record(_ value: UInt64, count: UInt64) -> Bool {
        guard value <= Layout.highestTrackable else { return false }
        guard count > 0 else { return true }
        counts[Layout.index(of: value)] &+= count
        if totalCount == 0 || value < minValue { minValue = value }
        if value > maxValue { maxValue = value }
        totalCount &+= count
        sum &+= value &* count
        return true
    }

    /// Adds every value of `other` to this histogram. Merging is exact: merging the histograms of two
    /// halves of a data set gives the histogram of the whole.
    /// - Complexity: O(*b*) for the fixed number *b* of buckets.
    public mutating func merge(_ other: LatencyHistogram) {
        guard other.totalCount > 0 else { return }
        other.counts.withUnsafeBufferPointer { source in
            counts.withUnsafeMutableBufferPointer { target in
                for index in 0..<Layout.countsLength where source[index] != 0 {
                    target[index] &+= source[index]
                }
            }
        }
        minValue = totalCount == 0 ? other.minValue : Swift.min(minValue, other.minValue)
        maxValue = Swift.max(maxValue, other.maxValue)
        totalCount &+= other.totalCount
        sum &+= other.sum
    }

    /// The count recorded in the bucket of `index` (see `nonZeroBuckets`).
    /// - Complexity: O(1).
    public func count(atBucket index: Int) -> UInt64 {
        counts[index]
    }

    /// The buckets that hold values, as (bucket index, count) pairs in increasing order of value.
    /// - Complexity: O(*b*) for the fixed number *b* of buckets.
    public var nonZeroBuckets: [(index: Int, count: UInt64)] {
        var buckets: [(index: Int, count: UInt64)] = []
        guard totalCount > 0 else { return buckets }
        for index in 0..<Layout.countsLength where counts[index] != 0 {
            buckets.append((index, counts[index]))
        }
        return buckets
    }

    /// Rebuilds a histogram from its buckets and exact extremes, as `nonZeroBuckets`, `sum`, `minValue`
    /// and `maxValue` gave them; `nil` when a bucket index is out of range or the extremes contradict
    /// the buckets.
    /// - Complexity: O(*b* + *n*) for *n* buckets given.
    public init?(buckets: [(index: Int, count: UInt64)], sum: UInt64, minValue: UInt64, maxValue: UInt64) {
        self.init()
        var total: UInt64 = 0
        for (index, count) in buckets {
            guard index >= 0, index < Layout.countsLength, count > 0 else { return nil }
            counts[index] &+= count
            total &+= count
        }
        if total > 0 {
            guard minValue <= maxValue, maxValue <= Layout.highestTrackable,
                Layout.index(of: minValue) == buckets.map(\.index).min(),
                Layout.index(of: maxValue) == buckets.map(\.index).max()
            else { return nil }
        }
        totalCount = total
        self.sum = sum
        self.minValue = total > 0 ? minValue : 0
        self.maxValue = total > 0 ? maxValue : 0
    }
}

/// The bucket layout shared by every histogram: HdrHistogram with a unit of 1 ns, 2048 sub-buckets
/// (3 significant digits) and 30 buckets (up to 2⁴⁰ ns).
@usableFromInline
enum Layout {
    static let subBucketHalfCountMagnitude = 10
    static let subBucketHalfCount = 1 << subBucketHalfCountMagnitude
    static let subBucketMask: UInt64 = (1 << (subBucketHalfCountMagnitude + 1)) - 1
    static let bucketCount = 30
    static let countsLength = (bucketCount + 1) * subBucketHalfCount
    static let highestTrackable: UInt64 = (1 << 40) - 1
    /// 64 − unit magnitude (0) − sub-bucket half-count magnitude − 1.
    static let leadingZeroCountBase = 64 - subBucketHalfCountMagnitude - 1

    /// The bucket index of `value` (`value <= highestTrackable`).
    @inline(__always)
    static func index(of value: UInt64) -> Int {
        let bucket = leadingZeroCountBase - (value | subBucketMask).leadingZeroBitCount
        let subBucket = Int(truncatingIfNeeded: value >> UInt64(bucket))
        return ((bucket + 1) << subBucketHalfCountMagnitude) + subBucket - subBucketHalfCount
    }

    /// The lowest value that falls in bucket `index`.
    static func lowestValue(at index: Int) -> UInt64 {
        var bucket = (index >> subBucketHalfCountMagnitude) - 1
        var subBucket = (index & (subBucketHalfCount - 1)) + subBucketHalfCount
        if bucket < 0 {
            subBucket -= subBucketHalfCount
            bucket = 0
        }
        return UInt64(subBucket) << UInt64(bucket)
    }

    /// How many distinct values bucket `index` holds.
    static func width(at index: Int) -> UInt64 {
        1 << UInt64(Swift.max(0, (index >> subBucketHalfCountMagnitude) - 1))
    }

    /// The highest value that falls in bucket `index`.
    static func highestValue(at index: Int) -> UInt64 {
        lowestValue(at: index) + width(at: index) - 1
    }

    /// The value in the middle of bucket `index`.
    static func middleValue(at index: Int) -> UInt64 {
        lowestValue(at: index) + width(at: index) / 2
    }
}
