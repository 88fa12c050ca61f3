import PerfSupport
import Testing

@testable import perf_memory

@Suite struct OptionsTests {
    @Test func noArgumentsRunEverySpecInTheFullProfileWithoutALeak() throws {
        let options = try Options.parse([], environment: [:])
        #expect(options == Options())
        #expect(options.profile == .full)
        #expect(options.iterationsPerSpec == 500_000)
        #expect(options.sampleEvery == 5_000)
        #expect(options.injection == nil)
        #expect(options.seed == 1)
        #expect(options.snapshotDirectory == "perf/results/snapshots")
    }

    @Test func perfProfileQuickSelectsTheQuickProfile() throws {
        let options = try Options.parse([], environment: ["PERF_PROFILE": "quick"])
        #expect(options.profile == .quick)
        #expect(options.iterationsPerSpec == 50_000)
        #expect(options.sampleEvery == 500)
    }

    @Test func quickFlagWinsOverPerfProfileFull() throws {
        let options = try Options.parse(["--quick"], environment: ["PERF_PROFILE": "full"])
        #expect(options.profile == .quick)
    }

    @Test func anEmptyPerfProfileMeansFull() throws {
        #expect(try Options.parse([], environment: ["PERF_PROFILE": ""]).profile == .full)
    }

    @Test func anUnknownPerfProfileNamesTheVariable() {
        #expect(throws: UsageError(#"PERF_PROFILE: "fast" is not quick or full"#)) {
            try Options.parse([], environment: ["PERF_PROFILE": "fast"])
        }
    }

    @Test func everyFlagIsParsed() throws {
        let options = try Options.parse(
            [
                "--spec", "pool", "--spec", "sawtooth", "--inject-leak", "64-bytes", "--iterations", "20000", "--seed",
                "7", "--json", "out.json", "--snapshot-dir", "snaps", "--list", "--forks", "1",
            ], environment: [:])
        #expect(options.specFilters == ["pool", "sawtooth"])
        #expect(options.injection == .bytes64)
        #expect(options.iterations == 20_000)
        #expect(options.iterationsPerSpec == 20_000)
        #expect(options.sampleEvery == 200)
        #expect(options.seed == 7)
        #expect(options.jsonPath == "out.json")
        #expect(options.snapshotDirectory == "snaps")
        #expect(options.list)
        #expect(options.forks == 1)
    }

    @Test func profileNamesTheProfileAndValuesMayFollowAnEqualsSign() throws {
        #expect(try Options.parse(["--profile", "quick"], environment: [:]).profile == .quick)
        #expect(try Options.parse(["--profile=quick"], environment: ["PERF_PROFILE": "full"]).profile == .quick)
        #expect(try Options.parse(["--seed=5", "--spec=saw"], environment: [:]).seed == 5)
    }

    @Test func helpIsAskedForAnywhereOnTheLine() throws {
        #expect(try Options.command.parse(["--spec", "saw", "--help"]).helpRequested)
        #expect(try Options.command.parse(["-h"]).helpRequested)
        #expect(try !Options.command.parse(["--list"]).helpRequested)
    }

    @Test func moreThanOneForkIsRefusedBecauseTheChecksAreDeterministic() {
        let message =
            "--forks 2: the leak checks count allocations, which every process repeats exactly; "
            + "leave --forks out (for independent runs, vary --seed)"
        #expect(throws: UsageError(message)) {
            try Options.parse(["--forks", "2"], environment: [:])
        }
        #expect(throws: UsageError("--forks: 0 is out of range: it must be between 1 and 100")) {
            try Options.parse(["--forks", "0"], environment: [:])
        }
    }

    @Test func iterationsOverrideTheProfile() throws {
        let options = try Options.parse(["--quick", "--iterations", "1234"], environment: [:])
        #expect(options.iterationsPerSpec == 1234)
        #expect(options.sampleEvery == 12)
    }

    @Test func eachLeakKindParses() throws {
        for kind in LeakInjection.allCases {
            #expect(try Options.parse(["--inject-leak", kind.rawValue], environment: [:]).injection == kind)
        }
    }

    @Test(arguments: [
        (["--bogus"], "unknown option --bogus; see perf-memory --help"),
        (["-x"], "unknown option -x; see perf-memory --help"),
        (["--iteration", "500"], "unknown option --iteration (did you mean --iterations?); see perf-memory --help"),
        (["sessionCache"], #"unexpected argument "sessionCache"; see perf-memory --help"#),
        (["--spec"], "--spec needs a value (--spec NAME); see perf-memory --help"),
        (["--json", "--quick"], "--json needs a value (--json PATH); see perf-memory --help"),
        (["--json", "a.json", "--json=b.json"], "--json is given twice (a.json and b.json); give it once"),
        (["--quick", "--quick"], "--quick is given twice; give it once"),
        (["--list=yes"], #"--list takes no value; remove "=yes""#),
        (["--inject-leak", "cycle"], #"--inject-leak: "cycle" is not retain-cycle or 64-bytes"#),
        (["--iterations", "99"], "--iterations: 99 is out of range: it must be at least 100"),
        (["--iterations", "many"], #"--iterations: "many" is not a whole number"#),
        (["--seed", "-1"], "--seed: -1 is out of range: it must be at least 0"),
        (["--seed", "x"], #"--seed: "x" is not a whole number"#),
        (["--profile", "long"], #"--profile: "long" is not quick or full"#),
    ])
    func badUsageSaysWhatToFix(arguments: [String], message: String) {
        #expect(throws: UsageError(message)) {
            try Options.parse(arguments, environment: [:])
        }
    }

    @Test func helpListsEveryFlagAndTheExitStatuses() {
        let help = Options.command.helpText()
        for flag in [
            "--spec NAME", "--inject-leak retain-cycle|64-bytes", "--quick", "--profile quick|full", "--iterations N",
            "--seed N", "--json PATH", "--snapshot-dir DIR", "--list", "--forks N", "PERF_PROFILE",
        ] {
            #expect(help.contains(flag), "\(flag)")
        }
        #expect(help.contains("Exit status: 0 every verdict as expected; 1 a leak was found (in a healthy spec, or"))
        #expect(help.contains("largeLiveSetLeak's leak was missed; 2 bad usage"))
    }

    @Test func listNamesEverySpecAndLeakKind() {
        for name in MemorySpec.all.map(\.name) + LeakInjection.allCases.map(\.rawValue) {
            #expect(Options.list.contains("  \(name) "))
        }
    }
}
