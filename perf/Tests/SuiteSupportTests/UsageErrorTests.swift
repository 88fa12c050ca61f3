import SuiteSupport
import Testing

/// The usage error the executables still on SuiteSupport report.
@Suite struct UsageErrorTests {
    @Test func aUsageErrorIsItsMessage() {
        let error = UsageError("--json needs a value (see --help)")
        #expect(error.description == "--json needs a value (see --help)")
        #expect("\(error)" == "--json needs a value (see --help)")
    }
}
