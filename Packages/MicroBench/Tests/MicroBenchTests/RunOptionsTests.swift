import PerfSupport
import Testing

@testable import MicroBench

extension RunOptions {
    /// The options of `arguments` as a suite executable named `bench` reads them.
    static func parse(_ arguments: [String], environment: [String: String] = [:]) throws(UsageError) -> RunOptions {
        try RunOptions(command().parse(arguments, environment: environment))
    }

    /// The message of the usage error `arguments` make, or `nil` when they are fine.
    static func mistake(_ arguments: [String], environment: [String: String] = [:]) -> String? {
        do {
            _ = try parse(arguments, environment: environment)
            return nil
        } catch {
            return error.message
        }
    }
}

@Suite struct RunOptionsTests {
    @Test func noArgumentsRunEverythingWithTheDefaults() throws {
        let options = try RunOptions.parse([])
        #expect(options == RunOptions())
        #expect(options.profile == .full && options.forks == nil && options.iterations == 100 && options.time == nil)
    }

    @Test func everyFlagIsParsedWithItsValueAsTheNextArgumentOrAfterAnEqualsSign() throws {
        let options = try RunOptions.parse([
            "--json", "out.json", "--filter", "concat", "--filter=split", "--time=0.25", "--quick", "--list",
        ])
        #expect(options.jsonPath == "out.json")
        #expect(options.filters == ["concat", "split"])
        #expect(options.time == .milliseconds(250))
        #expect(options.profile == .quick && options.list)
        #expect(try RunOptions.command().parse(["-h"]).helpRequested)
        #expect(try RunOptions.command().parse(["--list", "--help"]).helpRequested)
    }

    @Test func anUnknownFlagIsNamedInTheError() {
        #expect(RunOptions.mistake(["--bogus"]) == "unknown option --bogus; see bench --help")
        #expect(RunOptions.mistake(["--jsn=x"]) == "unknown option --jsn=x (did you mean --json?); see bench --help")
    }

