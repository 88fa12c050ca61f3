import MemProbe
import PerfSupport
import Testing

@Suite struct LinearFitTests {
    @Test func exactLineHasItsSlopeInterceptAndPerfectFit() throws {
        let x: [Double] = [0, 1, 2, 3, 4]
        let fit = try #require(LinearFit(x: x, y: x.map { 3 + 2 * $0 }))
        #expect(fit.slope == 2)
        #expect(fit.intercept == 3)
        #expect(fit.rSquared == 1)
        #expect(fit.count == 5)
        #expect(fit.value(at: 10) == 23)
    }

    @Test func flatSeriesHasZeroSlopeAndZeroFitQuality() throws {
        let fit = try #require(LinearFit(x: [0, 1, 2, 3], y: [5, 5, 5, 5]))
        #expect(fit.slope == 0)
        #expect(fit.rSquared == 0)
    }

    @Test func largeValuesKeepTheirPrecision() throws {
        let x = (0..<100).map { 1_000_000 + Double($0) * 500 }
        let fit = try #require(LinearFit(x: x, y: x.map { 4_000_000_000 + 64 * $0 }))
        #expect(abs(fit.slope - 64) < 1e-9)
        #expect(fit.rSquared > 0.999_999)
    }

    @Test func slopeStandardErrorAndLowerBoundFollowTheTextbook() throws {
        // x̄ 2, ȳ 3, Σdx² 10, Σdxdy 8: slope 0.8; residuals² 10 − 0.8 · 8 = 3.6; SE √(3.6 / 3 / 10).
        let fit = try #require(LinearFit(x: [0, 1, 2, 3, 4], y: [1, 3, 2, 5, 4]))
        #expect(abs(fit.slope - 0.8) < 1e-12)
        #expect(abs(fit.slopeStandardError - 0.12.squareRoot()) < 1e-12)
        // t(0.999, 3 df) is 10.215 in three-decimal tables (10.2145 to four): the bound matches to the table's digits.
        #expect(abs(fit.slopeLowerBound - (0.8 - 10.215 * 0.12.squareRoot())) < 0.0005 * 0.12.squareRoot())
    }

    @Test func pointsOnALineHaveNoErrorAndTheirSlopeIsItsOwnBound() throws {
        let x = (0..<50).map { Double($0) * 500 }
        let fit = try #require(LinearFit(x: x, y: x.map { 5_000_000 + $0 }))
        #expect(fit.slopeStandardError < 1e-9)
        #expect(abs(fit.slopeLowerBound - 1) < 1e-9)
    }

    @Test func twoPointsSayNothingAboutTheScatter() throws {
        let fit = try #require(LinearFit(x: [0, 1], y: [0, 1]))
        #expect(fit.slopeStandardError == .infinity)
        #expect(fit.slopeLowerBound == -.infinity)
    }

    @Test func moreNoiseOrFewerPointsWidenTheBound() throws {
        var noise = SplitMix64(seed: 4)
        let x = (0..<81).map { Double($0) * 500 }
        let y = x.map { $0 + noise.next(amplitude: 300) }
        let many = try #require(LinearFit(x: x, y: y))
        let few = try #require(LinearFit(x: Array(x.prefix(8)), y: Array(y.prefix(8))))
        let noisier = try #require(LinearFit(x: x, y: zip(x, y).map { $1 + ($1 - $0) * 3 }))
        #expect(many.slopeLowerBound < many.slope)
        #expect(few.slope - few.slopeLowerBound > many.slope - many.slopeLowerBound)
        #expect(noisier.slope - noisier.slopeLowerBound > many.slope - many.slopeLowerBound)
    }

    @Test func fewerThanTwoPointsOrOneDistinctXHaveNoFit() {
        #expect(LinearFit(x: [1], y: [1]) == nil)
        #expect(LinearFit(x: [], y: []) == nil)
        #expect(LinearFit(x: [2, 2, 2], y: [1, 2, 3]) == nil)
    }

    @Test func mismatchedLengthsTrap() async {
        await #expect(processExitsWith: .failure) {
            _ = LinearFit(x: [1, 2], y: [1])
        }
    }
}
