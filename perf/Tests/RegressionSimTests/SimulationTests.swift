import PerfSupport
import Testing

@testable import regression_sim

@Suite struct SimulationTests {
    @Test func normalDeviatesAreTheSeededGeneratorsOfBefore() {
        // The first three deviates of seed 20261122, as regression-sim's own SplitMix64 copy drew them.
        var generator = SplitMix64(seed: 20_261_122)
        let deviates = (0..<3).map { _ in generator.normal().bitPattern }
        #expect(deviates == [4_584_505_290_297_921_285, 13_817_498_409_115_406_410, 13_825_379_571_025_339_130])
    }

    @Test func aSeedFixesEveryCountOfASimulation() {
        // Seed 20261122, 300 comparisons: what regression-sim printed before it moved onto PerfSupport
        // (2.0 %, 26.0 % and 2.7 % of 300).
        let simulation = FalseAlarmSimulation(samplesPerSide: 10, comparisons: 300, seed: 20_261_122)
        let outcome = simulation.run(.init(name: "A/A, run drift 3 %", noise: NoiseModel(runDrift: 0.03), slowdown: 0))
        #expect(outcome.gateFlagged == 6 && outcome.testAloneFlagged == 78 && outcome.thresholdAloneFlagged == 8)
        #expect(RegressionSimulation.share(outcome.thresholdAloneFlagged, of: outcome) == "2.7 %")
    }

    @Test func noiseIsDescribedInWholeOrTenthPercents() {
        #expect(NoiseModel().description == "CV 5 %, 5 % outliers +30 %")
        #expect(NoiseModel(runDrift: 0.025).description == "CV 5 %, 5 % outliers +30 %, run drift 2.5 %")
    }
}
