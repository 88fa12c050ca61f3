import MemProbe
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
