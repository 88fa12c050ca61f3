import PerfResult
import PerfSupport
import Regression

/// Seeded A/A and A/B comparisons through the real gate (`Comparer` with the shipped thresholds):
/// how often identical code is flagged, and how often a real slowdown is caught.
struct FalseAlarmSimulation {
    struct Scenario {
        var name: String
        var noise: NoiseModel
        /// The true slowdown of the current run (0 for A/A, 0.20 for a 20 % regression).
        var slowdown: Double
    }

    struct Outcome {
        var comparisons: Int
        /// Rows the gate called a regression.
        var gateFlagged: Int
        /// Comparisons where the U test alone says p < 0.05 (either direction, as benchstat reports).
        var testAloneFlagged: Int
        /// Comparisons where the threshold alone (median ratio > +10 %) would flag.
        var thresholdAloneFlagged: Int
    }

    var samplesPerSide = 10
    var comparisons = 1_000
    var seed: UInt64 = 20_261_122

    func run(_ scenario: Scenario) -> Outcome {
        let comparer = Comparer(thresholds: .shipped)
        var generator = SplitMix64(seed: seed ^ UInt64(truncatingIfNeeded: scenario.name.hashValueStable))
        var outcome = Outcome(comparisons: comparisons, gateFlagged: 0, testAloneFlagged: 0, thresholdAloneFlagged: 0)
        for _ in 0..<comparisons {
            let baseline = scenario.noise.run(mean: 100, count: samplesPerSide, using: &generator)
            let current = scenario.noise.run(
                mean: 100 * (1 + scenario.slowdown), count: samplesPerSide, using: &generator)
            let row = comparer.compare(
                baseline: .nsPerOp(SortedSample(baseline).median, samples: baseline),
                current: .nsPerOp(SortedSample(current).median, samples: current), suite: "micro", result: "sim/case")
            if row.verdict == .regression { outcome.gateFlagged += 1 }
            if let p = row.pValue, p < 0.05 { outcome.testAloneFlagged += 1 }
            if (row.change ?? 0) > 0.10 { outcome.thresholdAloneFlagged += 1 }
        }
        return outcome
    }

}

extension String {
    /// A hash that is the same in every process (Swift's `hashValue` is seeded per process).
    var hashValueStable: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
