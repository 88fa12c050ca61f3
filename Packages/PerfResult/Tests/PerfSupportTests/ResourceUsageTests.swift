import PerfSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct ResourceUsageTests {
    @Test func sleepingIsAVoluntaryContextSwitchOfTheCallingThread() throws {
        try #require(ResourceUsage.isSupported(.currentThread))
        let before = try #require(ResourceUsage.read(.currentThread))
        usleep(2_000)
        let window = try #require(ResourceUsage.read(.currentThread)) - before
        #expect(window.voluntaryContextSwitches >= 1)
    }

    @Test func theProcessPeakResidentSizeIsAtLeastItsResidentPages() throws {
        let usage = try #require(ResourceUsage.read(.allThreads))
        #expect(usage.peakResidentBytes >= 1 << 20)
    }

    @Test func aWindowIsTheDifferenceAndKeepsTheLaterPeak() {
        let start = ResourceUsage(userNanoseconds: 5, minorPageFaults: 10, peakResidentBytes: 100)
        let end = ResourceUsage(userNanoseconds: 3, minorPageFaults: 14, peakResidentBytes: 90)
        #expect(end - start == ResourceUsage(userNanoseconds: 0, minorPageFaults: 4, peakResidentBytes: 90))
    }
}
