import PerfSupport

/// Counts of values outside Tukey's fences, per side.
///
/// With quartiles Q1 and Q3 and IQR = Q3 − Q1, a value below Q1 − 1.5 IQR or above Q3 + 1.5 IQR is
/// an outlier; beyond 3 IQR it is severe. Severe outliers are also counted in `low` and `high`.
/// Outliers are counted, not removed: the median already ignores them.
public struct TukeyOutliers: Sendable, Hashable {
    /// Values below Q1 − 1.5 IQR.
    public var low: Int
    /// Values above Q3 + 1.5 IQR.
    public var high: Int
    /// Values below Q1 − 3 IQR.
    public var lowSevere: Int
    /// Values above Q3 + 3 IQR.
    public var highSevere: Int

    /// All outliers, both sides.
    public var total: Int { low + high }

    /// Creates counts directly.
    public init(low: Int = 0, high: Int = 0, lowSevere: Int = 0, highSevere: Int = 0) {
        self.low = low
        self.high = high
        self.lowSevere = lowSevere
        self.highSevere = highSevere
    }

    /// Counts the outliers of ascending `sorted`.
    /// - Complexity: O(*n*).
    public init(sorted: [Double]) {
        self.init(SortedSample(ascending: sorted))
    }

    /// Counts the outliers of `sample`.
    /// - Complexity: O(*n*).
    init(_ sample: SortedSample) {
        self.init()
        guard !sample.isEmpty else { return }
        let q1 = sample.quantile(0.25)
        let q3 = sample.quantile(0.75)
        let iqr = q3 - q1
        for value in sample.values {
            if value < q1 - 1.5 * iqr { low += 1 }
            if value < q1 - 3 * iqr { lowSevere += 1 }
            if value > q3 + 1.5 * iqr { high += 1 }
            if value > q3 + 3 * iqr { highSevere += 1 }
        }
    }
}
