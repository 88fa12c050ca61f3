import SuiteSupport
import Testing

@testable import perf_pools

/// Command-line parsing: flags, values, the profile, and the exact messages of bad usage.
@Suite struct OptionsTests {
    @Test func noArgumentsRunEveryCaseInTheFullProfile() throws {
        let options = try Options.parse([], environment: [:])
        #expect(options == Options())
        #expect(options.profile == .full)
        #expect(options.jsonPath == nil)
        #expect(options.filters.isEmpty)
    }

    @Test func quickFlagAndPerfProfileBothSelectTheQuickProfile() throws {
        #expect(try Options.parse(["--quick"], environment: [:]).profile == .quick)
        #expect(try Options.parse([], environment: ["PERF_PROFILE": "quick"]).profile == .quick)
        #expect(try Options.parse([], environment: ["PERF_PROFILE": "full"]).profile == .full)
        #expect(try Options.parse(["--quick"], environment: ["PERF_PROFILE": "full"]).profile == .quick)
        #expect(try Options.parse([], environment: ["PERF_PROFILE": ""]).profile == .full)
    }

    @Test func jsonAndFilterTakeTheirValueAfterASpaceOrAnEqualsSign() throws {
        let spaced = try Options.parse(
            ["--json", "perf/results/pools.json", "--filter", "buffer", "--filter", "object|threads"], environment: [:])
        #expect(spaced.jsonPath == "perf/results/pools.json")
        #expect(spaced.filters == ["buffer", "object|threads"])
        let joined = try Options.parse(["--json=out.json", "--filter=threads"], environment: [:])
        #expect(joined.jsonPath == "out.json")
        #expect(joined.filters == ["threads"])
    }

    @Test func helpAndListAreRecognized() throws {
        #expect(try Options.parse(["--help"], environment: [:]).help)
        #expect(try Options.parse(["-h"], environment: [:]).help)
        #expect(try Options.parse(["--list"], environment: [:]).list)
    }

    @Test func anUnknownFlagIsRejectedByName() {
        #expect(throws: UsageError("unknown flag '--bogus' (see --help)")) {
            try Options.parse(["--quick", "--bogus"], environment: [:])
        }
        #expect(throws: UsageError("unknown flag '--time' (see --help)")) {
            try Options.parse(["--time=3"], environment: [:])
        }
    }

    @Test func aPositionalArgumentIsRejected() {
        #expect(throws: UsageError("unexpected argument 'object'; perf-pools takes flags only (see --help)")) {
            try Options.parse(["object"], environment: [:])
        }
    }

    @Test func aFlagWithoutItsValueIsRejected() {
        #expect(throws: UsageError("--json needs a value (see --help)")) {
            try Options.parse(["--json"], environment: [:])
        }
        #expect(throws: UsageError("--json needs a value (see --help)")) {
            try Options.parse(["--json", "--quick"], environment: [:])
        }
        #expect(throws: UsageError("--filter needs a value (see --help)")) {
            try Options.parse(["--filter="], environment: [:])
        }
    }

    @Test func aValueOnAFlagThatTakesNoneIsRejected() {
        #expect(throws: UsageError("--quick takes no value (see --help)")) {
            try Options.parse(["--quick=yes"], environment: [:])
        }
    }

    @Test func jsonTwiceIsRejected() {
        #expect(throws: UsageError("--json given twice; give one PATH")) {
            try Options.parse(["--json", "a.json", "--json", "b.json"], environment: [:])
        }
    }

    @Test func anUnknownPerfProfileIsRejected() {
        #expect(throws: UsageError("PERF_PROFILE: expected quick or full, got 'long'")) {
            try Options.parse([], environment: ["PERF_PROFILE": "long"])
        }
    }

    @Test func theQuickProfileKeepsFiveRoundsForTheGate() {
        #expect(RunProfile.quick.rounds >= 5)
        #expect(RunProfile.full.rounds >= RunProfile.quick.rounds)
    }
}
