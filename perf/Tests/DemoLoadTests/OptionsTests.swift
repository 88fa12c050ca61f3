import PerfSupport
import Testing

@testable import demo_load

@Suite struct OptionsTests {
    func parse(_ arguments: String..., profile: String? = nil) throws(UsageError) -> Options {
        try Options(Options.command.parse(arguments, environment: profile.map { ["PERF_PROFILE": $0] } ?? [:]))
    }

    @Test func abDefaultsToLoginAndMessagesInFiveRounds() throws {
        let options = try parse("ab")
        #expect(options.command == .ab)
        #expect(options.effectiveScenarios == ["http-login", "http-messages"])
        #expect(options.effectiveRounds == 5)
        #expect(try parse("ab", profile: "quick").effectiveRounds == 2)
        #expect(try parse("ab", "--profile", "quick").effectiveRounds == 2)
        #expect(try parse("ab", "--profile", "full", profile: "quick").effectiveRounds == 5)
    }

    @Test func soakDefaultsToSixtySecondsOrFifteenQuick() throws {
        #expect(try parse("soak").soakDuration == .seconds(60))
        #expect(try parse("soak", "--quick").soakDuration == .seconds(15))
        #expect(try parse("soak", "--duration", "2m").soakDuration == .seconds(120))
        #expect(try parse("soak").effectiveScenarios == ["http-sustained"])
        #expect(try parse("soak").pool && !(try parse("soak", "--pool", "off").pool))
    }

    @Test(arguments: [
        ("90s", Duration.seconds(90)), ("15m", .seconds(900)), ("24h", .seconds(86_400)), ("1h30m", .seconds(5400)),
        ("5400", .seconds(5400)), ("0.5", .milliseconds(500)),
    ])
    func theSoakLengthMayBeHoursWithUnitsCompoundOrInPlainSeconds(_ text: String, _ length: Duration) throws {
        #expect(try parse("soak", "--duration", text).soakDuration == length)
    }

    @Test func soakFlagsAreRead() throws {
        let options = try parse(
            "soak", "--scenario", "http-login", "--warmup", "1s", "--rate", "20k", "--pool=on", "--json", "s.json")
        #expect(options.effectiveScenarios == ["http-login"] && options.warmup == .seconds(1))
        #expect(options.rate == 20_000 && options.pool && options.jsonPath == "s.json")
        #expect(try parse("soak").rate == nil)
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
        #expect(try parse("knee", "a.json").p99Limit == .milliseconds(10))
        #expect(try !parse("knee", "a.json", profile: "quick").quick)
    }

    @Test func helpNeedsNoCommandAndEachCommandHasItsOwn() throws {
        let help = try Options.command.parse(["--help"])
        #expect(help.helpRequested)
        #expect(help.helpText.hasPrefix("Usage: demo-load COMMAND ...\n       demo-load ab [options]\n"))
        #expect(help.helpText.contains("\n  knee   The knee of a stress ramp"))
        #expect(
            help.helpText.contains("\n  scale  Scaling curves: the knee of the stress ramp against the demo service's"))
        let ab = try Options.command.parse(["ab", "-h"]).helpText
        #expect(ab.contains("--rounds N") && ab.contains("(default 5, quick 2)") && ab.contains("PERF_PROFILE"))
        #expect(ab.contains("at least 30 % lower pooled") && ab.contains("Exit status: 0 all targets met"))
        let soak = try Options.command.parse(["soak", "--help"]).helpText
        #expect(soak.contains("--pool on|off") && soak.contains("--rate RATE") && soak.contains("(default 5000)"))
        let knee = try Options.command.parse(["knee", "--help"]).helpText
        #expect(knee.hasPrefix("Usage: demo-load knee [options] REPORT...\n"))
        #expect(knee.contains("(default 10ms)") && !knee.contains("--quick"))
    }

    static let errors: [([String], String?, String)] = [
        ([], nil, "give a command: ab, soak, knee or scale; see demo-load --help"),
        (["bench"], nil, "unknown command \"bench\"; use ab, soak, knee or scale; see demo-load --help"),
        (["ab", "--rounds", "0"], nil, "--rounds: 0 is out of range: it must be between 1 and 100"),
        (["ab", "--duration", "soon"], nil, "--duration: \"soon\" is not a duration; use e.g. 10s, 500ms, 2m"),
        (["ab", "--warmup", "0s"], nil, "--warmup: 0s is out of range: it must be longer than 0"),
        (["soak", "--rate", "-5"], nil, "--rate: \"-5\" is not a rate such as 500, 20k or 1.5M"),
        (["soak", "--rate", "0"], nil, "--rate: 0 is out of range: it must be above 0"),
        (["soak", "--pool", "maybe"], nil, "--pool: \"maybe\" is not on or off"),
        (
            ["soak", "--duration", "24h1s"], nil,
            "--duration: 24h1s is out of range: it must be longer than 0 and at most 24h"
        ),
        (
            ["soak", "--duration", "0s"], nil,
            "--duration: 0s is out of range: it must be longer than 0 and at most 24h"
        ),
        (
            ["soak", "--duration", "1h-30m"], nil,
            "--duration: \"1h-30m\" is not a duration such as 90s, 15m, 24h or 1h30m, or a number of seconds"
        ),
        (["soak", "--scenario", "a", "--scenario", "b"], nil, "--scenario is given twice (a and b); give it once"),
        (["ab", "--json"], nil, "--json needs a value (--json PATH); see demo-load ab --help"),
        (["ab", "--fast"], nil, "unknown option --fast; see demo-load ab --help"),
        (["ab", "--pool", "off"], nil, "unknown option --pool; see demo-load ab --help"),
        (["ab", "extra"], nil, "unexpected argument \"extra\"; see demo-load ab --help"),
        (["knee"], nil, "missing REPORT; see demo-load knee --help"),
        (["knee", "a.json", "--quick"], nil, "unknown option --quick; see demo-load knee --help"),
        (["ab"], "fast", "PERF_PROFILE: \"fast\" is not quick or full"),
    ]

    @Test(arguments: 0..<errors.count)
    func badCommandLinesAreRefusedSayingWhatToFix(_ index: Int) {
        let (arguments, profile, message) = Self.errors[index]
        #expect(throws: UsageError(message)) {
            try Options(Options.command.parse(arguments, environment: profile.map { ["PERF_PROFILE": $0] } ?? [:]))
        }
    }
}
