import PerfSupport

/// Summary statistics of one task's clean samples, in nanoseconds per operation.
///
/// Computed as tinybench computes them, so numbers compare: percentiles interpolate linearly between
/// the two nearest order statistics (R's type 7), `sd` is the sample standard deviation (divisor
/// *n* − 1), `mad` is the unscaled median absolute deviation, and `rme` is the 95 % Student-t margin
/// of error of the mean relative to the mean. The rme describes the spread *within one run* only: it
/// says nothing about how far another run, build or machine will land (use the regression gate's
/// comparison of samples for that). Every value keeps full double precision.
public struct Statistics: Sendable, Hashable {
    /// Number of values summarized.
    public let count: Int
    /// Arithmetic mean.
    public let mean: Double
    /// Smallest value.
    public let min: Double
    /// Largest value.
    public let max: Double
    /// Median, the headline figure.
    public let p50: Double
    /// 75th percentile.
    public let p75: Double
    /// 99th percentile.
    public let p99: Double
    /// Sample standard deviation (divisor *n* − 1); 0 for a single value.
    public let sd: Double
    /// Median absolute deviation from the median, unscaled.
    public let mad: Double
    /// Standard error of the mean, `sd / √n`.
    public let sem: Double
    /// Margin of error of the mean at 95 % confidence, `sem × t(0.975, n − 1)`.
    public let moe: Double
    /// Relative margin of error in percent, `moe / mean × 100`; 0 when the mean is 0.
    public let rme: Double
    /// Values outside Tukey's fences.
    public let outliers: TukeyOutliers

    /// Summarizes `values`, which must not be empty and must be finite.
    /// - Complexity: O(*n* log *n*) for *n* values.
    public init(_ values: [Double]) {
        precondition(!values.isEmpty, "Statistics needs at least one value")
        precondition(values.allSatisfy(\.isFinite), "Statistics needs finite values")
        let sample = SortedSample(values)
        // Welford over the sorted values, as tinybench-compatible results have always been computed here:
        // the order changes the last bits of the mean.
        let moments = Moments(sample.values)
        count = sample.count
        mean = moments.mean
        min = sample.minimum
        max = sample.maximum
        p50 = sample.median
        p75 = sample.quantile(0.75)
        p99 = sample.quantile(0.99)
        sd = moments.standardDeviation
        mad = sample.medianAbsoluteDeviation
        sem = sd / Double(count).squareRoot()
        moe = sem * StudentT.critical95(degreesOfFreedom: count - 1)
        rme = mean == 0 ? 0 : moe / abs(mean) * 100
        outliers = TukeyOutliers(sample)
    }

    /// Operations per second at the median, `1e9 / p50`; 0 when the median is 0.
    public var opsPerSecond: Double {
        p50 > 0 ? 1e9 / p50 : 0
    }
}
