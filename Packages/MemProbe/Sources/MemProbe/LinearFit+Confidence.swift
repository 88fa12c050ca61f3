import PerfSupport

extension LinearFit {
    /// The one-sided 99.9 % lower confidence bound of the slope: `slope − t · slopeStandardError`, with `t`
    /// Student's 0.999 quantile for `count − 2` degrees of freedom (PerfSupport's `StudentT`: 7.17 for six
    /// points, 3.39 for 32, about 3.1 for many).
    ///
    /// Were the points a line plus independent noise, the true slope would lie below this bound in one
    /// series out of a thousand. Memory series are not independent noise (a sawtooth's residuals run in
    /// teeth), so the bound is one check among several, never the verdict alone. `-infinity` with two points.
    public var slopeLowerBound: Double {
        guard count > 2 else { return -.infinity }
        guard slopeStandardError > 0 else { return slope }
        return slope - StudentT.upperQuantile(tail: 0.001, degreesOfFreedom: Double(count - 2)) * slopeStandardError
    }
}
