import PerfSupport
import Testing

/// The seeded generator of the suites' workloads and of randomized tests.
@Suite struct SplitMix64Tests {
    @Test func theSequenceFromSeedZeroIsSplitMix64s() {
        // The reference outputs of SplitMix64 from seed 0 (Vigna's splitmix64.c).
        var random = SplitMix64(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(random.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func theSequenceFromSeed1234567IsThePublishedOne() {
        // The first five outputs for seed 1234567 published by Rosetta Code, task "Pseudo-random
        // numbers/Splitmix64" (https://rosettacode.org/wiki/Pseudo-random_numbers/Splitmix64).
        var random = SplitMix64(seed: 1_234_567)
        let expected: [UInt64] = [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ]
        #expect((0..<5).map { _ in random.next() } == expected)
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

    @Test func theUnitIntervalTakesTheTop53BitsOfTheNextValue() {
        var random = SplitMix64(seed: 99)
        var raw = SplitMix64(seed: 99)
        for _ in 0..<1000 {
            let value = random.nextUnitInterval()
            #expect(value == Double(raw.next() >> 11) / Double(UInt64(1) << 53))
            #expect(value >= 0 && value < 1)
        }
    }

    @Test func asARandomNumberGeneratorItDrivesTheStandardLibraryRepeatably() {
        var first = SplitMix64(seed: 2024)
        var second = SplitMix64(seed: 2024)
        #expect(Array(0..<50).shuffled(using: &first) == Array(0..<50).shuffled(using: &second))
        #expect(Int.random(in: 10...20, using: &first) == Int.random(in: 10...20, using: &second))
    }
}
