import PerfSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct ClockTests {
    @Test func theMonotonicClockNeverGoesBackAndCountsASleep() {
        let start = MonotonicClock.now()
        var previous = start
        for _ in 0..<1000 {
            let now = MonotonicClock.now()
            #expect(now >= previous)
            previous = now
        }
        // A sleep lasts at least what it asks for, so this bound holds however loaded the machine is.
        var request = timespec(tv_sec: 0, tv_nsec: 10_000_000)
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 { request = remaining }
        #expect(MonotonicClock.now() - start >= 10_000_000)
    }

    @Test func theThreadAndProcessCPUClocksAdvanceWithWork() throws {
        let threadBefore = try #require(CPUClock.thread())
        let processBefore = try #require(CPUClock.process())
        var sum: UInt64 = 0
        for value in 0..<2_000_000 { sum &+= UInt64(value) &* 2_654_435_761 }
        #expect(sum != 1)
        let threadAfter = try #require(CPUClock.thread())
        let processAfter = try #require(CPUClock.process())
        #expect(threadAfter > threadBefore)
        #expect(processAfter > processBefore)
        // The process has spent at least what this thread spent.
        #expect(processAfter >= threadAfter)
    }

    @Test func theWallClockCountsNanosecondsSinceTheEpoch() {
        let seconds = Int64(time(nil))
        let nanoseconds = WallClock.nanosecondsSinceEpoch()
        #expect(abs(nanoseconds / 1_000_000_000 - seconds) <= 2)
    }
}

@Suite struct DurationNanosecondsTests {
    @Test func aDurationConvertsToWholeNanoseconds() {
        #expect(Duration.seconds(3).nanosecondsClamped == 3_000_000_000)
        #expect(Duration.milliseconds(250).nanosecondsClamped == 250_000_000)
        #expect(Duration.nanoseconds(17).nanosecondsClamped == 17)
        #expect(Duration.zero.nanosecondsClamped == 0)
        // Below a nanosecond is dropped.
        #expect((Duration.nanoseconds(5) + .nanoseconds(1) / 4).nanosecondsClamped == 5)
    }

    @Test func aNegativeDurationClampsToZeroWithoutTrapping() {
        #expect(Duration.seconds(-2).nanosecondsClamped == 0)
        // Under a second, seconds is 0 and only the attoseconds are negative.
        #expect(Duration.milliseconds(-500).nanosecondsClamped == 0)
        #expect(Duration.nanoseconds(-1).nanosecondsClamped == 0)
    }

    @Test func aDurationBeyondUInt64NanosecondsClampsToTheMaximum() {
        #expect(Duration.seconds(Int64.max).nanosecondsClamped == .max)
        #expect(Duration.seconds(18_446_744_074).nanosecondsClamped == .max)
        // The whole seconds fit, and only adding the fraction overflows.
        #expect((Duration.seconds(18_446_744_073) + .nanoseconds(999_999_999)).nanosecondsClamped == .max)
        #expect((Duration.seconds(18_446_744_073) + .nanoseconds(709_551_615)).nanosecondsClamped == .max) // exactly
        #expect((Duration.seconds(18_446_744_073) + .nanoseconds(709_551_614)).nanosecondsClamped == UInt64.max - 1)
    }

    @Test func nanosecondsConvertBackExactly() {
        for value: UInt64 in [0, 1, 999_999_999, 1_000_000_000, 123_456_789_012, .max - 1, .max] {
            #expect(Duration(nanoseconds: value).nanosecondsClamped == value)
        }
        #expect(Duration(nanoseconds: 1_500_000_000) == .milliseconds(1500))
    }

    @Test func secondsAsADoubleKeepTheFractionAndTheSign() {
        #expect(Duration.milliseconds(1500).secondsDouble == 1.5)
        #expect(Duration.milliseconds(-250).secondsDouble == -0.25)
        #expect(Duration.nanoseconds(1).secondsDouble == 1e-9)
        #expect(Duration.zero.secondsDouble == 0)
    }
}
