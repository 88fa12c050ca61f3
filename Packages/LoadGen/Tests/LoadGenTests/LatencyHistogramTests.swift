import PerfSupport
import Testing

@testable import LoadGen

@Suite struct LatencyHistogramTests {
    /// Log-uniform values from 1 µs to 10 s, as latencies spread.
    private func values(count: Int, seed: UInt64) -> [UInt64] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let exponent = Double.random(in: 3...10, using: &random)
            var value = 1.0
            for _ in 0..<Int(exponent) { value *= 10 }
            value *= Double.random(in: 1...10, using: &random)
            return UInt64(value)
        }
    }

    /// The nearest rank HdrHistogram defines, ⌈*p*/100 · *n*⌉ (at least 1), in integers: `thousandths` is
    /// *p* in thousandths of a percent, so no floating-point rounding decides the rank.
    private func nearestRank(thousandthsOfAPercent thousandths: Int, count: Int) -> Int {
        max(1, (thousandths * count + 99_999) / 100_000)
    }

    @Test func percentilesAreWithinOneThousandthAboveTheExactValues() {
        let data = values(count: 50_000, seed: 7)
        var histogram = LatencyHistogram()
        for value in data {
            let recorded = histogram.record(value)
            #expect(recorded)
        }
        let sorted = data.sorted()
        for thousandths in [100, 1_000, 25_000, 50_000, 75_000, 90_000, 95_000, 99_000, 99_900, 99_990] {
            let percentile = Double(thousandths) / 1000
            let exact = sorted[nearestRank(thousandthsOfAPercent: thousandths, count: sorted.count) - 1]
            let estimate = histogram.value(atPercentile: percentile)
            #expect(estimate >= exact, "p\(percentile)")
            #expect(Double(estimate - exact) <= Double(exact) / 1024 + 1, "p\(percentile)")
        }
        #expect(histogram.value(atPercentile: 100) == sorted.last)
        #expect(histogram.maxValue == sorted.last)
        #expect(histogram.minValue == sorted.first)
        #expect(histogram.totalCount == 50_000)
        #expect(histogram.sum == data.reduce(0, +))
    }

    @Test func percentilesOfExactValuesAreTheNearestRankForEveryCountUpToTwoHundred() {
        // Distinct values below 2048 are kept exactly, so the percentile must be the sorted value of rank
        // ⌈p/100 · n⌉ itself, including where p/100 · n is a whole number that floating point overshoots.
        let thousandths = [
            100, 1_000, 10_000, 25_000, 33_333, 50_000, 66_667, 75_000, 90_000, 95_000, 99_000, 99_900, 99_990,
        ]
        var histogram = LatencyHistogram()
        var sorted: [UInt64] = []
        for count in 1...200 {
            let value = UInt64(count * 7)
            histogram.record(value)
            sorted.append(value)
            for level in thousandths {
                let expected = sorted[nearestRank(thousandthsOfAPercent: level, count: count) - 1]
                let actual = histogram.value(atPercentile: Double(level) / 1000)
                #expect(actual == expected, "p\(Double(level) / 1000) of \(count) values")
            }
        }
    }

    @Test func smallValuesAreExact() {
        var histogram = LatencyHistogram()
        for value: UInt64 in 0..<2048 { histogram.record(value) }
        #expect(histogram.value(atPercentile: 50) == 1023)
        #expect(histogram.value(atPercentile: 0) == 0)
        #expect(histogram.nonZeroBuckets.count == 2048)
    }

    @Test func mergeEqualsOneHistogramOfAllValues() {
        let first = values(count: 10_000, seed: 1)
        let second = values(count: 7_000, seed: 2)
        var left = LatencyHistogram()
        var right = LatencyHistogram()
        var combined = LatencyHistogram()
        for value in first {
            left.record(value)
            combined.record(value)
        }
        for value in second {
            right.record(value)
            combined.record(value)
        }
        left.merge(right)
        #expect(left == combined)
        #expect(left.standardDeviation == combined.standardDeviation)
        var empty = LatencyHistogram()
        empty.merge(combined)
        #expect(empty == combined)
    }

    @Test func bucketsAndSummaryRebuildTheHistogramExactly() throws {
        var histogram = LatencyHistogram()
        for value in values(count: 5_000, seed: 3) { histogram.record(value) }
        let rebuilt = try #require(
            LatencyHistogram(
                buckets: histogram.nonZeroBuckets, sum: histogram.sum, minValue: histogram.minValue,
                maxValue: histogram.maxValue))
        #expect(rebuilt == histogram)
        #expect(LatencyHistogram(buckets: [(index: 99_999, count: 1)], sum: 1, minValue: 1, maxValue: 1) == nil)
        #expect(LatencyHistogram(buckets: [(index: 5, count: 1)], sum: 5, minValue: 5, maxValue: 900) == nil)
    }

    @Test func valuesAboveTheRangeAreRefusedAndNotRecorded() {
        var histogram = LatencyHistogram()
        let inside = histogram.record(LatencyHistogram.highestTrackableValue)
        let outside = histogram.record(LatencyHistogram.highestTrackableValue + 1)
        #expect(inside)
        #expect(!outside)
        #expect(histogram.totalCount == 1)
    }

    @Test func recorderSnapshotEqualsDirectRecording() {
        var recorder = HistogramRecorder.allocate()
        defer { recorder.deallocate() }
        var direct = LatencyHistogram()
        for value in values(count: 3_000, seed: 4) {
            _ = recorder.record(value)
            direct.record(value)
        }
        #expect(recorder.snapshot() == direct)
        recorder.reset()
        #expect(recorder.snapshot() == LatencyHistogram())
    }

    @Test func emptyHistogramReportsZeros() {
        let histogram = LatencyHistogram()
        #expect(histogram.value(atPercentile: 99) == 0)
        #expect(histogram.mean == 0)
        #expect(histogram.standardDeviation == 0)
    }

    @Test func percentileOutsideZeroToHundredIsAProgrammerError() async {
        await #expect(processExitsWith: .failure) {
            _ = LatencyHistogram().value(atPercentile: 101)
        }
    }
}
