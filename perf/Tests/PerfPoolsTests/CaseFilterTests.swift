import PerfSupport
import Testing

@testable import perf_pools

/// `--filter`: substrings and regular expressions over the case names.
@Suite struct CaseFilterTests {
    @Test func noPatternSelectsEveryCase() throws {
        #expect(try CaseFilter([]).select(PoolCase.names) == PoolCase.names)
    }

    @Test func aSubstringSelectsTheCasesThatContainIt() throws {
        #expect(
            try CaseFilter(["buffer4k"]).select(PoolCase.names) == [
                "buffer4k/alloc", "buffer4k/reserve", "buffer4k/pool",
            ])
    }

    @Test func aRegularExpressionSelectsTheCasesItMatches() throws {
        #expect(
            try CaseFilter(["^object/|threads2"]).select(PoolCase.names) == [
                "object/alloc", "object/pool", "threads2/pool",
            ])
        #expect(
            try CaseFilter(["k/pool$", "threads1"]).select(PoolCase.names) == [
                "buffer4k/pool", "buffer64k/pool", "threads1/pool",
            ])
    }

    @Test func anInvalidRegularExpressionStillMatchesAsASubstring() {
        let filter = CaseFilter(["pool["])
        #expect(filter.matches("object/pool[size=1]"))
        #expect(!filter.matches("object/pool"))
    }

    @Test func aFilterThatMatchesNothingIsRejectedWithThePatterns() {
        #expect(throws: UsageError("--filter 'nothing', 'tiny' matches no case (see --list)")) {
            try CaseFilter(["nothing", "tiny"]).select(PoolCase.names)
        }
    }
}
