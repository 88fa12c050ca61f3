import PerfSupport
import Testing

@Suite struct CommandEnvironmentTests {
    @Test func anOptionFallsBackToItsEnvironmentVariable() throws {
        let parsed = try Sample.parse([], environment: ["PERF_PROFILE": "quick"])
        #expect(parsed[Sample.profile] == .quick)
        #expect(parsed.isGiven(Sample.profile))
    }

    @Test func theCommandLineWinsOverTheEnvironment() throws {
        let parsed = try Sample.parse(["--profile", "full"], environment: ["PERF_PROFILE": "quick"])
        #expect(parsed[Sample.profile] == .full)
    }

    @Test func anEmptyVariableCountsAsUnset() throws {
        #expect(try Sample.parse([], environment: ["PERF_PROFILE": ""])[Sample.profile] == nil)
    }

    @Test func aBadEnvironmentValueNamesTheVariable() {
        #expect(
            Sample.error([], environment: ["PERF_PROFILE": "fast"]) == "PERF_PROFILE: \"fast\" is not quick or full")
    }

    @Test(arguments: ["1", "true", "TRUE", "yes", "on", "On"])
    func everyTruthyValueSetsAFlag(_ value: String) throws {
        #expect(try Sample.parse([], environment: ["STRICT_PERF": value])[Sample.strict])
    }

    @Test(arguments: ["0", "false", "no", "off", "OFF"])
    func everyFalsyValueLeavesAFlagUnset(_ value: String) throws {
        let parsed = try Sample.parse([], environment: ["STRICT_PERF": value])
        #expect(!parsed[Sample.strict])
        #expect(!parsed.isGiven(Sample.strict))
    }

    @Test func anyOtherFlagValueIsRefusedNamingTheVariable() {
        #expect(
            Sample.error([], environment: ["STRICT_PERF": "maybe"])
                == "STRICT_PERF=maybe is not understood; use 1 (or true, yes, on) to turn it on, "
                + "0 (or false, no, off) to turn it off")
    }

    @Test func theProfileIsChosenByQuickThenProfileThenTheDefault() throws {
        let command = Command("suite", summary: "", options: [CommonOptions.quick, CommonOptions.profile])
        #expect(PerfProfile.chosen(by: try command.parse(["--quick", "--profile", "full"])) == .quick)
        #expect(PerfProfile.chosen(by: try command.parse([], environment: ["PERF_PROFILE": "quick"])) == .quick)
        #expect(PerfProfile.chosen(by: try command.parse([]), default: .full) == .full)
        let noQuick = Command("other", summary: "", options: [CommonOptions.profile])
        #expect(PerfProfile.chosen(by: try noQuick.parse([]), default: .quick) == .quick)
    }
}
