/// A sample sorted once, for its order statistics: quantiles, median, MAD, minimum and maximum.
///
/// **Quantiles** interpolate linearly between the two nearest order statistics: Hyndman and Fan's type 7,
/// R's default, and NumPy's default `np.quantile(values, q)` (`method="linear"`). For *n* sorted values
/// *x₀ … xₙ₋₁* and a level *q*, the position is *h = (n − 1) q*, and the quantile is *x⌊h⌋* moved toward
/// *x⌊h⌋₊₁* by the fraction *h − ⌊h⌋*. **`q` is a fraction in `0...1`** everywhere in the toolkit: 0 is the
/// minimum, 0.5 the median, 0.99 the 99th percentile, 1 the maximum (never `50` or `99`). The arithmetic is
/// NumPy's to the last bit (it interpolates from the upper neighbour when the fraction is ½ or more).
///
/// The median is the 0.5 quantile (the mean of the middle two for an even count).
public struct SortedSample: Sendable, Hashable {
    /// The values, ascending.
    public let values: [Double]

    /// Sorts `values`.
    /// - Precondition: no value is NaN (NaN has no rank).
    /// - Complexity: O(*n* log *n*).
    public init(_ values: some Sequence<Double>) {
        let sorted = values.sorted()
        precondition(!sorted.contains { $0.isNaN }, "a sample with NaN has no order")
        self.values = sorted
    }

    /// Wraps values already in ascending order, without sorting them again.
    /// - Precondition: `ascending` is sorted ascending and has no NaN (checked, O(*n*)).
    /// - Complexity: O(*n*).
    public init(ascending: [Double]) {
        precondition(
            zip(ascending, ascending.dropFirst()).allSatisfy { $0 <= $1 } && !ascending.contains { $0.isNaN },
            "SortedSample(ascending:) needs ascending values without NaN")
        values = ascending
    }

    /// The number of values.
    public var count: Int { values.count }

    /// Whether there are no values; the statistics below need at least one.
    public var isEmpty: Bool { values.isEmpty }

    /// The smallest value.
    /// - Precondition: the sample is not empty.
    public var minimum: Double {
        precondition(!values.isEmpty, "the minimum of no values")
        return values[0]
    }

    /// The largest value.
    /// - Precondition: the sample is not empty.
    public var maximum: Double {
        precondition(!values.isEmpty, "the maximum of no values")
        return values[values.count - 1]
    }

    /// The `q`-quantile (type 7, `q` in `0...1`; see the type's summary).
    /// - Precondition: the sample is not empty and `0 <= q <= 1`.
    /// - Complexity: O(1).
    public func quantile(_ q: Double) -> Double {
        precondition(!values.isEmpty, "a quantile of no values")
        precondition(q >= 0 && q <= 1, "a quantile level is a fraction in 0...1, got \(q)")
        let position = Double(values.count - 1) * q
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, values.count - 1)
        let fraction = position - Double(lower)
        let (a, b) = (values[lower], values[upper])
        // NumPy's _lerp: from the nearer end, which keeps the result inside [a, b] and matches it exactly.
        let difference = b - a
        return fraction >= 0.5 ? b - difference * (1 - fraction) : a + difference * fraction
    }

    /// The median: the 0.5 quantile, the mean of the middle two values for an even count.
    /// - Precondition: the sample is not empty.
    /// - Complexity: O(1).
    public var median: Double { quantile(0.5) }

    /// The median absolute deviation from the median, unscaled: the median of |*xᵢ* − median|.
    ///
    /// A spread that a few wild values do not move. For normally distributed values it is about 0.6745 σ;
    /// `scaledMedianAbsoluteDeviation` estimates σ itself.
    /// - Precondition: the sample is not empty.
    /// - Complexity: O(*n* log *n*).
    public var medianAbsoluteDeviation: Double {
        let center = median
        return SortedSample(values.map { abs($0 - center) }).median
    }

    /// `medianAbsoluteDeviation` × 1.4826, which estimates the standard deviation of normally distributed
    /// values (1.4826 ≈ 1 / Φ⁻¹(0.75), as in R's `mad` and SciPy's `scale="normal"`).
    /// - Precondition: the sample is not empty.
    /// - Complexity: O(*n* log *n*).
    public var scaledMedianAbsoluteDeviation: Double {
        medianAbsoluteDeviation * 1.4826
    }
}
