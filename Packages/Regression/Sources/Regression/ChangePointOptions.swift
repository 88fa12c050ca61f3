/// The parameters of change-point detection, with Apache Otava's defaults (`AnalysisOptions`:
/// `window_len` 50, `max_pvalue` 0.001, `min_magnitude` 0).
public struct ChangePointOptions: Sendable, Hashable {
    /// The length of the sliding windows the split step searches (Otava's `window_len`); windows start
    /// half a window apart.
    public let windowLength: Int
    /// The largest p-value a final change point may have (Otava's `max_pvalue`).
    public let maxPValue: Double
    /// The smallest `ChangePoint.magnitude` a change point keeps even when its p-value fails
    /// (Otava's `min_magnitude`): the merge step removes a change point whose p-value is at least
    /// `maxPValue`, or, once every p-value passes, whose magnitude is at most this.
    public let minMagnitude: Double

    /// Otava's defaults: windows of 50 points, p < 0.001, no minimum magnitude.
    public static let otavaDefaults = ChangePointOptions(validWindowLength: 50, maxPValue: 0.001, minMagnitude: 0)

    /// Creates options.
    /// - Throws: `RegressionError.invalidChangePointOptions` when `windowLength` is below 2, `maxPValue` is
    ///   not in (0, 1], or `minMagnitude` is negative or not finite.
    public init(windowLength: Int = 50, maxPValue: Double = 0.001, minMagnitude: Double = 0) throws(RegressionError) {
        guard windowLength >= 2 else {
            throw .invalidChangePointOptions("the window length is \(windowLength); it must be at least 2")
        }
        guard maxPValue > 0, maxPValue <= 1 else {
            throw .invalidChangePointOptions("the maximum p-value is \(maxPValue); it must be in (0, 1]")
        }
        guard minMagnitude >= 0, minMagnitude.isFinite else {
            throw .invalidChangePointOptions(
                "the minimum magnitude is \(minMagnitude); it must be a finite number ≥ 0 (0.05 is 5 %)")
        }
        self.init(validWindowLength: windowLength, maxPValue: maxPValue, minMagnitude: minMagnitude)
    }

    private init(validWindowLength: Int, maxPValue: Double, minMagnitude: Double) {
        self.windowLength = validWindowLength
        self.maxPValue = maxPValue
        self.minMagnitude = minMagnitude
    }

    /// The relaxed threshold of the split step, whose change points are only candidates ("weak"): ten times
    /// `maxPValue` below 0.05, twice it below 0.5, else `maxPValue` itself (Otava's `first_pass_pvalue`).
    public var splitMaxPValue: Double {
        maxPValue < 0.05 ? maxPValue * 10 : (maxPValue < 0.5 ? maxPValue * 2 : maxPValue)
    }
}
