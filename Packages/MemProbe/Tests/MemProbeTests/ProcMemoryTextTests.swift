import MemProbe
import Testing

@Suite struct ProcMemoryTextTests {
    @Test func statmResidentFieldIsScaledByThePageSize() {
        #expect(ProcMemoryText.residentBytes(statm: ProcFixtures.statm, pageSize: 4096) == 447 * 4096)
        #expect(ProcMemoryText.residentBytes(statm: "10 20", pageSize: 16384) == 20 * 16384)
    }

    @Test func statmWithoutASecondFieldOrWithGarbageIsAbsent() {
        #expect(ProcMemoryText.residentBytes(statm: "", pageSize: 4096) == nil)
        #expect(ProcMemoryText.residentBytes(statm: "765\n", pageSize: 4096) == nil)
        #expect(ProcMemoryText.residentBytes(statm: "765 4x7 418", pageSize: 4096) == nil)
        #expect(ProcMemoryText.residentBytes(statm: "1 99999999999999999999999 3", pageSize: 4096) == nil)
        #expect(ProcMemoryText.residentBytes(statm: "1 4503599627370496 3", pageSize: 4096) == nil)
    }

    @Test func statusGivesResidentPeakAndAnonymousBytes() {
        let status = ProcMemoryText.status(ProcFixtures.status)
        #expect(status.residentBytes == 1696 * 1024)
        #expect(status.peakResidentBytes == 1696 * 1024)
        #expect(status.anonymousResidentBytes == 112 * 1024)
    }

    @Test func statusOfAKernelThreadHasNoMemoryFields() {
        #expect(ProcMemoryText.status(ProcFixtures.kernelThreadStatus) == ProcMemoryText.Status())
    }

    @Test func malformedStatusLinesAreSkippedNotGuessed() {
        let text = "VmRSS:\t  12 MB\nVmHWM:\tkB\nRssAnon: 7 kB\nVmRSSX:\t5 kB\n"
        let status = ProcMemoryText.status(text)
        #expect(status.residentBytes == nil)
        #expect(status.peakResidentBytes == nil)
        #expect(status.anonymousResidentBytes == 7 * 1024)
    }

    @Test func statusWithoutTrailingNewlineIsParsed() {
        #expect(ProcMemoryText.status("VmRSS:\t42 kB").residentBytes == 42 * 1024)
    }
}
