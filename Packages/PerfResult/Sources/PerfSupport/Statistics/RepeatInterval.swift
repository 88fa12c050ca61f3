/// Where the median of another run of the same number of independent processes is expected to land: a 95 %
/// prediction interval built from the spread between processes.
///
/// A run measured in *n* processes (forks) reports the median of their values. A confidence interval for that
/// median (e.g. `SortedSample.medianInterval`) answers "where is the true median?"; a user asking "will the next
/// run agree?" needs more room, because the next run's median varies too. With *n* = 5, even `[min, max]` of one
/// run holds another run's median only 83 % of the time (rank argument, any continuous distribution). This
/// interval is `median ± t(0.975, n − 1) · s · √(π / n)`: the difference of two medians of *n* has about
/// `π σ² / n` variance (each median's is `π σ² / 2n` for normal data), and `s` is the sample standard deviation,
/// which widens with a second mode. Checked by simulation (`RepeatIntervalTests`): another run's median falls
/// inside 93–96 % of the time for *n* = 5 with normal, log-normal and two-mode data. It holds less well for large
/// *n* on two modes of equal weight (the median itself then jumps between modes).
public struct RepeatInterval: Sendable, Hashable {
    /// The median of the values, the run's figure.
    public let center: Double
    /// Half the interval's width, in the values' unit.
    public let halfWidth: Double

    /// The interval of `values` (one per process), or `nil` for fewer than two values.
    /// - Complexity: O(*n* log *n*).
    public init?(_ values: [Double]) {
        guard values.count >= 2 else { return nil }
        center = SortedSample(values).median
        let spread = Moments(values).standardDeviation
        let critical = StudentT.critical95(degreesOfFreedom: values.count - 1)
        halfWidth = critical * spread * (Double.pi / Double(values.count)).squareRoot()
    }

    /// The lowest value inside the interval.
    public var lower: Double { center - halfWidth }
    /// The highest value inside the interval.
    public var upper: Double { center + halfWidth }

    /// The half-width relative to the center, in percent (`±4.2 %`); infinite when the center is 0 and the width is
    /// not.
    public var relativeHalfWidthPercent: Double {
        if halfWidth == 0 { return 0 }
        return center == 0 ? .infinity : halfWidth / abs(center) * 100
    }

    /// Whether `value` lies inside the interval, ends included.
    public func contains(_ value: Double) -> Bool {
        value >= lower && value <= upper
    }
}
