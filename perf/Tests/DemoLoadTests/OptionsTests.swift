import Testing

@testable import demo_load

@Suite struct OptionsTests {
    func parse(_ arguments: String..., profile: String? = nil) throws(DemoLoadError) -> Options {
        try Options.parse(arguments, profile: profile)
    }

    @Test func abDefaultsToLoginAndMessagesInFiveRounds() throws {
        let options = try parse("ab")
        #expect(options.command == .ab)
        #expect(options.effectiveScenarios == ["http-login", "http-messages"])
        #expect(options.effectiveRounds == 5)
        #expect(try parse("ab", profile: "quick").effectiveRounds == 2)
    }

    @Test func soakDefaultsToSixtySecondsOrFifteenQuick() throws {
        #expect(try parse("soak").soakDuration == .seconds(60))
        #expect(try parse("soak", "--quick").soakDuration == .seconds(15))
        #expect(try parse("soak", "--duration", "2m").soakDuration == .seconds(120))
        #expect(try parse("soak").effectiveScenarios == ["http-sustained"])
        #expect(try parse("soak", "--pool", "off").pool == false)
    }

    @Test func flagsAreRead() throws {
        let options = try parse(
            "ab", "--scenario", "http-login", "--scenario", "x/y.json", "--rounds", "3", "--duration", "5s",
            "--warmup", "500ms", "--json", "out.json")
        #expect(options.scenarios == ["http-login", "x/y.json"])
        #expect(options.rounds == 3 && options.duration == .seconds(5) && options.warmup == .milliseconds(500))
        #expect(options.jsonPath == "out.json")
        #expect(Options.scenarioPath("http-login") == "perf/macro/http-login.json")
        #expect(Options.scenarioPath("x/y.json") == "x/y.json")
    }

    @Test func kneeTakesReportsAndALimit() throws {
        let options = try parse("knee", "a.json", "b.json", "--p99-limit", "25ms")
        #expect(options.files == ["a.json", "b.json"] && options.p99Limit == .milliseconds(25))
    }

    @Test func helpNeedsNoCommand() throws {
        #expect(try parse("--help").help)
        #expect(Options.usage.hasPrefix("USAGE: demo-load ab"))
    }

    static let errors: [([String], String?, String)] = [
        ([], nil, "give a command: ab, soak or knee (see --help)"),
        (["bench"], nil, "unknown command 'bench': use ab, soak or knee (see --help)"),
        (["ab", "--rounds", "0"], nil, "--rounds: expected an integer from 1 to 100, got '0'"),
        (["ab", "--duration", "soon"], nil, "--duration: expected a duration such as 500ms, 10s or 2m, got 'soon'"),
        (["soak", "--rate", "-5"], nil, "--rate: expected a positive number, got '-5'"),
        (["soak", "--pool", "maybe"], nil, "--pool: expected on or off, got 'maybe'"),
        (["ab", "--json"], nil, "--json needs a value (see --help)"),
        (["ab", "--fast"], nil, "unknown flag '--fast' (see --help)"),
        (["ab", "extra"], nil, "unexpected argument 'extra' (see --help)"),
        (["knee"], nil, "knee needs a loadgen --json report, e.g. demo-load knee perf/results/macro-http-stress.json"),
        (["ab"], "fast", "PERF_PROFILE: expected quick or full, got 'fast'"),
    ]

    @Test(arguments: 0..<errors.count)
    func badCommandLinesAreRefusedSayingWhatToFix(_ index: Int) {
        let (arguments, profile, message) = Self.errors[index]
        #expect(throws: DemoLoadError.usage(message)) { try Options.parse(arguments, profile: profile) }
    }
}
