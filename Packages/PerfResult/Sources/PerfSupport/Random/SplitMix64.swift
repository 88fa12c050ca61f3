/// A small seeded generator (SplitMix64, Steele, Lea and Flood 2014; Vigna's `splitmix64.c`), so that every
/// run of a workload or a randomized test sees the same sequence.
///
/// Not for anything secret. The sequence for a seed is fixed: workloads and tests rely on it, so the
/// constants never change. Inlinable: the suites draw from it inside measured loops, from another module.
/// As a `RandomNumberGenerator` it also drives `Int.random(in:using:)`, `shuffled(using:)` and the like.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    @usableFromInline var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    @inlinable
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    /// - Complexity: O(1), no allocation.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A number in `0..<bound`: the next value modulo `bound`.
    ///
    /// Cheaper than `Int.random(in:using:)` and slightly biased toward small numbers when `bound` is not a
    /// power of two (by at most `bound / 2⁶⁴`), which no workload can see.
    /// - Precondition: `bound` is positive.
    /// - Complexity: O(1), no allocation.
    @inlinable
    public mutating func next(below bound: Int) -> Int {
        precondition(bound > 0, "SplitMix64.next(below:) needs a positive bound")
        return Int(truncatingIfNeeded: next() % UInt64(bound))
    }

    /// A number in `0..<1` from the top 53 bits of the next value, so every result is a multiple of 2⁻⁵³.
    /// - Complexity: O(1), no allocation.
    @inlinable
    public mutating func nextUnitInterval() -> Double {
        Double(next() >> 11) * 0x1p-53
    }
}
