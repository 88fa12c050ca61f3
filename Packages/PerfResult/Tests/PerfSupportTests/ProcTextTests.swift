import PerfSupport
import Testing

@Suite struct ProcTextTests {
    @Test func statmResidentFieldIsScaledByThePageSize() {
        #expect(ProcText.residentBytes(statm: ProcFixtures.statm, pageSize: 4096) == 447 * 4096)
        #expect(ProcText.residentBytes(statm: "10 20", pageSize: 16384) == 20 * 16384)
    }

    @Test func statmWithoutASecondFieldOrWithGarbageIsAbsent() {
        #expect(ProcText.residentBytes(statm: "", pageSize: 4096) == nil)
        #expect(ProcText.residentBytes(statm: "765\n", pageSize: 4096) == nil)
        #expect(ProcText.residentBytes(statm: "765 4x7 418", pageSize: 4096) == nil)
        #expect(ProcText.residentBytes(statm: "1 99999999999999999999999 3", pageSize: 4096) == nil)
        #expect(ProcText.residentBytes(statm: "1 4503599627370496 3", pageSize: 4096) == nil)
    }

    @Test func statusGivesResidentPeakAndAnonymousBytes() {
        let status = ProcText.status(ProcFixtures.status)
        #expect(status.residentBytes == 1696 * 1024)
        #expect(status.peakResidentBytes == 1696 * 1024)
        #expect(status.anonymousResidentBytes == 112 * 1024)
    }

    @Test func statusOfAKernelThreadHasNoMemoryFields() {
        #expect(ProcText.status(ProcFixtures.kernelThreadStatus) == ProcText.Status(threads: 1))
    }

    @Test func statusGivesThreadsAndBothContextSwitchCounts() {
        let status = ProcText.status(ProcFixtures.status)
        #expect(status.threads == 1)
        #expect(status.voluntaryContextSwitches == 3)
        #expect(status.involuntaryContextSwitches == 17)
    }

    @Test func countsWithAUnitOrMemoryWithoutOneAreSkipped() {
        let status = ProcText.status("Threads:\t4 kB\nvoluntary_ctxt_switches:\t9\nVmRSS:\t8\n")
        #expect(status == ProcText.Status(voluntaryContextSwitches: 9))
    }

    @Test func statGivesUserAndSystemTicksThreadsAndState() {
        let stat = ProcText.stat(ProcFixtures.stat)
        #expect(stat == ProcText.Stat(userTicks: 1234, systemTicks: 56, threads: 7, state: "S"))
        #expect(stat?.hasExited == false)
    }

    @Test func statCountsFieldsAfterTheLastParenthesisOfTheName() {
        let stat = ProcText.stat(ProcFixtures.stat.replacingFirst("(demo-service)", with: "(a) b (c d)"))
        #expect(stat?.userTicks == 1234)
        #expect(stat?.threads == 7)
    }

    @Test func statOfAZombieHasExited() {
        #expect(ProcText.stat(ProcFixtures.stat.replacingFirst(") S ", with: ") Z "))?.hasExited == true)
    }

    @Test func truncatedOrGarbledStatIsAbsent() {
        #expect(ProcText.stat("") == nil)
        #expect(ProcText.stat("12 (x) S 1 2 3") == nil)
        #expect(ProcText.stat(ProcFixtures.stat.replacingFirst(" 1234 ", with: " 12x4 ")) == nil)
        #expect(ProcText.stat("no parenthesis here") == nil)
        #expect(ProcText.stat("1 (x) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 many 0 5") == nil)
    }

    /// The thread count of MicroBench's thread probe comes from here (formerly `ProcStatText`).
    @Test func statWithoutTrailingFieldsOrNewlineStillGivesTheTwentiethField() {
        #expect(ProcText.stat("4242 (perf-micro) S 1 4242 4242 0 -1 4194560 1234 0 0 0 12 3 0 0 20 0 7")?.threads == 7)
        #expect(
            ProcText.stat("4242 (perf-micro) S 1 4242 4242 0 -1 4194560 1234 0 0 0 12 3 0 0 20 0 7\n")?.threads == 7)
    }

    @Test func malformedStatusLinesAreSkippedNotGuessed() {
        let text = "VmRSS:\t  12 MB\nVmHWM:\tkB\nRssAnon: 7 kB\nVmRSSX:\t5 kB\n"
        let status = ProcText.status(text)
        #expect(status.residentBytes == nil)
        #expect(status.peakResidentBytes == nil)
        #expect(status.anonymousResidentBytes == 7 * 1024)
    }

    @Test func statusWithoutTrailingNewlineIsParsed() {
        #expect(ProcText.status("VmRSS:\t42 kB").residentBytes == 42 * 1024)
    }
}

extension String {
    /// The text with the first occurrence of `target` replaced.
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        replacing(target, with: replacement, maxReplacements: 1)
    }
}
