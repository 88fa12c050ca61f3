import Testing

@testable import LoadGen

@Suite struct LoadScheduleTests {
    @Test func constantRateSpacesArrivalsEvenly() {
        let schedule = LoadSchedule(warmup: .zero, stages: [.rate(1000, for: .seconds(2))])
        #expect(schedule.arrivalTime(of: 0) == 0)
        #expect(schedule.arrivalTime(of: 1) == 1_000_000)
        #expect(schedule.arrivalTime(of: 1999) == 1_999_000_000)
        #expect(schedule.arrivalTime(of: 2000) == nil)
        #expect(schedule.totalArrivals == 2000)
    }

    @Test func warmupRunsAtTheFirstStageLevelBeforeTheStages() {
        let schedule = LoadSchedule(
            warmup: .milliseconds(500), stages: [.rate(100, for: .seconds(1)), .rate(300, for: .seconds(1))])
        #expect(schedule.warmupNs == 500_000_000)
        #expect(schedule.totalNs == 2_500_000_000)
        #expect(schedule.arrivals(before: 500_000_000) == 50)
        #expect(schedule.arrivalTime(of: 50) == 500_000_000)
        #expect(schedule.arrivalTime(of: 150) == 1_500_000_000)
        #expect(schedule.arrivalTime(of: 153) == 1_510_000_000)
        #expect(schedule.level(at: 1_600_000_000) == 300)
    }

    @Test func rampArrivalTimesInvertTheArrivalCount() throws {
        let schedule = LoadSchedule(
            warmup: .zero, stages: [.rate(1000, for: .seconds(1)), .rate(5000, for: .seconds(2), ramp: true)])
        // Over the ramp the rate goes 1000 → 5000: 6000 arrivals, 7000 in all.
        #expect(schedule.totalArrivals == 7000)
        #expect(schedule.level(at: 2_000_000_000) == 3000)
        for k: UInt64 in [0, 999, 1000, 1001, 2500, 4000, 6999] {
            let time = try #require(schedule.arrivalTime(of: k))
            #expect(abs(schedule.arrivals(before: time) - Double(k)) < 1e-5, "k = \(k)")
        }
        let times = (0..<7000).compactMap { schedule.arrivalTime(of: UInt64($0)) }
        #expect(times.count == 7000)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func rampFromZeroStartsAtTimeZero() throws {
        let schedule = LoadSchedule(warmup: .zero, stages: [.rate(200, for: .seconds(1), ramp: true)])
        #expect(schedule.totalArrivals == 100)
        #expect(schedule.arrivalTime(of: 0) == 0)
        // N(t) = 100 t², so the 25th arrival is due at 0.5 s.
        #expect(schedule.arrivalTime(of: 25) == 500_000_000)
    }

    @Test func spikeStagesStepTheLevel() {
        let schedule = LoadSchedule(
            warmup: .zero,
            stages: [
                .connections(10, for: .seconds(1)), .connections(100, for: .milliseconds(200)),
                .connections(10, for: .seconds(1)),
            ])
        #expect(schedule.level(at: 999_999_999) == 10)
        #expect(schedule.level(at: 1_100_000_000) == 100)
        #expect(schedule.level(at: 1_300_000_000) == 10)
        #expect(schedule.level(at: 9_000_000_000) == 10)
    }

    @Test func stagesWithoutLoadAreSkipped() {
        let schedule = LoadSchedule(
            warmup: .zero, stages: [.rate(0, for: .seconds(1)), .rate(10, for: .seconds(1))])
        #expect(schedule.arrivalTime(of: 0) == 1_000_000_000)
        #expect(schedule.arrivalTime(of: 9) == 1_900_000_000)
        #expect(schedule.arrivalTime(of: 10) == nil)
    }
}
