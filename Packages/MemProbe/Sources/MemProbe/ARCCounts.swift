/// Cumulative ARC counts of the Swift runtime's entry points, or the difference of two of them (a window).
///
/// Each is a number of calls on a non-null object: one atomic reference-count operation (or one object
/// allocation) each. `swift_retain_n` and `swift_release_n` count once per call, whatever their `n`.
public struct ARCCounts: Sendable, Hashable {
    /// Calls of `swift_retain`, `swift_retain_n` and `swift_tryRetain`.
    public var retains: UInt64
    /// Calls of `swift_release` and `swift_release_n`.
    public var releases: UInt64
    /// Calls of `swift_allocObject`: class instances, boxes, closure contexts, array and dictionary
    /// buffers.
    public var objectAllocations: UInt64

    /// Creates counts from their parts.
    public init(retains: UInt64 = 0, releases: UInt64 = 0, objectAllocations: UInt64 = 0) {
        self.retains = retains
        self.releases = releases
        self.objectAllocations = objectAllocations
    }

    /// The counts of the window between `start` and `end` (two cumulative reads, `start` first).
    public static func - (end: ARCCounts, start: ARCCounts) -> ARCCounts {
        ARCCounts(
            retains: end.retains &- start.retains, releases: end.releases &- start.releases,
            objectAllocations: end.objectAllocations &- start.objectAllocations)
    }
}
