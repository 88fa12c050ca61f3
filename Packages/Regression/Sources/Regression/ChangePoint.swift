/// A change point in a series of measurements: where the mean shifts, with the two-sided Student t test
/// of the points on either side that decided it.
///
/// "Either side" means the stretch from the previous change point (or the start) to this one, and from
/// this one to the next (or the end), as Apache Otava defines it. Standard deviations are population
/// ones (divisor *n*), and the t test pools them as if they were sample ones, as Otava does; the p-value
/// is therefore Otava's, not a textbook Student test's.
public struct ChangePoint: Sendable, Hashable {
    /// The index of the first point after the change; always at least 1.
    public var index: Int
    /// The mean of the points from the previous change point (or the start) up to `index`, exclusive.
    public var meanBefore: Double
    /// The mean of the points from `index` up to the next change point (or the end), exclusive.
    public var meanAfter: Double
    /// The population standard deviation of the points before (0 for a single point).
    public var standardDeviationBefore: Double
    /// The population standard deviation of the points after (0 for a single point).
    public var standardDeviationAfter: Double
    /// The two-sided p-value of the t test of the two sides; 1 when they hold two points together.
    public var pValue: Double
    /// The t statistic, `(meanBefore − meanAfter) / standard error`; 0 when the test was not run.
    public var tStatistic: Double
    /// The test's degrees of freedom: the number of points on both sides minus 2.
    public var degreesOfFreedom: Int

    /// Creates a change point from its statistics.
    public init(
        index: Int, meanBefore: Double, meanAfter: Double, standardDeviationBefore: Double,
        standardDeviationAfter: Double, pValue: Double, tStatistic: Double, degreesOfFreedom: Int
    ) {
        self.index = index
        self.meanBefore = meanBefore
        self.meanAfter = meanAfter
        self.standardDeviationBefore = standardDeviationBefore
        self.standardDeviationAfter = standardDeviationAfter
        self.pValue = pValue
        self.tStatistic = tStatistic
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// `meanAfter / meanBefore − 1`: +0.1 is a 10 % rise. 0 when `meanBefore` is 0 (as Otava).
    public var relativeChange: Double {
        meanBefore == 0 ? 0 : meanAfter / meanBefore - 1
    }

    /// `meanBefore / meanAfter − 1`, the change read backwards. 0 when `meanAfter` is 0.
    public var backwardRelativeChange: Double {
        meanAfter == 0 ? 0 : meanBefore / meanAfter - 1
    }

    /// The larger of `|relativeChange|` and `|backwardRelativeChange|`: what `minMagnitude` is compared with,
    /// so that a halving (−50 % forwards, +100 % backwards) counts as much as a doubling.
    public var magnitude: Double {
        max(abs(relativeChange), abs(backwardRelativeChange))
    }
}
