import PerfSupport
import Testing

@testable import perf_memory

@Suite struct SpecSelectionTests {
    private static func spec(_ name: String) -> MemorySpec {
        MemorySpec(name: name, summary: "", makeWorkload: { SawtoothWorkload(seed: $0) })
    }

    @Test func theSuiteHasTheHealthyPoolAndSawtoothSpecsInOrder() {
        #expect(MemorySpec.all.map(\.name) == ["sessionCache", "poolChurn", "sawtooth"])
    }

    @Test func noFiltersSelectEverySpec() throws {
        #expect(try MemorySpec.select([]).map(\.name) == ["sessionCache", "poolChurn", "sawtooth"])
    }

    @Test func anExactNameSelectsThatSpecIgnoringCase() throws {
        #expect(try MemorySpec.select(["POOLCHURN"]).map(\.name) == ["poolChurn"])
    }

    @Test func aPartOfANameSelectsEverySpecContainingIt() throws {
        #expect(try MemorySpec.select(["S"]).map(\.name) == ["sessionCache", "sawtooth"])
    }

    @Test func anExactNameWinsOverLongerNamesContainingIt() throws {
        let specs = [Self.spec("sessionCache"), Self.spec("cache")]
        #expect(try MemorySpec.select(["cache"], from: specs).map(\.name) == ["cache"])
        #expect(try MemorySpec.select(["cach"], from: specs).map(\.name) == ["sessionCache", "cache"])
    }

    @Test func repeatedFiltersSelectEachSpecOnceInSuiteOrder() throws {
        #expect(try MemorySpec.select(["sawtooth", "session", "saw"]).map(\.name) == ["sessionCache", "sawtooth"])
    }

    @Test func aFilterThatMatchesNothingListsTheSpecs() {
        let message = "--spec 'leaky' matches no spec; the specs are sessionCache, poolChurn, sawtooth (see --list)"
        #expect(throws: UsageError(message)) {
            try MemorySpec.select(["session", "leaky"])
        }
    }

    @Test func anEmptyFilterMatchesNothing() {
        #expect(throws: UsageError.self) {
            try MemorySpec.select([""])
        }
    }
}
