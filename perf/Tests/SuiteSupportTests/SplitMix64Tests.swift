import SuiteSupport
import Testing

/// The seeded generator of the suites' workloads.
@Suite struct SplitMix64Tests {
    @Test func theSequenceIsSplitMix64s() {
        // The reference outputs of SplitMix64 from seed 0 (Vigna's splitmix64.c).
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(random.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func theSameSeedGivesTheSameNumbers() {
        var first = SplitMix64(seed: 42)
        var second = SplitMix64(seed: 42)
        let a = (0..<100).map { _ in first.next(below: 1000) }
        let b = (0..<100).map { _ in second.next(below: 1000) }
        #expect(a == b)
        #expect(a.allSatisfy { (0..<1000).contains($0) })
    }

    @Test func aBoundOfOneAlwaysGivesZero() {
        var random = SplitMix64(seed: 7)
        #expect((0..<10).allSatisfy { _ in random.next(below: 1) == 0 })
    }

    @Test func aBoundBelowOneIsProgrammerMisuse() async {
        await #expect(processExitsWith: .failure) {
            var random = SplitMix64(seed: 1)
            _ = random.next(below: 0)
        }
    }
}
