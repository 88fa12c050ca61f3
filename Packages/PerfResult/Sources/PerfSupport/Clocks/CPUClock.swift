#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU time consumed so far, in nanoseconds: by the calling thread or by the whole process.
///
/// A reading is a system call on Linux (a few hundred nanoseconds, not served by the vDSO), so read it
/// outside the window being timed. Both return `nil` where the platform has no such clock.
public enum CPUClock {
    /// CPU time of the calling thread (`CLOCK_THREAD_CPUTIME_ID`), or `nil` without a per-thread clock.
    /// - Complexity: O(1), no allocation.
    public static func thread() -> UInt64? {
        read(CLOCK_THREAD_CPUTIME_ID)
    }

    /// CPU time of every thread of the process together (`CLOCK_PROCESS_CPUTIME_ID`), or `nil` without one.
    /// - Complexity: O(1), no allocation.
    public static func process() -> UInt64? {
        read(CLOCK_PROCESS_CPUTIME_ID)
    }

    private static func read(_ clock: clockid_t) -> UInt64? {
        var time = timespec()
        guard clock_gettime(clock, &time) == 0 else { return nil }
        return UInt64(truncatingIfNeeded: time.tv_sec) &* 1_000_000_000 &+ UInt64(truncatingIfNeeded: time.tv_nsec)
    }
}
