import PerfSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct RepeatIntervalTests {
    @Test func theIntervalIsTheMedianPlusMinusTheScaledSpread() throws {
        // s = 2.5 (sample sd of 1...5 is √2.5), t(0.975, 4) = 2.776445105, √(π/5) = 0.792665.
        let interval = try #require(RepeatInterval([3, 1, 5, 2, 4]))
        #expect(interval.center == 3)
        #expect(abs(interval.halfWidth - 2.776445105 * 2.5.squareRoot() * 0.7926654595212022) < 1e-6)
        #expect(abs(interval.relativeHalfWidthPercent - interval.halfWidth / 3 * 100) < 1e-9)
    }

    @Test func oneValueHasNoInterval() {
        #expect(RepeatInterval([42]) == nil)
        #expect(RepeatInterval([]) == nil)
    }

    @Test func identicalValuesGiveAPointInterval() throws {
        let interval = try #require(RepeatInterval([7, 7, 7]))
        #expect(interval.halfWidth == 0 && interval.contains(7) && !interval.contains(7.001))
        #expect(interval.relativeHalfWidthPercent == 0)
    }

    /// Another run's median of 5 lands inside about 95 % of the time, for one and for two modes.
    @Test(arguments: [false, true])
    func anotherRunsMedianFallsInsideAboutNinetyFivePercentOfTheTime(twoModes: Bool) {
        var generator = SplitMix64(seed: twoModes ? 11 : 12)
        func draw() -> Double {
            // Box–Muller normal, then an optional second mode as seen on this machine (≈72 vs ≈125 ns).
            let u = max(generator.nextUnitInterval(), 1e-12)
            let normal = (-2 * log(u)).squareRoot() * cos(2 * Double.pi * generator.nextUnitInterval())
            if twoModes { return generator.nextUnitInterval() < 0.5 ? 72 + 3 * normal : 125 + 5 * normal }
            return 100 + 5 * normal
        }
        let trials = 4000
        var inside = 0
        for _ in 0..<trials {
            let interval = RepeatInterval((0..<5).map { _ in draw() })!
            if interval.contains(SortedSample((0..<5).map { _ in draw() }).median) { inside += 1 }
        }
        let coverage = Double(inside) / Double(trials)
        #expect(coverage > 0.9 && coverage < 0.99, "coverage \(coverage)")
    }
}
