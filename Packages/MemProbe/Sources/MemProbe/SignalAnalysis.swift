/// The fit of one series after warmup and the four checks a leak must pass, with their numbers.
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
    /// `(endValue − startValue) / startValue` (the start is taken as at least 1).
    public let growthRatio: Double
    /// The absolute floor this series' growth was held to.
    public let floor: Double
    /// The r² the fit was held to.
    public let minimumFitQuality: Double
    /// The share of the first third's slope the last third had to keep.
    public let saturationRatio: Double
    /// The growth ratio that counts as a leak.
    public let growthThreshold: Double

    /// The fitted growth across the analysed samples, `endValue − startValue`.
    public var growth: Double { endValue - startValue }

    /// Check 1: the line explains enough of the variance (r² ≥ minimum fit quality).
    public let fitsSteadily: Bool
    /// Check 2: the fitted growth reaches the floor.
    public let exceedsFloor: Bool
    /// Check 3: the last third still grows: its slope is at least the saturation ratio times the first
    /// third's, and over the span it would still reach the floor.
    public let stillGrowing: Bool
    /// Check 4: the growth ratio reaches the threshold.
    public let exceedsGrowthThreshold: Bool

    /// Whether all four checks hold.
    public var indicatesLeak: Bool {
        fitsSteadily && exceedsFloor && stillGrowing && exceedsGrowthThreshold
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
        self.minimumFitQuality = configuration.minimumFitQuality
        self.saturationRatio = configuration.saturationRatio
        self.growthThreshold = configuration.growthThreshold
        self.fitsSteadily = fit.rSquared >= configuration.minimumFitQuality
        self.exceedsFloor = endValue - startValue >= floor && endValue - startValue > 0
        self.stillGrowing =
            last.slope > 0 && last.slope >= configuration.saturationRatio * first.slope
            && last.slope * Double(span) >= floor
        self.exceedsGrowthThreshold = growthRatio >= configuration.growthThreshold && growthRatio > 0
    }
}
