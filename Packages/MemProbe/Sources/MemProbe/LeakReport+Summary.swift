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
            text += "; RSS \(resident.startValue.bytesText) → \(resident.endValue.bytesText) (fitted, not a verdict)"
        }
        if let peak = peakResidentBytes { text += ", peak \(Double(peak).bytesText)" }
        return text
    }
}

extension SignalAnalysis {
    /// The slope and the four checks with their numbers and outcome.
    public var checksText: String {
        func mark(_ passed: Bool) -> String { passed ? "✓" : "✗" }
        let unit = signal.unit
        return "\(fit.slope >= 0 ? "+" : "")\(fit.slope.fixed(3)) \(unit)/iteration over \(span) iterations; "
            + "fit r² \(fit.rSquared.fixed(3)) (≥ \(minimumFitQuality.fixed(2)) \(mark(fitsSteadily))), "
            + "growth \(growth.fixed(0)) \(unit) (floor \(floor.fixed(0)) \(mark(exceedsFloor))), "
            + "last/first-third slope \(lastThirdSlope.fixed(3))/\(firstThirdSlope.fixed(3)) "
            + "(≥ \(saturationRatio.fixed(2))× and floor \(mark(stillGrowing))), "
            + "growth ratio \(growthRatio.fixed(3)) (≥ \(growthThreshold.fixed(2)) \(mark(exceedsGrowthThreshold)))"
    }
}
