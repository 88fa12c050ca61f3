import PerfSupport
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
        #expect(options.forks == nil)
    }

    @Test func quickFlagProfileAndPerfProfileSelectTheQuickProfile() throws {
        #expect(try Options.parse(["--quick"], environment: [:]).profile == .quick)
        #expect(try Options.parse([], environment: ["PERF_PROFILE": "quick"]).profile == .quick)
        #expect(try Options.parse([], environment: ["PERF_PROFILE": "full"]).profile == .full)
        #expect(try Options.parse(["--quick"], environment: ["PERF_PROFILE": "full"]).profile == .quick)
        #expect(try Options.parse([], environment: ["PERF_PROFILE": ""]).profile == .full)
        #expect(try Options.parse(["--profile", "quick"], environment: ["PERF_PROFILE": "full"]).profile == .quick)
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
        #expect(try Options.command.parse(["--help"]).helpRequested)
        #expect(try Options.command.parse(["--list", "-h"]).helpRequested)
        #expect(try Options.parse(["--list"], environment: [:]).list)
    }

    @Test func forksAreParsedAndRefusedWithList() throws {
        #expect(try Options.parse(["--forks", "5"], environment: [:]).forks == 5)
        #expect(try Options.parse(["--forks=1", "--list"], environment: [:]).list)
        #expect(throws: UsageError("--forks 3 does not apply to --list, which measures nothing; leave --forks out")) {
            try Options.parse(["--list", "--forks", "3"], environment: [:])
        }
        #expect(throws: UsageError("--forks: 101 is out of range: it must be between 1 and 100")) {
            try Options.parse(["--forks", "101"], environment: [:])
        }
    }

    @Test func anUnknownFlagIsRejectedByName() {
        #expect(throws: UsageError("unknown option --bogus; see perf-pools --help")) {
            try Options.parse(["--quick", "--bogus"], environment: [:])
        }
        #expect(throws: UsageError("unknown option --time=3; see perf-pools --help")) {
            try Options.parse(["--time=3"], environment: [:])
        }
    }

    @Test func aPositionalArgumentIsRejected() {
        #expect(throws: UsageError(#"unexpected argument "object"; see perf-pools --help"#)) {
            try Options.parse(["object"], environment: [:])
        }
    }

    @Test func aFlagWithoutItsValueIsRejected() {
        #expect(throws: UsageError("--json needs a value (--json PATH); see perf-pools --help")) {
            try Options.parse(["--json"], environment: [:])
        }
        #expect(throws: UsageError("--json needs a value (--json PATH); see perf-pools --help")) {
            try Options.parse(["--json", "--quick"], environment: [:])
        }
        #expect(throws: UsageError("--filter needs a value (--filter PATTERN); see perf-pools --help")) {
            try Options.parse(["--filter="], environment: [:])
        }
    }

    @Test func aValueOnAFlagThatTakesNoneIsRejected() {
        #expect(throws: UsageError(#"--quick takes no value; remove "=yes""#)) {
            try Options.parse(["--quick=yes"], environment: [:])
        }
    }

    @Test func jsonTwiceIsRejected() {
        #expect(throws: UsageError("--json is given twice (a.json and b.json); give it once")) {
            try Options.parse(["--json", "a.json", "--json", "b.json"], environment: [:])
        }
    }

    @Test func anUnknownPerfProfileIsRejected() {
        #expect(throws: UsageError(#"PERF_PROFILE: "long" is not quick or full"#)) {
            try Options.parse([], environment: ["PERF_PROFILE": "long"])
        }
    }

    @Test func theHelpKeepsTheRoundsTheBarsAndTheExitStatus() {
        let help = Options.command.helpText()
        for text in ["--filter PATTERN", "--quick", "--profile quick|full", "--json PATH", "--list", "--forks N"] {
            #expect(help.contains(text), "\(text)")
        }
        #expect(help.contains("quick: \(PerfProfile.quick.rounds) rounds"))
        #expect(help.contains("Exit status: 0 when the run completes"))
    }

    @Test func theQuickProfileKeepsFiveRoundsForTheGate() {
        #expect(PerfProfile.quick.rounds >= 5)
        #expect(PerfProfile.full.rounds >= PerfProfile.quick.rounds)
    }
}
