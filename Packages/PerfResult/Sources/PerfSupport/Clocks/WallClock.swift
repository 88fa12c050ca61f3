#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The calendar time (`CLOCK_REALTIME`), to line up events of several processes or machines.
///
/// It jumps when the system time is set: never measure a duration with it (use `MonotonicClock`).
public enum WallClock {
    /// Nanoseconds since the Unix epoch (1970-01-01T00:00:00Z); negative before it.
    /// - Complexity: O(1), no allocation.
    public static func nanosecondsSinceEpoch() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
    }
}
