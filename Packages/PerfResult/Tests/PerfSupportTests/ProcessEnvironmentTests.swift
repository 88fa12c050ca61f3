import PerfSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct ProcessEnvironmentTests {
    @Test func aVariableSetInThisProcessIsRead() {
        setenv("PERF_SUPPORT_TEST_VARIABLE", "a=b c", 1)
        defer { unsetenv("PERF_SUPPORT_TEST_VARIABLE") }
        #expect(ProcessEnvironment.current()["PERF_SUPPORT_TEST_VARIABLE"] == "a=b c")
    }

    @Test func anUnsetVariableIsAbsent() {
        unsetenv("PERF_SUPPORT_TEST_UNSET")
        #expect(ProcessEnvironment.current()["PERF_SUPPORT_TEST_UNSET"] == nil)
    }
}
