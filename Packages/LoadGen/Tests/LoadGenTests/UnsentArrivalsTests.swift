import Testing

@testable import LoadGen

/// `LoadSchedule.unsentArrivals`: the arrivals a worker never sent and their waits, against the schedule's
/// arrival times taken one by one.
@Suite struct UnsentArrivalsTests {
    /// The arrivals first, first + stride, … due in start..<end, at most `limit`, and end − time of each.
    private func oneByOne(
        _ schedule: LoadSchedule, first: UInt64, stride: UInt64, start: UInt64, end: UInt64, limit: UInt64 = .max
    ) -> (count: UInt64, waits: LatencyHistogram) {
        var waits = LatencyHistogram()
        var count: UInt64 = 0
        var k = first
        while count < limit, let time = schedule.arrivalTime(of: k), time < end {
            if time >= start {
                waits.record(end - time)
                count += 1
            }
            k += stride
        }
        return (count, waits)
    }

    @Test func constantRateGivesTheScheduleWaitsExactly() {
        let schedule = LoadSchedule(warmup: .milliseconds(200), stages: [.rate(2000, for: .seconds(1))])
        for (first, stride) in [(UInt64(0), UInt64(1)), (5, 2), (401, 3), (1_100, 1)] {
            let unsent = schedule.unsentArrivals(
                first: first, stride: stride, from: 200_000_000, before: 1_200_000_000, limit: .max)
            let expected = oneByOne(schedule, first: first, stride: stride, start: 200_000_000, end: 1_200_000_000)
            #expect(unsent.count == expected.count, "first \(first), stride \(stride)")
            #expect(unsent.waits == expected.waits, "first \(first), stride \(stride)")
            #expect(unsent.outOfRange == 0)
        }
    }

    @Test func stagesOfDifferentRatesAndAStopBeforeTheDeadline() {
        let schedule = LoadSchedule(
            warmup: .zero, stages: [.rate(1000, for: .milliseconds(300)), .rate(4000, for: .milliseconds(300))])
        // Stopped at 450 ms, a count share leaving room for 500 more requests.
        let unsent = schedule.unsentArrivals(first: 100, stride: 2, from: 0, before: 450_000_000, limit: 500)
        let expected = oneByOne(schedule, first: 100, stride: 2, start: 0, end: 450_000_000, limit: 500)
        #expect(unsent.count == expected.count)
        #expect(unsent.waits == expected.waits)
        let short = schedule.unsentArrivals(first: 100, stride: 2, from: 0, before: 450_000_000, limit: 7)
        #expect(short.count == 7)
        #expect(short.waits == oneByOne(schedule, first: 100, stride: 2, start: 0, end: 450_000_000, limit: 7).waits)
    }

    @Test func rampsAreTakenOneByOneAndExact() {
        let schedule = LoadSchedule(
            warmup: .zero, stages: [.rate(500, for: .milliseconds(200)), .rate(9000, for: .seconds(1), ramp: true)])
        let unsent = schedule.unsentArrivals(first: 3, stride: 1, from: 0, before: 1_200_000_000, limit: .max)
        let expected = oneByOne(schedule, first: 3, stride: 1, start: 0, end: 1_200_000_000)
        #expect(unsent.count == expected.count)
        #expect(unsent.waits == expected.waits)
    }

    /// At 295 000/s arrivals are 3 389.83 ns apart and the schedule rounds each to the nanosecond: the
    /// linear range between the exact first and last waits puts every wait within 1 ns of the schedule's.
    @Test func unevenSpacingStaysWithinANanosecondOfTheSchedule() {
        let schedule = LoadSchedule(warmup: .zero, stages: [.rate(295_000, for: .seconds(1))])
        let end: UInt64 = 1_000_000_000
        let unsent = schedule.unsentArrivals(first: 140_002, stride: 3, from: 0, before: end, limit: .max)
        let expected = oneByOne(schedule, first: 140_002, stride: 3, start: 0, end: end)
        #expect(unsent.count == expected.count)
        #expect(unsent.waits.totalCount == expected.waits.totalCount)
        #expect(unsent.waits.minValue == expected.waits.minValue)
        #expect(unsent.waits.maxValue == expected.waits.maxValue)
        let sumGap = Int64(bitPattern: unsent.waits.sum &- expected.waits.sum)
        #expect(abs(sumGap) <= Int64(unsent.count))
        for percentile in [1.0, 50, 90, 99, 99.99] {
            let gap =
                Int64(unsent.waits.value(atPercentile: percentile))
                - Int64(expected.waits.value(atPercentile: percentile))
            // One bucket at most: a 1 ns shift can cross a bucket boundary.
            #expect(abs(gap) <= Int64(expected.waits.value(atPercentile: percentile) / 1024 + 1), "p\(percentile)")
        }
    }

    @Test func nothingDueBeforeTheEndIsNothingUnsent() {
        let schedule = LoadSchedule(warmup: .zero, stages: [.rate(1000, for: .seconds(1))])
        let unsent = schedule.unsentArrivals(first: 1000, stride: 1, from: 0, before: 1_000_000_000, limit: .max)
        #expect(unsent.count == 0)
        #expect(unsent.waits == LatencyHistogram())
        let warmupOnly = schedule.unsentArrivals(
            first: 0, stride: 1, from: 500_000_000, before: 400_000_000, limit: .max)
        #expect(warmupOnly.count == 0)
    }
}
