public import CPerfSupport

/// Nanoseconds of `CLOCK_MONOTONIC`: unaffected by wall-clock changes, comparable across threads, from an
/// arbitrary origin (the boot, on Linux).
///
/// The clock of measured loops and deadlines. On Linux it is served by the vDSO (no system call, tens of
/// nanoseconds) and allocates nothing. Inlinable, so that a caller in another module (LoadGen's request loop)
/// pays no call into this one. Durations between two readings do not include time the machine was suspended.
public enum MonotonicClock {
    /// The current time in nanoseconds.
    /// - Complexity: O(1), no allocation.
    @inlinable @inline(__always)
    public static func now() -> UInt64 {
        perfsupport_monotonic_nanoseconds()
    }
}
