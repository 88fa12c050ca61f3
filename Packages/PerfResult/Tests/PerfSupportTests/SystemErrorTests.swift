import PerfSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct SystemErrorTests {
    @Test func theDescriptionNamesTheOperationTheTextAndTheNumber() {
        let error = SystemError("open(perf/x.json)", code: ENOENT)
        #expect(error.description == "open(perf/x.json): No such file or directory (errno 2)")
        #expect(error.text == "No such file or directory")
    }

    @Test func captureReadsErrnoOfTheFailedCall() {
        let descriptor = open("/nonexistent/perf-support-test", O_RDONLY)
        let error = SystemError.capture("open(/nonexistent/perf-support-test)")
        #expect(descriptor == -1)
        #expect(error.code == ENOENT)
        #expect(error.operation == "open(/nonexistent/perf-support-test)")
    }

    @Test func anUnknownNumberIsNamedByItsValue() {
        #expect(SystemError.text(for: 99_999) == "errno 99999")
        #expect(SystemError.text(for: EINTR) == "Interrupted system call")
    }
}
