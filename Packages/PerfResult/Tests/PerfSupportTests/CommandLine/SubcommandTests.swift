import PerfSupport
import Testing

@Suite struct SubcommandTests {
    static let json = CommonOptions.json
    static let merge = Command(
        "merge", summary: "Merges result files exactly. Histograms are summed.", options: [json],
        positionals: [Positional("FILE", .oneOrMore, help: "result files")])
    static let tool = Command(
        "loadgen", summary: "A load generator.", options: [json],
        positionals: [Positional("URL", .optional, help: "target")],
        subcommands: [merge])

    @Test func theFirstArgumentChoosesASubcommand() throws {
        let parsed = try Self.tool.parse(["merge", "a.json", "b.json", "--json", "out.json"])
        #expect(parsed.commandPath == ["loadgen", "merge"])
        #expect(parsed.subcommand == "merge")
        #expect(parsed.positionals == ["a.json", "b.json"])
        #expect(parsed[Self.json] == "out.json")
    }

    @Test func withoutASubcommandTheCommandItselfParses() throws {
        let parsed = try Self.tool.parse(["http://127.0.0.1/"])
        #expect(parsed.subcommand == nil)
        #expect(parsed.positionals == ["http://127.0.0.1/"])
    }

    @Test func aSubcommandChecksItsOwnPositionals() {
        #expect(throws: UsageError("missing FILE; see loadgen merge --help")) { try Self.tool.parse(["merge"]) }
    }

    @Test func aCommandOfSubcommandsOnlyNamesTheChoices() {
        let only = Command("demo-load", summary: "", options: [], subcommands: [Self.merge])
        #expect(throws: UsageError("unknown command \"soak\"; use merge; see demo-load --help")) {
            try only.parse(["soak"])
        }
    }

    @Test func aSubcommandsHelpIsItsOwn() throws {
        let parsed = try Self.tool.parse(["merge", "--help"])
        #expect(parsed.helpRequested)
        #expect(parsed.helpText.hasPrefix("Usage: loadgen merge [options] FILE...\n\nMerges result files exactly."))
    }
}
