import PerfSupport

extension LeakReport {
    /// The verdict with its numbers, in one paragraph for a terminal:
    ///
    /// ```
    /// LEAK (live allocations): +1.000 allocations/iteration over 40000 iterations;
    /// fit r² 1.000 (≥ 0.50 ✓), growth 40000 allocations (floor 256 ✓), last/first-third slope 1.000/1.000
    /// (still growing ✓), growth ratio 12.40 (threshold 0.20 ✓); RSS 11.2 MiB → 16.0 MiB, peak 16.1 MiB
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
    /// The slope and the four checks with their numbers and outcome.
    public var checksText: String {
        func mark(_ passed: Bool) -> String { passed ? "✓" : "✗" }
        func fixed(_ value: Double, _ decimals: Int, signed: Bool = false) -> String {
            NumberText.fixed(value, decimals: decimals, signed: signed)
        }
        let unit = signal.unit
        return "\(fixed(fit.slope, 3, signed: true)) \(unit)/iteration over \(span) iterations; "
            + "fit r² \(fixed(fit.rSquared, 3)) (≥ \(fixed(minimumFitQuality, 2)) \(mark(fitsSteadily))), "
            + "growth \(fixed(growth, 0)) \(unit) (floor \(fixed(floor, 0)) \(mark(exceedsFloor))), "
            + "last/first-third slope \(fixed(lastThirdSlope, 3))/\(fixed(firstThirdSlope, 3)) "
            + "(≥ \(fixed(saturationRatio, 2))× and floor \(mark(stillGrowing))), "
            + "growth ratio \(fixed(growthRatio, 3)) (≥ \(fixed(growthThreshold, 2)) \(mark(exceedsGrowthThreshold)))"
    }
}
