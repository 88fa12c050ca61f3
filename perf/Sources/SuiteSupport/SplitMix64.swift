/// A small seeded generator (SplitMix64), so that every run of a workload sees the same sequence.
///
/// Inlinable: the suites draw from it inside measured loops, from another module.
public struct SplitMix64: Sendable {
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

    /// A number in `0..<bound`.
    /// - Precondition: `bound` is positive.
    /// - Complexity: O(1), no allocation.
    @inlinable
    public mutating func next(below bound: Int) -> Int {
        precondition(bound > 0, "SplitMix64.next(below:) needs a positive bound")
        return Int(truncatingIfNeeded: next() % UInt64(bound))
    }
}
