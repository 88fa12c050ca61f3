import Foundation
import PerfSupport
import Regression
import Testing

/// The change-point detector on synthetic series: steps it must find, noise it must leave alone.
@Suite struct ChangePointDetectorTests {
    @Test func aCleanStepIsFoundAtItsIndex() throws {
        let series = noise(count: 40, mean: 100, spread: 1, seed: 1) + noise(count: 40, mean: 120, spread: 1, seed: 2)
        let points = ChangePointDetector().changePoints(in: series)
        #expect(points.map(\.index) == [40])
        let point = try #require(points.first)
        #expect(abs(point.relativeChange - 0.2) < 0.01)
        #expect(point.pValue < 0.001)
    }

    @Test(arguments: [7, 8, 9] as [UInt64]) func flatNoiseHasNoChangePoint(seed: UInt64) {
        let series = noise(count: 200, mean: 100, spread: 2, seed: seed)
        #expect(ChangePointDetector().changePoints(in: series).isEmpty)
    }

    @Test func twoStepsAreBothFound() {
        let series =
            noise(count: 50, mean: 100, spread: 1.5, seed: 3) + noise(count: 50, mean: 130, spread: 1.5, seed: 4)
            + noise(count: 50, mean: 90, spread: 1.5, seed: 5)
        let points = ChangePointDetector().changePoints(in: series)
        #expect(points.map(\.index) == [50, 100])
        #expect(points.map { $0.meanAfter > $0.meanBefore } == [true, false])
    }

    @Test func aStepBelowTheMinimumMagnitudeIsIgnored() throws {
        // A 2 % step in 0.1 % noise: significant, but smaller than 5 %.
        let series =
            noise(count: 60, mean: 100, spread: 0.1, seed: 6) + noise(count: 60, mean: 102, spread: 0.1, seed: 7)
        let anySize = ChangePointDetector(options: try ChangePointOptions(minMagnitude: 0))
        #expect(anySize.changePoints(in: series).map(\.index) == [60])
        let fivePercent = ChangePointDetector(options: try ChangePointOptions(minMagnitude: 0.05))
        #expect(fivePercent.changePoints(in: series).isEmpty)
    }

    @Test func seriesTooShortToSplitHaveNoChangePoints() {
        let detector = ChangePointDetector()
        #expect(detector.changePoints(in: []).isEmpty)
        #expect(detector.changePoints(in: [5]).isEmpty)
        #expect(detector.changePoints(in: [5, 500]).isEmpty)
    }

    @Test func theWeakChangePointsIncludeTheFinalOnes() throws {
        let options = try ChangePointOptions(windowLength: 30, maxPValue: 0.001)
        let analysis = ChangePointDetector(options: options).analyze(
            noise(count: 45, mean: 10, spread: 0.5, seed: 11) + noise(count: 45, mean: 12, spread: 0.5, seed: 12))
        let weak = Set(analysis.weakChangePoints.map(\.index))
        #expect(analysis.changePoints.map(\.index) == [45])
        #expect(analysis.changePoints.allSatisfy { weak.contains($0.index) })
    }

    @Test func anIncrementalAnalysisSearchesOnlyTheTailAndKeepsThePreviousChangePoints() throws {
        let series =
            noise(count: 20, mean: 50, spread: 0.5, seed: 21) + noise(count: 160, mean: 60, spread: 0.5, seed: 22)
            + noise(count: 20, mean: 70, spread: 0.5, seed: 23)
        let detector = ChangePointDetector(options: try ChangePointOptions(windowLength: 10))
        let full = detector.analyze(series)
        #expect(full.changePoints.map(\.index) == [20, 180])
        // The search starts 4.1 windows before the end (at 155), so the step at 20 is only kept, not found.
        let tailOnly = detector.analyze(series, appendedCount: 1, previousWeakChangePoints: [])
        #expect(tailOnly.changePoints.map(\.index) == [180])
        let resumed = detector.analyze(series, appendedCount: 1, previousWeakChangePoints: full.weakChangePoints)
        #expect(resumed.changePoints.map(\.index) == [20, 180])
    }

    @Test func relativeChangeAndMagnitudeReadBothWays() {
        let halving = ChangePoint(
            index: 1, meanBefore: 200, meanAfter: 100, standardDeviationBefore: 0, standardDeviationAfter: 0,
            pValue: 0, tStatistic: 0, degreesOfFreedom: 0)
        #expect(halving.relativeChange == -0.5)
        #expect(halving.backwardRelativeChange == 1)
        #expect(halving.magnitude == 1)
        var fromZero = halving
        fromZero.meanBefore = 0
        #expect(fromZero.relativeChange == 0)
    }

    @Test func optionsOutOfRangeAreRefusedWithTheReason() {
        #expect(throws: RegressionError.invalidChangePointOptions("the window length is 1; it must be at least 2")) {
            try ChangePointOptions(windowLength: 1)
        }
        #expect(throws: RegressionError.invalidChangePointOptions("the maximum p-value is 0.0; it must be in (0, 1]")) {
            try ChangePointOptions(maxPValue: 0)
        }
        #expect(throws: RegressionError.self) { try ChangePointOptions(maxPValue: 1.5) }
        #expect(throws: RegressionError.self) { try ChangePointOptions(minMagnitude: -0.1) }
        #expect(throws: RegressionError.self) { try ChangePointOptions(minMagnitude: .nan) }
        let defaults = ChangePointOptions.otavaDefaults
        #expect(defaults.windowLength == 50 && defaults.maxPValue == 0.001 && defaults.minMagnitude == 0)
        #expect(defaults.splitMaxPValue == 0.01)
    }
}

/// `count` normally distributed values (Box–Muller over SplitMix64, so the same seed gives the same series).
func noise(count: Int, mean: Double, spread: Double, seed: UInt64) -> [Double] {
    var generator = SplitMix64(seed: seed)
    // Half a step above 0, so that log never sees 0.
    func next() -> Double { (Double(generator.next() >> 11) + 0.5) * 0x1p-53 }
    return (0..<count).map { _ in
        mean + spread * (-2 * log(next())).squareRoot() * cos(2 * Double.pi * next())
    }
}
