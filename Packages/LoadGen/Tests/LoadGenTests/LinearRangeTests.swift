import PerfSupport
import Testing

@testable import LoadGen

/// `LatencyHistogram.record(linearFrom:to:count:)` against recording the same values one by one.
@Suite struct LinearRangeTests {
    /// Value *i* of the range as its documentation defines it, computed on its own.
    private func value(_ index: UInt64, first: UInt64, last: UInt64, count: UInt64) -> UInt64 {
        guard count > 1 else { return first }
        let numerator = 2 * UInt128(index) * UInt128(last - first) + UInt128(count - 1)
        return first + UInt64(numerator / (2 * UInt128(count - 1)))
    }

    private func oneByOne(first: UInt64, last: UInt64, count: UInt64) -> (LatencyHistogram, refused: UInt64) {
        var histogram = LatencyHistogram()
        var refused: UInt64 = 0
        for index in 0..<count where !histogram.record(value(index, first: first, last: last, count: count)) {
            refused += 1
        }
        return (histogram, refused)
    }

    @Test(arguments: [
        (UInt64(0), UInt64(0), UInt64(1)), (5, 5, 1_000), (0, 2047, 2048), (0, 4095, 2048), (3, 10, 4),
        (1_000, 1_000_000_000, 200_000), (250_000, 400_000_000, 799), (7, 3_000_000_000, 3),
        (1_999_000, 2_001_000, 123_457), (0, 10_000_000_000, 295_001),
    ])
    func equalsRecordingEachValue(first: UInt64, last: UInt64, count: UInt64) {
        var linear = LatencyHistogram()
        let refused = linear.record(linearFrom: first, to: last, count: count)
        let (expected, expectedRefused) = oneByOne(first: first, last: last, count: count)
        #expect(linear == expected)
        #expect(refused == expectedRefused)
        #expect(linear.minValue == first)
        #expect(linear.maxValue == last)
        #expect(linear.totalCount == count)
    }

    @Test func randomRangesEqualRecordingEachValue() {
        var random = SplitMix64(seed: 16)
        for _ in 0..<100 {
            let first = random.next() % 5_000_000_000
            let last = first + random.next() % (random.next() % 2 == 0 ? 5_000 : 8_000_000_000)
            let count = 1 + random.next() % 10_000
            var linear = LatencyHistogram()
            linear.record(linearFrom: first, to: last, count: count)
            #expect(linear == oneByOne(first: first, last: last, count: count).0, "\(first)...\(last) × \(count)")
        }
    }

    @Test func valuesBeyondTheRangeAreRefusedAndCounted() {
        let top = LatencyHistogram.highestTrackableValue
        var linear = LatencyHistogram()
        let refused = linear.record(linearFrom: top - 10, to: top + 9, count: 20)
        #expect(refused == 9)
        #expect(linear.totalCount == 11)
        #expect(linear.maxValue == top)
        #expect(linear == oneByOne(first: top - 10, last: top + 9, count: 20).0)
        var nothing = LatencyHistogram()
        #expect(nothing.record(linearFrom: 1, to: 2, count: 0) == 0)
        #expect(nothing == LatencyHistogram())
    }

    @Test func addsToWhatIsAlreadyRecorded() {
        var linear = LatencyHistogram()
        var expected = LatencyHistogram()
        for value: UInt64 in [50, 9_000_000, 3] {
            linear.record(value)
            expected.record(value)
        }
        linear.record(linearFrom: 100, to: 900_100, count: 9_001)
        for index: UInt64 in 0..<9_001 { expected.record(100 + index * 100) }
        #expect(linear == expected)
    }
}