    @Test func aFlagWithoutItsValueSaysWhatValueItNeeds() {
        #expect(RunOptions.mistake(["--json"]) == "--json needs a value (--json PATH); see bench --help")
        #expect(
            RunOptions.mistake(["--filter", "--quick"]) == "--filter needs a value (--filter PATTERN); see bench --help"
        )
        #expect(RunOptions.mistake(["--time="]) == "--time needs a value (--time SECONDS); see bench --help")
    }

    @Test func aBadTimeIsRejectedWithTheValueGiven() {
        for bad in ["abc", "0", "-1", "inf", "nan", "3601", "2h"] {
            let message = RunOptions.mistake(["--time", bad])
            #expect(
                message?.hasPrefix("--time: ") == true && message?.contains(bad) == true, "\(bad): \(message ?? "")")
        }
        #expect(
            RunOptions.mistake(["--time", "abc"])
                == "--time: \"abc\" is not a number of seconds or a duration such as 500ms")
        #expect(
            RunOptions.mistake(["--time", "3601"])
                == "--time: 3601 is out of range: it must be more than 0 and at most 3600 seconds")
    }

    @Test func aTimeMayBeGivenWithAUnit() throws {
        #expect(try RunOptions.parse(["--time", "500ms"]).time == .milliseconds(500))
        #expect(try RunOptions.parse(["--time", "3600"]).time == .seconds(3600))
    }

    @Test func booleanFlagsTakeNoValue() {
        #expect(RunOptions.mistake(["--list=yes"]) == "--list takes no value; remove \"=yes\"")
    }

    @Test func singleValuedFlagsMayNotRepeat() {
        #expect(RunOptions.mistake(["--json", "a", "--json", "b"]) == "--json is given twice (a and b); give it once")
        #expect(RunOptions.mistake(["--time", "1", "--time", "2"]) == "--time is given twice (1 and 2); give it once")
        #expect(RunOptions.mistake(["--quick", "--quick"]) == "--quick is given twice; give it once")
    }

    @Test func aPositionalArgumentIsRefusedByName() {
        #expect(RunOptions.mistake(["concat"]) == "unexpected argument \"concat\"; see bench --help")
    }

    @Test func theProfileComesFromQuickThenProfileThenPerfProfile() throws {
        #expect(try RunOptions.parse([], environment: ["PERF_PROFILE": "quick"]).profile == .quick)
        #expect(try RunOptions.parse([], environment: ["PERF_PROFILE": ""]).profile == .full)
        #expect(try RunOptions.parse(["--profile", "full"], environment: ["PERF_PROFILE": "quick"]).profile == .full)
        #expect(try RunOptions.parse(["--quick", "--profile", "full"]).profile == .quick)
        #expect(
            RunOptions.mistake([], environment: ["PERF_PROFILE": "fast"])
                == "PERF_PROFILE: \"fast\" is not quick or full")
    }

    @Test func forksAreAWholeNumberFromOneToAHundred() throws {
        #expect(try RunOptions.parse(["--forks", "4"]).forks == 4)
        #expect(try RunOptions.parse(["--forks=100"]).forks == 100)
        #expect(RunOptions.mistake(["--forks", "0"]) == "--forks: 0 is out of range: it must be between 1 and 100")
        #expect(RunOptions.mistake(["--forks", "101"]) == "--forks: 101 is out of range: it must be between 1 and 100")
        #expect(RunOptions.mistake(["--forks", "two"]) == "--forks: \"two\" is not a whole number")
    }

    @Test func forksAreRefusedWithInstructionsAndList() throws {
        #expect(
            RunOptions.mistake(["--forks", "2", "--instructions"])
                == "--forks does not apply to --instructions: instruction counts repeat exactly, so one process "
                + "gives them; drop --forks")
        #expect(
            RunOptions.mistake(["--list", "--forks", "3"])
                == "--forks does not apply to --list, which measures nothing; drop --forks")
        #expect(try RunOptions.parse(["--forks", "1", "--instructions"]).instructions)
        #expect(try RunOptions.parse(["--forks", "1", "--list"]).list)
    }

    @Test func metricsAreACommaSeparatedListOfKnownNamesInTheirOwnOrder() throws {
        #expect(try RunOptions.parse([]).metrics.isEmpty)
        #expect(try RunOptions.parse(["--metrics", "io,cpu"]).metrics == [.cpu, .io])
        #expect(try RunOptions.parse(["--metrics=threads, rss,threads"]).metrics == [.threads, .rss])
        #expect(try RunOptions.parse(["--metrics", "all"]).metrics == SystemMetric.allCases)
    }

    @Test func anUnknownMetricIsRefusedNamingTheFlagAndTheAllowedNames() {
        let allowed = "cpu,context-switches,page-faults,io,threads,rss,syscalls or all"
        #expect(
            RunOptions.mistake(["--metrics", "cpu,disk"])
                == "--metrics: \"disk\" is not a metric; use a comma-separated list of \(allowed)")
        #expect(
            RunOptions.mistake(["--metrics", "cpu,"])
                == "--metrics: an empty name is not a metric; use a comma-separated list of \(allowed)")
        #expect(
            RunOptions.mistake(["--metrics", "io", "--instructions"])
                == "--metrics and --instructions cannot be used together; give one of them")
    }

    @Test func theHelpListsEveryFlagButTheInternalOne() {
        let help = RunOptions.command(programName: "perf-micro").helpText()
        for flag in [
            "--filter PATTERN", "--time SECONDS", "--quick", "--profile quick|full", "--forks N", "--json PATH",
            "--list", "--instructions", "--iterations COUNT", "--metrics LIST", "-h, --help",
        ] {
            #expect(help.contains(flag), "\(flag) is missing from the help")
        }
        #expect(!help.contains("callgrind-child"))
        #expect(help.contains("(default the toolkit's suites: 5 quick, 10 full; MicroBench: 1)"))
        #expect(help.contains("PERF_PROFILE"))
        #expect(help.contains("Exit status: 0 on success, 2 on bad usage or input"))
    }
}

@Suite struct NameFilterTests {
    let names = ["stringOps/concat", "stringOps/split[size=16]", "stringOps/split[size=256]", "routing/trie"]

    func selected(_ patterns: [String]) -> [String] {
        let filter = NameFilter(patterns)
        return names.filter(filter.matches)
    }

    @Test func noPatternSelectsEveryTask() {
        #expect(selected([]) == names)
    }

    @Test func aPatternMatchesAsASubstring() {
        #expect(selected(["concat"]) == ["stringOps/concat"])
        #expect(selected(["stringOps/"]).count == 3)
    }

    @Test func aPatternMatchesAsARegularExpression() {
        #expect(selected(["concat|trie"]) == ["stringOps/concat", "routing/trie"])
        #expect(selected(["^routing/"]) == ["routing/trie"])
        #expect(selected(["split\\[size=2\\d+\\]"]) == ["stringOps/split[size=256]"])
    }

    @Test func anInvalidRegularExpressionStillMatchesAsASubstring() {
        #expect(selected(["[size=16"]) == ["stringOps/split[size=16]"])
    }

    @Test func bracketsInAPatternMatchLiterallyThroughTheSubstringRule() {
        #expect(selected(["split[size=16]"]) == ["stringOps/split[size=16]"])
    }

    @Test func severalPatternsSelectTheUnion() {
        #expect(selected(["concat", "trie"]) == ["stringOps/concat", "routing/trie"])
        #expect(selected(["nothing"]).isEmpty)
    }
}
