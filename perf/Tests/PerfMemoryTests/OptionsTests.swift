import SuiteSupport
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
        #expect(throws: UsageError("PERF_PROFILE: expected quick or full, got 'fast'")) {
            try Options.parse([], environment: ["PERF_PROFILE": "fast"])
        }
    }

    @Test func everyFlagIsParsed() throws {
        let options = try Options.parse(
            [
                "--spec", "pool", "--spec", "sawtooth", "--inject-leak", "64-bytes", "--iterations", "20000", "--seed",
                "7", "--json", "out.json", "--snapshot-dir", "snaps", "--list", "--help",
            ], environment: [:])
        #expect(options.specFilters == ["pool", "sawtooth"])
        #expect(options.injection == .bytes64)
        #expect(options.iterations == 20_000)
        #expect(options.iterationsPerSpec == 20_000)
        #expect(options.sampleEvery == 200)
        #expect(options.seed == 7)
        #expect(options.jsonPath == "out.json")
        #expect(options.snapshotDirectory == "snaps")
        #expect(options.list && options.help)
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
        (["--bogus"], "unknown flag '--bogus' (see --help)"),
        (["-x"], "unknown flag '-x' (see --help)"),
        (["sessionCache"], "unexpected argument 'sessionCache'; perf-memory takes flags only (see --help)"),
        (["--spec"], "--spec needs a value (see --help)"),
        (["--json", "--quick"], "--json needs a value (see --help)"),
        (["--inject-leak", "cycle"], "--inject-leak: expected retain-cycle or 64-bytes, got 'cycle'"),
        (["--iterations", "99"], "--iterations: expected an integer of at least 100, got '99'"),
        (["--iterations", "many"], "--iterations: expected an integer of at least 100, got 'many'"),
        (["--seed", "-1"], "--seed: expected a non-negative integer, got '-1'"),
        (["--seed", "x"], "--seed: expected a non-negative integer, got 'x'"),
    ])
    func badUsageSaysWhatToFix(arguments: [String], message: String) {
        #expect(throws: UsageError(message)) {
            try Options.parse(arguments, environment: [:])
        }
    }

    @Test func helpListsEveryFlagAndTheExitStatuses() {
        for flag in [
            "--spec", "--inject-leak", "--quick", "--iterations", "--seed", "--json", "--snapshot-dir", "--list",
        ] {
            #expect(Options.usage.contains(flag))
        }
        #expect(Options.usage.contains("Exit status: 0 no leak; 1 a leak was found; 2 bad usage"))
    }

    @Test func listNamesEverySpecAndLeakKind() {
        for name in MemorySpec.all.map(\.name) + LeakInjection.allCases.map(\.rawValue) {
            #expect(Options.list.contains("  \(name) "))
        }
    }
}
