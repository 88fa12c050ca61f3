import PerfSupport
import Testing

@testable import perf_viewmodel

@Suite struct OptionsTests {
    @Test func noArgumentsRunTheSuiteInTheFullProfile() throws {
        let options = try Options.parse([], environment: [:])
        #expect(options == Options())
        #expect(options.mode == .suite)
        #expect(options.ticksPerCase == 10_000)
        #expect(options.cyclesPerCase == 10_000)
        #expect(options.jsonPath == nil)
        #expect(options.forks == nil)
    }

    @Test func quickComesFromTheFlagTheProfileOrPerfProfile() throws {
        #expect(try Options.parse(["--quick"], environment: [:]).ticksPerCase == 2_000)
        #expect(try Options.parse([], environment: ["PERF_PROFILE": "quick"]).cyclesPerCase == 2_000)
        #expect(try Options.parse(["--quick"], environment: ["PERF_PROFILE": "full"]).profile == .quick)
        #expect(try Options.parse(["--profile=quick"], environment: [:]).profile == .quick)
        #expect(try Options.parse([], environment: ["PERF_PROFILE": ""]).profile == .full)
    }

    @Test func everySuiteFlagIsParsed() throws {
        let options = try Options.parse(
            ["--ticks", "500", "--cycles", "300", "--seed", "9", "--json", "out.json", "--forks", "4"], environment: [:]
        )
        #expect(options.ticksPerCase == 500)
        #expect(options.cyclesPerCase == 300)
        #expect(options.seed == 9)
        #expect(options.jsonPath == "out.json")
        #expect(options.forks == 4)
    }

    @Test func demoTakesItsOwnFlags() throws {
        let options = try Options.parse(["demo", "--duration", "2.5", "--rows", "50", "--seed", "3"], environment: [:])
        #expect(options.mode == .demo)
        #expect(options.duration == .milliseconds(2500))
        #expect(options.rows == 50)
        #expect(options.seed == 3)
        #expect(try Options.parse(["demo", "--duration=300ms"], environment: [:]).duration == .milliseconds(300))
        #expect(try Options.parse(["demo"], environment: [:]).duration == .seconds(5))
    }

    @Test func theDemoIgnoresPerfProfile() throws {
        #expect(try Options.parse(["demo"], environment: ["PERF_PROFILE": "fast"]).mode == .demo)
    }

    @Test func badValuesAndUnknownFlagsNameWhatToFix() {
        let cases: [([String], [String: String], String)] = [
            (["--bogus"], [:], "unknown option --bogus; see perf-viewmodel --help"),
            (["demo", "--json", "x"], [:], "unknown option --json; see perf-viewmodel demo --help"),
            (["demo", "--forks", "2"], [:], "unknown option --forks; see perf-viewmodel demo --help"),
            (["--duration", "3"], [:], "unknown option --duration; see perf-viewmodel --help"),
            (["--ticks", "50"], [:], "--ticks: 50 is out of range: it must be at least 100"),
            (["--cycles"], [:], "--cycles needs a value (--cycles N); see perf-viewmodel --help"),
            (["--seed", "-1"], [:], "--seed: -1 is out of range: it must be at least 0"),
            (["--seed", "x"], [:], #"--seed: "x" is not a whole number"#),
            (["--forks", "0"], [:], "--forks: 0 is out of range: it must be between 1 and 100"),
            (
                ["demo", "--duration", "0"], [:],
                "--duration: 0 is out of range: it must be above 0 and at most 600 seconds"
            ),
            (
                ["demo", "--duration", "601"], [:],
                "--duration: 601 is out of range: it must be above 0 and at most 600 seconds"
            ),
            (
                ["demo", "--duration", "soon"], [:],
                #"--duration: "soon" is not a number of seconds or a duration such as 500ms"#
            ),
            (["demo", "--rows", "5"], [:], "--rows: 5 is out of range: it must be between 10 and 100000"),
            (["run"], [:], #"unknown command "run"; use demo; see perf-viewmodel --help"#),
            ([], ["PERF_PROFILE": "fast"], #"PERF_PROFILE: "fast" is not quick or full"#),
        ]
        for (arguments, environment, message) in cases {
            #expect(throws: UsageError(message), "\(arguments)") {
                try Options.parse(arguments, environment: environment)
            }
        }
    }

    @Test func helpIsRecognisedEverywhere() throws {
        #expect(try Options.command.parse(["--help"]).helpRequested)
        let demo = try Options.command.parse(["demo", "-h"])
        #expect(demo.helpRequested)
        #expect(demo.helpText.hasPrefix("Usage: perf-viewmodel demo [options]\n"))
        let help = Options.command.helpText()
        #expect(help.contains("The view-model churn suite"))
        for text in ["--quick", "--ticks N", "--cycles N", "--json PATH", "--seed N", "--forks N", "demo"] {
            #expect(help.contains(text), "\(text)")
        }
        #expect(help.contains("Exit status: 0 every check passed; 1 a check failed"))
        #expect(demo.helpText.contains("NO_COLOR"))
    }
}
