import SuiteSupport
import Testing

@testable import perf_viewmodel

@Suite struct OptionsTests {
    @Test func noArgumentsRunTheSuiteInTheFullProfile() throws {
        let options = try Options.parse([], environment: [:])
        #expect(options == Options())
        #expect(options.command == .suite)
        #expect(options.ticksPerCase == 10_000)
        #expect(options.cyclesPerCase == 10_000)
        #expect(options.jsonPath == nil)
    }

    @Test func quickComesFromTheFlagOrPerfProfile() throws {
        #expect(try Options.parse(["--quick"], environment: [:]).ticksPerCase == 2_000)
        #expect(try Options.parse([], environment: ["PERF_PROFILE": "quick"]).cyclesPerCase == 2_000)
        #expect(try Options.parse(["--quick"], environment: ["PERF_PROFILE": "full"]).profile == .quick)
        #expect(try Options.parse([], environment: ["PERF_PROFILE": ""]).profile == .full)
    }

    @Test func everySuiteFlagIsParsed() throws {
        let options = try Options.parse(
            ["--ticks", "500", "--cycles", "300", "--seed", "9", "--json", "out.json"], environment: [:])
        #expect(options.ticksPerCase == 500)
        #expect(options.cyclesPerCase == 300)
        #expect(options.seed == 9)
        #expect(options.jsonPath == "out.json")
    }

    @Test func demoTakesItsOwnFlagsAndNoColor() throws {
        let options = try Options.parse(
            ["demo", "--duration", "2.5", "--rows", "50", "--seed", "3"], environment: ["NO_COLOR": "1"])
        #expect(options.command == .demo)
        #expect(options.duration == 2.5)
        #expect(options.rows == 50)
        #expect(options.seed == 3)
        #expect(options.noColor)
        #expect(try !Options.parse(["demo"], environment: ["NO_COLOR": ""]).noColor)
    }

    @Test func badValuesAndUnknownFlagsNameWhatToFix() {
        let cases: [([String], [String: String], String)] = [
            (["--bogus"], [:], "unknown flag '--bogus' for perf-viewmodel (see --help)"),
            (["demo", "--json", "x"], [:], "unknown flag '--json' for perf-viewmodel demo (see --help)"),
            (["--duration", "3"], [:], "unknown flag '--duration' for perf-viewmodel (see --help)"),
            (["--ticks", "50"], [:], "--ticks: expected an integer of at least 100, got '50'"),
            (["--cycles"], [:], "--cycles needs a value (see --help)"),
            (["--seed", "-1"], [:], "--seed: expected a non-negative integer, got '-1'"),
            (["--seed", "x"], [:], "--seed: expected a non-negative integer, got 'x'"),
            (["demo", "--duration", "0"], [:], "--duration: expected seconds above 0 and at most 600, got '0'"),
            (["demo", "--duration", "601"], [:], "--duration: expected seconds above 0 and at most 600, got '601'"),
            (["demo", "--rows", "5"], [:], "--rows: expected an integer from 10 to 100000, got '5'"),
            (["run"], [:], "unexpected argument 'run'; perf-viewmodel takes flags, or 'demo' first (see --help)"),
            ([], ["PERF_PROFILE": "fast"], "PERF_PROFILE: expected quick or full, got 'fast'"),
        ]
        for (arguments, environment, message) in cases {
            #expect(throws: UsageError(message), "\(arguments)") {
                try Options.parse(arguments, environment: environment)
            }
        }
    }

    @Test func helpIsRecognisedEverywhere() throws {
        #expect(try Options.parse(["--help"], environment: [:]).help)
        #expect(try Options.parse(["demo", "-h"], environment: [:]).help)
        #expect(Options.usage.hasPrefix("perf-viewmodel: the view-model churn suite"))
    }
}
