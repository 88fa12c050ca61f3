/// The fit of one series after warmup and the four checks a leak must pass, with their numbers.
///
/// Every check reads slopes, r² or growth, none of which changes when a constant is added to the series:
/// the verdict on a series does not depend on how much the process held when the check started.
public struct SignalAnalysis: Sendable, Hashable {
    /// The series.
    public let signal: LeakSignal
    /// The least-squares line over the analysed samples (x: iterations).
    public let fit: LinearFit
    /// The slope over the first third of the analysed samples.
    public let firstThirdSlope: Double
    /// The slope over the last third of the analysed samples.
    public let lastThirdSlope: Double
    /// Iterations between the first and the last analysed sample.
    public let span: Int
    /// The fitted value at the first analysed sample.
    public let startValue: Double
    /// The fitted value at the last analysed sample.
    public let endValue: Double
    /// `(endValue − startValue) / startValue` (the start is taken as at least 1). Shown for every series;
    /// a check only for resident bytes.
    public let growthRatio: Double
    /// The absolute floor this series' growth was held to.
    public let floor: Double
    /// The leak rate per iteration the slope's lower confidence bound was held to.
    public let rateFloor: Double
    /// The r² the fit was held to.
    public let minimumFitQuality: Double
    /// The share of the first third's and of the whole fit's slope the last third had to keep.
    public let saturationRatio: Double
    /// The growth ratio that counts as growth of resident bytes.
    public let growthThreshold: Double

    /// The fitted growth across the analysed samples, `endValue − startValue`.
    public var growth: Double { endValue - startValue }

    /// The one-sided 99.9 % lower confidence bound of the slope per iteration (`LinearFit.slopeLowerBound`).
    public var slopeLowerBound: Double { fit.slopeLowerBound }

    /// Check 1: the line explains enough of the variance (r² ≥ minimum fit quality).
    public let fitsSteadily: Bool
    /// Check 2: the fitted growth reaches the floor.
    public let exceedsFloor: Bool
    /// Check 3: the last third still grows and has not slowed down: its slope is at least the saturation
    /// ratio times the first third's and times the whole fit's, and over the span it would still reach the
    /// floor. A cache that fills early fails on the first third; one that fills late, after a flat start,
    /// on the whole fit; a one-off step on both.
    public let stillGrowing: Bool
    /// Check 4 of live allocations and heap bytes: the slope's lower confidence bound reaches the rate floor,
    /// so the growth is a steady rate per iteration, not noise, whatever the process already holds.
    public let exceedsRateFloor: Bool
    /// Check 4 of resident bytes: the growth ratio reaches the threshold.
    public let exceedsGrowthThreshold: Bool

    /// Whether the fourth check is the growth ratio (resident bytes) rather than the rate.
    public var judgesGrowthRatio: Bool { signal == .residentBytes }

    /// The outcome of the fourth check: the rate for live allocations and heap bytes, the growth ratio for
    /// resident bytes.
    public var passesFourthCheck: Bool { judgesGrowthRatio ? exceedsGrowthThreshold : exceedsRateFloor }

    /// Whether all four checks hold.
    public var indicatesLeak: Bool {
        fitsSteadily && exceedsFloor && stillGrowing && passesFourthCheck
    }

    /// Analyses `values` at `iterations` (the samples after warmup); `nil` with fewer than
    /// `Configuration.minimumAnalysedSamples` points.
    /// - Complexity: O(*n*).
    init?(signal: LeakSignal, iterations: [Double], values: [Double], configuration: LeakCheck.Configuration) {
        let count = values.count
        guard count >= LeakCheck.Configuration.minimumAnalysedSamples,
            let fit = LinearFit(x: iterations, y: values)
        else { return nil }
        let third = count / 3
        guard let first = LinearFit(x: Array(iterations[..<third]), y: Array(values[..<third])),
            let last = LinearFit(x: Array(iterations[(count - third)...]), y: Array(values[(count - third)...]))
        else { return nil }
        let firstX = iterations[0]
        let lastX = iterations[count - 1]
        self.signal = signal
        self.fit = fit
        self.firstThirdSlope = first.slope
        self.lastThirdSlope = last.slope
        self.span = Int(lastX - firstX)
        self.startValue = fit.value(at: firstX)
        self.endValue = fit.value(at: lastX)
        self.growthRatio = (endValue - startValue) / max(startValue, 1)
        self.floor = configuration.floor(for: signal)
        self.rateFloor = configuration.rateFloor(for: signal)
        self.minimumFitQuality = configuration.minimumFitQuality
        self.saturationRatio = configuration.saturationRatio
        self.growthThreshold = configuration.growthThreshold
        self.fitsSteadily = fit.rSquared >= configuration.minimumFitQuality
        self.exceedsFloor = endValue - startValue >= floor && endValue - startValue > 0
        self.stillGrowing =
            last.slope > 0 && last.slope >= configuration.saturationRatio * max(first.slope, fit.slope)
            && last.slope * Double(span) >= floor
        self.exceedsRateFloor = fit.slopeLowerBound >= rateFloor && fit.slopeLowerBound > 0
        self.exceedsGrowthThreshold = growthRatio >= configuration.growthThreshold && growthRatio > 0
    }
}
