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
            try CaseFilter(["^object/|threads1"]).select(PoolCase.names) == [
                "object/alloc", "object/pool", "threads1/pool",
            ])
        #expect(
            try CaseFilter(["k/alloc$", "threads1"]).select(PoolCase.names) == [
                "buffer4k/alloc", "buffer64k/alloc", "threads1/pool",
            ])
    }

    @Test func aSelectedCaseBringsTheCasesItsBarsDivideBy() throws {
        // The A/B confirmation filters by the flagged result's name: threads2/pool's scalingRatio needs
        // threads1/pool measured too, or the round that should confirm it cannot measure it.
        #expect(try CaseFilter(["^threads2/pool$"]).select(PoolCase.names) == ["threads1/pool", "threads2/pool"])
        #expect(
            try CaseFilter(["^buffer4k/pool$"]).select(PoolCase.names) == [
                "buffer4k/alloc", "buffer4k/reserve", "buffer4k/pool",
            ])
        // A divisor brings nothing: it has no bar of its own.
        #expect(try CaseFilter(["^object/alloc$"]).select(PoolCase.names) == ["object/alloc"])
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
