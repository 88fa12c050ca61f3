import PerfSupport
import Testing

@Suite struct ProcIOCountersTests {
    /// `/proc/self/io` as Linux 6.x writes it.
    static let fixture = """
        rchar: 4929
        wchar: 1107
        syscr: 14
        syscw: 9
        read_bytes: 8192
        write_bytes: 4096
        cancelled_write_bytes: 0

        """

    @Test func everyCounterIsReadFromItsLine() throws {
        let counters = try #require(ProcIOCounters(text: Self.fixture))
        #expect(
            counters
                == ProcIOCounters(
                    bytesRead: 4929, bytesWritten: 1107, readCalls: 14, writeCalls: 9, storageBytesRead: 8192,
                    storageBytesWritten: 4096))
    }

    @Test func aMissingOrMalformedCounterMakesTheTextUnreadable() {
        #expect(ProcIOCounters(text: Self.fixture.replacingOccurrences(of: "syscw: 9\n", with: "")) == nil)
        #expect(ProcIOCounters(text: Self.fixture.replacingOccurrences(of: "syscr: 14", with: "syscr: 1x4")) == nil)
        #expect(ProcIOCounters(text: Self.fixture.replacingOccurrences(of: "rchar: 4929", with: "rchar:")) == nil)
        #expect(ProcIOCounters(text: "rchar: 99999999999999999999999\n") == nil)
        #expect(ProcIOCounters(text: "") == nil)
    }

    @Test func aWindowIsTheDifferenceClampedAtZero() {
        let start = ProcIOCounters(bytesRead: 10, bytesWritten: 5, readCalls: 2, writeCalls: 1)
        let end = ProcIOCounters(bytesRead: 30, bytesWritten: 4, readCalls: 5, writeCalls: 3)
        #expect(end - start == ProcIOCounters(bytesRead: 20, bytesWritten: 0, readCalls: 3, writeCalls: 2))
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
