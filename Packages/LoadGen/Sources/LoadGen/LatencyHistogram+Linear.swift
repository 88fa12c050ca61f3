/// Recording an evenly spaced range of values at once, as the open model's unsent requests need: arrivals
/// at a constant rate that were never sent have latencies that form an arithmetic series.
extension LatencyHistogram {
    /// Records `count` values spaced evenly from `first` to `last`, each rounded to the nearest nanosecond
    /// (halves up): value *i* is `first` + ⌊(2*i*(`last` − `first`) + `count` − 1) / (2(`count` − 1))⌋, so the
    /// first is `first` and the last is `last`. A count of 1 records `first`.
    ///
    /// The histogram ends up exactly as if every value had been recorded with `record(_:)`, in time that
    /// grows with the buckets the range covers (at most about 10⁴ for values up to seconds), not with `count`.
    ///
    /// - Returns: how many values exceed `highestTrackableValue`; they are not recorded.
    /// - Precondition: `first <= last`, and `count < 2⁶²`.
    /// - Complexity: O(*k* + log *n*) for *k* buckets covered and *n* = `count`.
    @discardableResult
    public mutating func record(linearFrom first: UInt64, to last: UInt64, count: UInt64) -> UInt64 {
        precondition(first <= last, "a linear range runs from its smallest value to its largest")
        precondition(count < 1 << 62, "a linear range holds fewer than 2⁶² values")
        guard count > 0 else { return 0 }
        let series = LinearSeries(first: first, last: last, count: count)
        var index: UInt64 = 0
        while index < count {
            let value = series.value(at: index)
            guard value <= Layout.highestTrackable else { break }
            let bucket = Layout.index(of: value)
            let end = series.countNotAbove(Swift.min(Layout.highestValue(at: bucket), Layout.highestTrackable))
            precondition(end > index, "a linear range advances by at least its value in each bucket")
            addBucket(bucket, count: end - index)
            index = end
        }
        if index > 0 {
            addSummary(count: index, sum: series.sum(ofFirst: index), min: first, max: series.value(at: index - 1))
        }
        return count - index
    }
}

/// The values first + ⌊(2*i*Δ + *n* − 1) / (2(*n* − 1))⌋ for *i* in 0..<*n*, Δ = last − first: exact integer
/// arithmetic on 128 bits, so no value, count or sum is ever rounded differently from the one-by-one sum.
struct LinearSeries {
    let first: UInt64
    let count: UInt64
    /// 2Δ and 2(*n* − 1): value *i* is first + ⌊(`slope` *i* + `offset`) / `divisor`⌋.
    let slope: UInt128
    let offset: UInt128
    let divisor: UInt128

    init(first: UInt64, last: UInt64, count: UInt64) {
        self.first = first
        self.count = count
        if count > 1 {
            slope = 2 * UInt128(last - first)
            offset = UInt128(count - 1)
            divisor = 2 * UInt128(count - 1)
        } else {
            (slope, offset, divisor) = (0, 0, 1)
        }
    }

    /// Value *i* (0-based).
    func value(at index: UInt64) -> UInt64 {
        first + UInt64((slope * UInt128(index) + offset) / divisor)
    }

    /// How many values are at most `bound` (the values never decrease): the *i* with
    /// ⌊(`slope` *i* + `offset`) / `divisor`⌋ ≤ `bound` − first, i.e. `slope` *i* < (`bound` − first + 1) `divisor` − `offset`.
    func countNotAbove(_ bound: UInt64) -> UInt64 {
        guard bound >= first else { return 0 }
        guard slope > 0 else { return count }
        let limit = (UInt128(bound - first) + 1) * divisor - offset
        let below = (limit + slope - 1) / slope
        return below >= UInt128(count) ? count : UInt64(below)
    }

    /// The sum of the first `prefix` values, modulo 2⁶⁴ as the histogram keeps it.
    func sum(ofFirst prefix: UInt64) -> UInt64 {
        let steps = floorSum(count: UInt128(prefix), divisor: divisor, slope: slope, offset: offset)
        return UInt64(truncatingIfNeeded: UInt128(prefix) &* UInt128(first) &+ steps)
    }
}

/// Σ ⌊(*a i* + *b*) / *m*⌋ over *i* in 0..<*n* by Euclid-like reduction, in O(log *m*) steps (the classic
/// "floor sum"). Exact modulo 2¹²⁸ while *a n* + *b* fits in 128 bits, which `LinearSeries` guarantees:
/// after the first reduction *a* < *m* = 2(*n* − 1) < 2⁶³ and *n* < 2⁶².
func floorSum(count: UInt128, divisor: UInt128, slope: UInt128, offset: UInt128) -> UInt128 {
    var (n, m, a, b) = (count, divisor, slope, offset)
    var total: UInt128 = 0
    while n > 0 {
        if a >= m {
            // n(n − 1)/2 without overflow: halve the even factor first.
            let pairs = n % 2 == 0 ? (n / 2) &* (n - 1) : n &* ((n - 1) / 2)
            total &+= pairs &* (a / m)
            a %= m
        }
        if b >= m {
            total &+= n &* (b / m)
            b %= m
        }
        let top = a * n + b
        if top < m { break }
        (n, b, m, a) = (top / m, top % m, a, m)
    }
    return total
}
