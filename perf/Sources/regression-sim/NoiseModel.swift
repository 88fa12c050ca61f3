import PerfSupport

/// How simulated benchmark samples scatter: Gaussian noise with a coefficient of variation, occasional
/// slow outliers, and optionally a shift of the whole run (what makes a U test alone cry wolf on real
/// machines: two runs of identical code rarely have the same mean).
struct NoiseModel: CustomStringConvertible {
    /// Per-sample coefficient of variation (0.05 for 5 %).
    var coefficientOfVariation = 0.05
    /// Probability that a sample is an outlier.
    var outlierProbability = 0.05
    /// How much slower an outlier is (0.30 for +30 %).
    var outlierSize = 0.30
    /// Coefficient of variation of the per-run mean shift; 0 for none.
    var runDrift = 0.0

    var description: String {
        var text =
            "CV \(Self.percent(coefficientOfVariation)), \(Self.percent(outlierProbability)) outliers "
            + "+\(Self.percent(outlierSize))"
        if runDrift > 0 { text += ", run drift \(Self.percent(runDrift))" }
        return text
    }

    /// A fraction in percent with at most one decimal: `5 %`, `2.5 %`.
    static func percent(_ fraction: Double) -> String {
        NumberText.fixed(fraction * 100, decimals: 1, trimmingZeros: true) + " %"
    }

    /// `count` samples of one run whose true mean is `mean`.
    func run(mean: Double, count: Int, using generator: inout SplitMix64) -> [Double] {
        let shift = runDrift > 0 ? 1 + runDrift * generator.normal() : 1
        return (0..<count).map { _ in
            var value = mean * shift * (1 + coefficientOfVariation * generator.normal())
            if Double.random(in: 0..<1, using: &generator) < outlierProbability { value *= 1 + outlierSize }
            return max(value, mean * 0.01)
        }
    }
}
