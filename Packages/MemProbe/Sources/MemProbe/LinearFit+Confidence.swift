extension LinearFit {
    /// The one-sided 99.9 % lower confidence bound of the slope: `slope − t · slopeStandardError`, with `t`
    /// Student's 0.999 quantile for `count − 2` degrees of freedom (7.17 for six points, 3.39 for 32, about 3.1 for many).
    ///
    /// Were the points a line plus independent noise, the true slope would lie below this bound in one
    /// series out of a thousand. Memory series are not independent noise (a sawtooth's residuals run in
    /// teeth), so the bound is one check among several, never the verdict alone. `-infinity` with two points.
    public var slopeLowerBound: Double {
        guard count > 2 else { return -.infinity }
        guard slopeStandardError > 0 else { return slope }
        return slope - StudentT.upperQuantile999(degreesOfFreedom: count - 2) * slopeStandardError
    }
}

/// Student's t distribution, as far as confidence bounds of a fitted slope need it.
enum StudentT {
    /// The 0.999 quantiles for 1...30 degrees of freedom (standard tables, three decimals).
    private static let quantiles999: [Double] = [
        318.309, 22.327, 10.215, 7.173, 5.893, 5.208, 4.785, 4.501, 4.297, 4.144,
        4.025, 3.930, 3.852, 3.787, 3.733, 3.686, 3.646, 3.610, 3.579, 3.552,
        3.527, 3.505, 3.485, 3.467, 3.450, 3.435, 3.421, 3.408, 3.396, 3.385,
    ]

    /// The value `t` exceeds with probability 0.001 for `degreesOfFreedom` (≥ 1). Beyond 30 it is the tabled
    /// value of the nearest tabled degrees of freedom at or below (30, 40, 60, 120, 1000), which errs towards
    /// a wider bound; it tends to the normal's 3.090.
    static func upperQuantile999(degreesOfFreedom: Int) -> Double {
        precondition(degreesOfFreedom >= 1, "Student's t needs at least one degree of freedom")
        switch degreesOfFreedom {
        case ...30: return quantiles999[degreesOfFreedom - 1]
        case ..<40: return 3.385
        case ..<60: return 3.307
        case ..<120: return 3.232
        case ..<1000: return 3.160
        default: return 3.098
        }
    }
}
