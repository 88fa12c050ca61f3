import PerfSupport
import Testing

@testable import perf_memory

@Suite struct SpecSelectionTests {
    private static func spec(_ name: String) -> MemorySpec {
        MemorySpec(name: name, summary: "", makeWorkload: { seed, _ in SawtoothWorkload(seed: seed) })
    }

    @Test func theSuiteHasTheHealthyPoolSawtoothAndLargeLiveSetLeakSpecsInOrder() {
        #expect(MemorySpec.all.map(\.name) == ["sessionCache", "poolChurn", "sawtooth", "largeLiveSetLeak"])
    }

    @Test func onlyTheLargeLiveSetLeakSpecIsBuiltToLeak() {
        #expect(MemorySpec.all.filter(\.expectsLeak).map(\.name) == ["largeLiveSetLeak"])
    }

    @Test func noFiltersSelectEverySpec() throws {
        #expect(
            try MemorySpec.select([]).map(\.name) == ["sessionCache", "poolChurn", "sawtooth", "largeLiveSetLeak"])
    }

    @Test func anExactNameSelectsThatSpecIgnoringCase() throws {
        #expect(try MemorySpec.select(["POOLCHURN"]).map(\.name) == ["poolChurn"])
    }

    @Test func aPartOfANameSelectsEverySpecContainingIt() throws {
        #expect(try MemorySpec.select(["S"]).map(\.name) == ["sessionCache", "sawtooth", "largeLiveSetLeak"])
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
        let message =
            "--spec 'leaky' matches no spec; the specs are sessionCache, poolChurn, sawtooth, largeLiveSetLeak "
            + "(see --list)"
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
