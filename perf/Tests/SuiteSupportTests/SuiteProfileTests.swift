import SuiteSupport
import Testing

/// `PERF_PROFILE`, read the same way by every suite.
@Suite struct SuiteProfileTests {
    enum Profile: String, SuiteProfile {
        case quick
        case full
    }

    @Test func perfProfileNamesTheProfile() throws {
        #expect(try Profile.fromEnvironment(["PERF_PROFILE": "quick"]) == .quick)
        #expect(try Profile.fromEnvironment(["PERF_PROFILE": "full"]) == .full)
    }

    @Test func anUnsetOrEmptyPerfProfileLeavesTheDefault() throws {
        #expect(try Profile.fromEnvironment([:]) == nil)
        #expect(try Profile.fromEnvironment(["PERF_PROFILE": ""]) == nil)
        #expect(try Profile.fromEnvironment(["OTHER": "quick"]) == nil)
    }

    @Test func anUnknownPerfProfileNamesTheVariableAndTheProfiles() {
        #expect(throws: UsageError("PERF_PROFILE: expected quick or full, got 'long'")) {
            try Profile.fromEnvironment(["PERF_PROFILE": "long"])
        }
        #expect(throws: UsageError("PERF_PROFILE: expected quick or full, got 'Quick'")) {
            try Profile.fromEnvironment(["PERF_PROFILE": "Quick"])
        }
    }

    @Test func aUsageErrorIsItsMessage() {
        let error = UsageError("--json needs a value (see --help)")
        #expect(error.description == "--json needs a value (see --help)")
        #expect("\(error)" == "--json needs a value (see --help)")
    }
}
