/// Cumulative allocation counts, or the difference of two of them (a window).
///
/// `realloc` of a non-null pointer counts as one free and one allocation, as valgrind counts it;
/// `bytesAllocated` sums the sizes requested, not the sizes malloc rounded them up to.
public struct AllocationCounts: Sendable, Hashable {
    /// Successful allocations (malloc, calloc, realloc, posix_memalign, aligned_alloc, memalign, valloc,
    /// pvalloc).
    public var allocations: UInt64
    /// Frees of non-null pointers (including the old block of a moving realloc).
    public var frees: UInt64
    /// Bytes requested by the allocations.
    public var bytesAllocated: UInt64

    /// Creates counts from their parts.
    public init(allocations: UInt64 = 0, frees: UInt64 = 0, bytesAllocated: UInt64 = 0) {
        self.allocations = allocations
        self.frees = frees
        self.bytesAllocated = bytesAllocated
    }

    /// Allocations not yet freed: `allocations − frees`. In a window it may be negative (more blocks
    /// freed than allocated).
    public var live: Int64 {
        Int64(bitPattern: allocations &- frees)
    }

    /// The counts of the window between `start` and `end` (two cumulative reads, `start` first).
    public static func - (end: AllocationCounts, start: AllocationCounts) -> AllocationCounts {
        AllocationCounts(
            allocations: end.allocations &- start.allocations, frees: end.frees &- start.frees,
            bytesAllocated: end.bytesAllocated &- start.bytesAllocated)
    }
}
