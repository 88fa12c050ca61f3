import PerfSupport

extension LeakReport {
    /// The verdict with its numbers, in one paragraph for a terminal:
    ///
    /// ```
    /// LEAK (live allocations): +1.000 allocations/iteration over 40000 iterations; fit r² 1.000 (≥ 0.50 ✓),
    /// growth 40000 allocations (floor 256 ✓), last/first-third/whole slope 1.000/1.000/1.000 (≥ 0.50× and
    /// floor ✓), slope ≥ 1.000 at 99.9 % (rate floor 0.010 ✓), growth ratio 0.079 (shown); RSS 11.2 MiB →
    /// 16.0 MiB (fitted, not a verdict), peak 16.1 MiB
    /// ```
    public var summary: String {
        var text: String
        switch verdict {
        case .inconclusive(let reason):
            text = "INCONCLUSIVE: \(reason)"
        case .leak, .noLeak:
            guard let analysis = decidingAnalysis else { return "INCONCLUSIVE" }
            text = "\(isLeak ? "LEAK" : "no leak") (\(analysis.signal.label)): \(analysis.checksText)"
        }
        if let resident = analysis(of: .residentBytes) {
            let (start, end) = (NumberText.bytes(resident.startValue), NumberText.bytes(resident.endValue))
            text += "; RSS \(start) → \(end) (fitted, not a verdict)"
        }
        if let peak = peakResidentBytes { text += ", peak \(NumberText.bytes(Double(peak)))" }
        return text
    }
}

extension SignalAnalysis {
    /// The slope and the four checks with their numbers and outcome. The fourth is the rate (the slope's
    /// 99.9 % lower bound against the rate floor) for live allocations and heap bytes, the growth ratio for
    /// resident bytes; the other of the two is shown, not judged.
    public var checksText: String {
        func mark(_ passed: Bool) -> String { passed ? "✓" : "✗" }
        func fixed(_ value: Double, _ decimals: Int, signed: Bool = false) -> String {
            NumberText.fixed(value, decimals: decimals, signed: signed)
        }
        let unit = signal.unit
        let rate =
            "slope ≥ \(fixed(slopeLowerBound, 3)) at 99.9 % "
            + (judgesGrowthRatio ? "(shown)" : "(rate floor \(fixed(rateFloor, 3)) \(mark(exceedsRateFloor)))")
        let ratio =
            "growth ratio \(fixed(growthRatio, 3)) "
            + (judgesGrowthRatio ? "(≥ \(fixed(growthThreshold, 2)) \(mark(exceedsGrowthThreshold)))" : "(shown)")
        return "\(fixed(fit.slope, 3, signed: true)) \(unit)/iteration over \(span) iterations; "
            + "fit r² \(fixed(fit.rSquared, 3)) (≥ \(fixed(minimumFitQuality, 2)) \(mark(fitsSteadily))), "
            + "growth \(fixed(growth, 0)) \(unit) (floor \(fixed(floor, 0)) \(mark(exceedsFloor))), "
            + "last/first-third/whole slope \(fixed(lastThirdSlope, 3))/\(fixed(firstThirdSlope, 3))/"
            + "\(fixed(fit.slope, 3)) (≥ \(fixed(saturationRatio, 2))× and floor \(mark(stillGrowing))), "
            + "\(rate), \(ratio)"
    }
}
