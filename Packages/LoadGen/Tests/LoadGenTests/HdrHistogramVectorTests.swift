import Foundation
import Testing

@testable import LoadGen

/// LatencyHistogram against the numbers HdrHistogram's own tests publish for the same recorded values
/// (`perf/verify/hdrhistogram-vectors.json`, which names the source tests, the units and the precision).
///
/// Each vector runs twice: converted from the source's microseconds to our nanoseconds (the real use),
/// and unscaled (1 unit = 1 ns), where our bucket layout is exactly the source histogram's.
@Suite struct HdrHistogramVectorTests {
    enum Scale: CaseIterable, Sendable {
        case microsecondsToNanoseconds
        case unscaled

        func factor(_ vector: Vector) -> UInt64 {
            self == .unscaled ? 1 : vector.nanosecondsPerSourceUnit
        }
    }

    struct Vector: Decodable, Sendable, CustomTestStringConvertible {
        struct Recording: Decodable, Sendable {
            var value: UInt64?
            var from: UInt64?
            var through: UInt64?
            var step: UInt64?
            var count: UInt64
        }
        struct Percentile: Decodable, Sendable {
            var percentile: Double
            var value: UInt64
        }
        struct CountBetween: Decodable, Sendable {
            var low: UInt64
            var high: UInt64
            var count: UInt64
        }
        struct PercentileAtOrBelow: Decodable, Sendable {
            var value: UInt64
            var percentile: Double
            var absoluteTolerance: Double
        }

        var name: String
        var nanosecondsPerSourceUnit: UInt64
        var relativeTolerance: Double
        var recordings: [Recording]
        var totalCount: UInt64
        var minValue: UInt64
        var maxValue: UInt64
        var mean: Double
        var standardDeviation: Double
        var percentiles: [Percentile]
        var countsBetween: [CountBetween]
        var percentilesAtOrBelow: [PercentileAtOrBelow]
        var recordedBucketCounts: [UInt64]
        var testDescription: String { name }

        /// The histogram of the recorded values, each multiplied by `factor`.
        func histogram(scaledBy factor: UInt64) -> LatencyHistogram {
            var histogram = LatencyHistogram()
            for recording in recordings {
                if let value = recording.value {
                    histogram.record(value * factor, count: recording.count)
                } else if let from = recording.from, let through = recording.through, let step = recording.step {
                    for value in stride(from: from, through: through, by: Int(step)) {
                        histogram.record(value * factor, count: recording.count)
                    }
                }
            }
            return histogram
        }

        /// Whether `actual` is within the source's relative tolerance of `expected`.
        func isClose(_ actual: Double, to expected: Double) -> Bool {
            abs(actual - expected) <= expected * relativeTolerance
        }
    }

    static let fixturePath =
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        + "/perf/verify/hdrhistogram-vectors.json"

    static func loadVectors() throws -> [Vector] {
        struct Fixture: Decodable { var vectors: [Vector] }
        let data = try Data(contentsOf: URL(fileURLWithPath: fixturePath))
        return try JSONDecoder().decode(Fixture.self, from: data).vectors
    }

    /// Empty when the fixture cannot be read; `theFixtureHoldsTheRawAndCorrectedVectors` fails then.
    static let vectors = (try? loadVectors()) ?? []

    /// HdrHistogram's getCountBetweenValues: the counts of every bucket from `low`'s through `high`'s.
    private func count(_ histogram: LatencyHistogram, from low: UInt64, through high: UInt64) -> UInt64 {
        (Layout.index(of: low)...Layout.index(of: high)).reduce(0) { $0 + histogram.count(atBucket: $1) }
    }

    @Test func theFixtureHoldsTheRawAndCorrectedVectors() throws {
        let vectors = try Self.loadVectors()
        #expect(vectors.map(\.name) == ["raw", "corrected"])
    }

    @Test(arguments: vectors, Scale.allCases)
    func percentilesMatchHdrHistogramWithinItsPrecision(_ vector: Vector, _ scale: Scale) {
        let factor = scale.factor(vector)
        let histogram = vector.histogram(scaledBy: factor)
        for expected in vector.percentiles {
            let actual = histogram.value(atPercentile: expected.percentile)
            let target = Double(expected.value * factor)
            #expect(
                vector.isClose(Double(actual), to: target), "p\(expected.percentile): \(actual), expected \(target)")
        }
    }

    @Test(arguments: vectors, Scale.allCases)
    func countExtremesMeanAndDeviationMatchHdrHistogram(_ vector: Vector, _ scale: Scale) {
        let factor = scale.factor(vector)
        let histogram = vector.histogram(scaledBy: factor)
        #expect(histogram.totalCount == vector.totalCount)
        #expect(vector.isClose(Double(histogram.minValue), to: Double(vector.minValue * factor)))
        #expect(vector.isClose(Double(histogram.maxValue), to: Double(vector.maxValue * factor)))
        #expect(vector.isClose(histogram.mean, to: vector.mean * Double(factor)), "mean \(histogram.mean)")
        #expect(
            vector.isClose(histogram.standardDeviation, to: vector.standardDeviation * Double(factor)),
            "standard deviation \(histogram.standardDeviation)")
    }

    @Test(arguments: vectors, Scale.allCases)
    func bucketCountsMatchHdrHistogram(_ vector: Vector, _ scale: Scale) {
        let factor = scale.factor(vector)
        let histogram = vector.histogram(scaledBy: factor)
        for expected in vector.countsBetween {
            let actual = count(histogram, from: expected.low * factor, through: expected.high * factor)
            #expect(actual == expected.count, "count between \(expected.low) and \(expected.high)")
        }
        for expected in vector.percentilesAtOrBelow {
            let below = count(histogram, from: 0, through: expected.value * factor)
            let percentile = 100 * Double(below) / Double(histogram.totalCount)
            #expect(
                abs(percentile - expected.percentile) <= expected.absoluteTolerance, "at or below \(expected.value)")
        }
        if !vector.recordedBucketCounts.isEmpty {
            #expect(histogram.nonZeroBuckets.map(\.count) == vector.recordedBucketCounts)
        }
    }
}
