import Testing

@testable import MicroBench

@Suite struct RunOptionsTests {
    @Test func noArgumentsRunEverythingWithTheDefaults() throws {
        #expect(try RunOptions.parse([]) == RunOptions())
    }

    @Test func everyFlagIsParsedWithItsValueAsTheNextArgumentOrAfterAnEqualsSign() throws {
        let options = try RunOptions.parse([
            "--json", "out.json", "--filter", "concat", "--filter=split", "--time=0.25", "--quick", "--list",
        ])
        #expect(options.jsonPath == "out.json")
        #expect(options.filters == ["concat", "split"])
        #expect(options.time == 0.25)
        #expect(options.quick && options.list && !options.help)
        #expect(try RunOptions.parse(["-h"]).help)
        #expect(try RunOptions.parse(["--help"]).help)
    }

    @Test func anUnknownFlagIsNamedInTheError() {
        #expect(throws: MicroBenchError.unknownFlag("--bogus")) { try RunOptions.parse(["--bogus"]) }
        #expect(throws: MicroBenchError.unknownFlag("--jsn")) { try RunOptions.parse(["--jsn=x"]) }
        #expect(
            MicroBenchError.unknownFlag("--bogus").description
                == "unknown flag '--bogus'; run with --help to see the flags")
    }

    @Test func aFlagWithoutItsValueSaysWhatValueItNeeds() {
        #expect(throws: MicroBenchError.missingValue(flag: "--json", placeholder: "PATH")) {
            try RunOptions.parse(["--json"])
        }
        #expect(throws: MicroBenchError.missingValue(flag: "--filter", placeholder: "PATTERN")) {
            try RunOptions.parse(["--filter", "--quick"])
        }
        #expect(throws: MicroBenchError.missingValue(flag: "--time", placeholder: "SECONDS")) {
            try RunOptions.parse(["--time="])
        }
        #expect(
            MicroBenchError.missingValue(flag: "--json", placeholder: "PATH").description
                == "--json needs a value: --json PATH")
    }

    @Test func aBadTimeIsRejectedWithTheValueGiven() {
        for bad in ["abc", "0", "-1", "inf", "nan", "3601"] {
            #expect(throws: MicroBenchError.invalidTime(bad)) { try RunOptions.parse(["--time", bad]) }
        }
        #expect(
            MicroBenchError.invalidTime("abc").description
                == "--time needs a positive number of seconds up to 3600, e.g. --time 0.5 (got 'abc')")
    }

    @Test func booleanFlagsTakeNoValue() {
        #expect(throws: MicroBenchError.unexpectedValue(flag: "--list")) { try RunOptions.parse(["--list=yes"]) }
        #expect(MicroBenchError.unexpectedValue(flag: "--list").description == "--list takes no value; write it alone")
    }

    @Test func singleValuedFlagsMayNotRepeat() {
        #expect(throws: MicroBenchError.repeatedFlag("--json")) {
            try RunOptions.parse(["--json", "a", "--json", "b"])
        }
        #expect(throws: MicroBenchError.repeatedFlag("--time")) {
            try RunOptions.parse(["--time", "1", "--time", "2"])
        }
    }

    @Test func aPositionalArgumentSuggestsTheFilterFlag() {
        #expect(throws: MicroBenchError.unexpectedArgument("concat")) { try RunOptions.parse(["concat"]) }
        #expect(
            MicroBenchError.unexpectedArgument("concat").description
                == "unexpected argument 'concat'; to select tasks use --filter concat")
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

@Suite struct NumberFormatTests {
    @Test func fixedRoundsAndPadsTheFraction() {
        #expect(NumberFormat.fixed(24.9, decimals: 2) == "24.90")
        #expect(NumberFormat.fixed(0.005, decimals: 1) == "0.0")
        #expect(NumberFormat.fixed(1234.5, decimals: 1, grouping: true) == "1,234.5")
        #expect(NumberFormat.fixed(-2.25, decimals: 1) == "-2.3")
        #expect(NumberFormat.fixed(-0.001, decimals: 2) == "0.00")
    }

    @Test func groupedSeparatesThousands() {
        #expect(NumberFormat.grouped(0) == "0")
        #expect(NumberFormat.grouped(999) == "999")
        #expect(NumberFormat.grouped(1_234_567) == "1,234,567")
        #expect(NumberFormat.grouped(-12_345) == "-12,345")
    }

    @Test func timesAndRatesUseReadableUnits() {
        #expect(NumberFormat.nanoseconds(24.918) == "24.92")
        #expect(NumberFormat.nanoseconds(6_718.63) == "6,718.6")
        #expect(NumberFormat.nanoseconds(1_234_567) == "1,234,567")
        #expect(NumberFormat.duration(nanoseconds: 850) == "850 ns")
        #expect(NumberFormat.duration(nanoseconds: 1_250) == "1.25 µs")
        #expect(NumberFormat.duration(nanoseconds: 3_400_000) == "3.40 ms")
        #expect(NumberFormat.duration(nanoseconds: 1.2e9) == "1.20 s")
        #expect(NumberFormat.rate(40_123_456.7) == "40,123,457")
        #expect(NumberFormat.rate(12.5) == "12.50")
        #expect(NumberFormat.rate(3e19) == ">1e15")
        #expect(NumberFormat.percent(0.314) == "0.31%")
        #expect(NumberFormat.percent(12.54) == "12.5%")
        #expect(NumberFormat.siRate(1.52e9, unit: "B/s") == "1.52 GB/s")
        #expect(NumberFormat.siRate(45_600_000, unit: "elem/s") == "45.6 Melem/s")
        #expect(NumberFormat.siRate(812, unit: "elem/s") == "812 elem/s")
        #expect(NumberFormat.count(3) == "3")
        #expect(NumberFormat.count(2.5) == "2.50")
    }
}
