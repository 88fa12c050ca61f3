import PerfSupport
import Testing

/// A command with one argument of each kind, as the tools declare them.
enum Sample {
    static let connections = Option("connections", short: "c", .integer.atLeast(1), default: 50, help: "connections")
    static let duration = Option("duration", short: "d", .duration, default: .seconds(10), help: "measured time")
    static let header = Option("header", short: "H", .string.placeholder("'K: V'"), repeatable: true, help: "a header")
    static let json = CommonOptions.json
    static let count = Option("count", short: "n", aliases: ["requests"], .count, help: "stop after N requests")
    static let strict = CommonOptions.strict
    static let profile = CommonOptions.profile
    static let list = Flag("list", help: "list the tasks")
    static let url = Positional("URL", .optional, help: "the target")

    static let command = Command(
        "tool", summary: "A sample tool.",
        options: [connections, duration, header, json, count, strict, profile, list], positionals: [url])

    static func parse(_ arguments: [String], environment: [String: String] = [:]) throws(UsageError)
        -> ParsedArguments
    {
        try command.parse(arguments, environment: environment)
    }

    static func error(_ arguments: [String], environment: [String: String] = [:]) -> String? {
        do {
            _ = try parse(arguments, environment: environment)
            return nil
        } catch {
            return error.message
        }
    }
}

@Suite struct CommandParsingTests {
    @Test func aValueFollowsItsOptionOrItsEqualsSign() throws {
        let spaced = try Sample.parse(["--connections", "8", "--json", "out.json"])
        let inline = try Sample.parse(["--connections=8", "--json=out.json"])
        #expect(spaced[Sample.connections] == 8 && inline[Sample.connections] == 8)
        #expect(spaced[Sample.json] == "out.json" && inline[Sample.json] == "out.json")
    }

    @Test func aShortNameTakesItsValueNextOrAttached() throws {
        let parsed = try Sample.parse(["-c", "4", "-d8s"])
        #expect(parsed[Sample.connections] == 4)
        #expect(parsed[Sample.duration] == .seconds(8))
    }

    @Test func anOptionNotGivenHasItsDefaultButIsNotGiven() throws {
        let parsed = try Sample.parse([])
        #expect(parsed[Sample.connections] == 50)
        #expect(parsed.given(Sample.connections) == nil)
        #expect(!parsed.isGiven(Sample.connections))
        #expect(parsed[Sample.json] == nil)
        #expect(!parsed[Sample.list])
    }

    @Test func anAliasSetsTheSameOption() throws {
        #expect(try Sample.parse(["--requests", "20k"])[Sample.count] == 20_000)
    }

    @Test func aRepeatableOptionKeepsEveryValueInOrder() throws {
        let parsed = try Sample.parse(["-H", "A: 1", "--header", "B: 2", "--header=C: 3"])
        #expect(parsed.values(Sample.header) == ["A: 1", "B: 2", "C: 3"])
        #expect(parsed[Sample.header] == "C: 3")
    }

    @Test func anOptionGivenTwiceIsRefusedWithBothValues() {
        #expect(
            Sample.error(["--json", "a.json", "--json=b.json"])
                == "--json is given twice (a.json and b.json); give it once")
        #expect(Sample.error(["--list", "--list"]) == "--list is given twice; give it once")
    }

    @Test func anUnknownOptionIsRefusedWithTheNearestName() {
        #expect(Sample.error(["--jsn", "x"]) == "unknown option --jsn (did you mean --json?); see tool --help")
        #expect(Sample.error(["--bogus"]) == "unknown option --bogus; see tool --help")
        #expect(Sample.error(["-x"]) == "unknown option -x; see tool --help")
    }

    @Test func aMissingValueIsRefusedNamingThePlaceholder() {
        #expect(Sample.error(["--json"]) == "--json needs a value (--json PATH); see tool --help")
        #expect(Sample.error(["--json", "--list"]) == "--json needs a value (--json PATH); see tool --help")
        #expect(Sample.error(["--json="]) == "--json needs a value (--json PATH); see tool --help")
    }

    @Test func aValueStartingWithDoubleDashIsTakenOnlyAfterEquals() throws {
        #expect(try Sample.parse(["--header=--weird"])[Sample.header] == "--weird")
    }

    @Test func aFlagRefusesAValue() {
        #expect(Sample.error(["--list=yes"]) == "--list takes no value; remove \"=yes\"")
    }

    @Test func badValuesAreRefusedNamingTheFlagAndTheExpectedForm() {
        #expect(Sample.error(["--connections", "abc"]) == "--connections: \"abc\" is not a whole number")
        #expect(Sample.error(["-c", "0"]) == "-c: 0 is out of range: it must be at least 1")
        #expect(
            Sample.error(["--duration", "10"]) == "--duration: \"10\" is not a duration; use e.g. 10s, 500ms, 2m")
        #expect(Sample.error(["--duration", "10parsecs"]) != nil)
        #expect(Sample.error(["--count", "1.5"]) == "--count: \"1.5\" is not a whole number such as 250, 20k or 1.5M")
        #expect(Sample.error(["--profile", "fast"]) == "--profile: \"fast\" is not quick or full")
    }

    @Test func positionalsAreCollectedAndCounted() throws {
        #expect(try Sample.parse(["http://127.0.0.1:8080/", "-c", "2"]).positionals == ["http://127.0.0.1:8080/"])
        #expect(Sample.error(["a", "b"]) == "unexpected extra argument \"b\"; see tool --help")
    }

    @Test func doubleDashEndsTheOptions() throws {
        let parsed = try Sample.parse(["--", "--json"])
        #expect(parsed.positionals == ["--json"])
        #expect(parsed[Sample.json] == nil)
    }

    @Test func helpWinsOverEveryOtherMistake() throws {
        let parsed = try Sample.parse(["--bogus", "-c", "x", "--help"])
        #expect(parsed.helpRequested)
        #expect(parsed.helpText.hasPrefix("Usage: tool [options] [URL]"))
        #expect(try Sample.parse(["-h"]).helpRequested)
        #expect(try !Sample.parse(["--", "-h"]).helpRequested)
    }

    @Test func exclusiveAndRequiredArgumentsAreChecked() throws {
        let both = try Sample.parse(["--list", "--json", "x"])
        #expect(throws: UsageError("--list and --json cannot be used together; give one of them")) {
            try both.exclusive(Sample.list, Sample.json)
        }
        #expect(throws: UsageError("--json only applies with --count")) { try both.requires(Sample.json, Sample.count) }
        try both.requires(Sample.json, Sample.list)
    }
}
