import PerfSupport
import Testing

/// Student's t upper quantiles against published tables (Abramowitz & Stegun, table 26.10; SciPy's
/// `scipy.stats.t.isf` agrees to the digits shown).
@Suite struct StudentTQuantileTests {
    @Test(arguments: [
        (0.001, 1.0, 318.309), (0.001, 6.0, 5.208), (0.001, 30.0, 3.385), (0.001, 120.0, 3.160),
        (0.025, 10.0, 2.228), (0.05, 4.0, 2.132), (0.005, 20.0, 2.845),
    ])
    func upperQuantilesMatchTheTables(tail: Double, degreesOfFreedom: Double, expected: Double) {
        let quantile = StudentT.upperQuantile(tail: tail, degreesOfFreedom: degreesOfFreedom)
        #expect(abs(quantile - expected) < 0.0006, "t(\(tail), \(degreesOfFreedom)) = \(quantile)")
    }

    @Test func theQuantileInvertsTheUpperTail() {
        for nu in [1.0, 2.5, 7, 40, 1_000] {
            for tail in [0.4, 0.1, 0.01, 0.001, 1e-6] {
                let t = StudentT.upperQuantile(tail: tail, degreesOfFreedom: nu)
                #expect(abs(StudentT.upperTail(t, degreesOfFreedom: nu) / tail - 1) < 1e-9)
            }
        }
    }

    @Test func theLowerQuantilesMirrorTheUpperOnesAndTheMedianIsZero() {
        #expect(StudentT.upperQuantile(tail: 0.5, degreesOfFreedom: 5) == 0)
        let upper = StudentT.upperQuantile(tail: 0.05, degreesOfFreedom: 5)
        #expect(StudentT.upperQuantile(tail: 0.95, degreesOfFreedom: 5) == -upper)
    }
}
