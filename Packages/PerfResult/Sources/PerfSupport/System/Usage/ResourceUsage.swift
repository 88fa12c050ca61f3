#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The kernel's resource counters of this process or of the calling thread (`getrusage`): CPU time in user and
/// system mode, page faults, context switches and the peak resident set size.
///
/// A reading is one system call and allocates nothing, so two readings may bracket a measured window:
///
/// ```swift
/// let before = ResourceUsage.read(.allThreads)!
/// work()
/// let window = ResourceUsage.read(.allThreads)! - before
/// print(window.voluntaryContextSwitches, window.minorPageFaults)
/// ```
///
/// Resolution: the kernel keeps the CPU times in nanoseconds but `getrusage` reports microseconds, and Linux
/// splits a thread's runtime between user and system mode by sampling at the scheduler tick, so a window much
/// shorter than a tick (1–10 ms) sees the split only on average. The counts are exact.
public struct ResourceUsage: Sendable, Hashable {
    /// CPU time in user mode, in nanoseconds (microsecond resolution).
    public var userNanoseconds: UInt64
    /// CPU time in the kernel on this process's behalf, in nanoseconds (microsecond resolution).
    public var systemNanoseconds: UInt64
    /// Page faults served without I/O (`ru_minflt`): first touches of fresh pages, copy-on-write.
    public var minorPageFaults: UInt64
    /// Page faults that needed I/O (`ru_majflt`): a page read from a file or swap.
    public var majorPageFaults: UInt64
    /// Context switches because the thread gave up the CPU (`ru_nvcsw`): sleeping, waiting, blocking I/O.
    public var voluntaryContextSwitches: UInt64
    /// Context switches because the scheduler took the CPU away (`ru_nivcsw`): time slice over, preemption.
    public var involuntaryContextSwitches: UInt64
    /// The peak resident set size in bytes (`ru_maxrss`): of the process with `.allThreads`; with
    /// `.currentThread` Linux reports the process's too. A high-water mark since the process started, not a
    /// count: a difference of two readings means nothing, so `-` keeps the later reading's.
    public var peakResidentBytes: UInt64

    /// A reading from its fields.
    public init(
        userNanoseconds: UInt64 = 0, systemNanoseconds: UInt64 = 0, minorPageFaults: UInt64 = 0,
        majorPageFaults: UInt64 = 0, voluntaryContextSwitches: UInt64 = 0, involuntaryContextSwitches: UInt64 = 0,
        peakResidentBytes: UInt64 = 0
    ) {
        self.userNanoseconds = userNanoseconds
        self.systemNanoseconds = systemNanoseconds
        self.minorPageFaults = minorPageFaults
        self.majorPageFaults = majorPageFaults
        self.voluntaryContextSwitches = voluntaryContextSwitches
        self.involuntaryContextSwitches = involuntaryContextSwitches
        self.peakResidentBytes = peakResidentBytes
    }

    /// Whether `scope` can be read here: `.currentThread` needs Linux's `RUSAGE_THREAD`.
    public static func isSupported(_ scope: UsageScope) -> Bool {
        #if os(Linux)
        return true
        #else
        return scope == .allThreads
        #endif
    }

    /// The counters of `scope` now, or `nil` when the scope is not supported here or `getrusage` fails.
    /// - Complexity: O(1): one system call, no allocation.
    public static func read(_ scope: UsageScope) -> ResourceUsage? {
        var usage = rusage()
        #if os(Linux)
        // RUSAGE_SELF is 0, RUSAGE_THREAD 1; the latter is declared only under _GNU_SOURCE, which Swift's Glibc
        // module does not define.
        let who: Int32 = scope == .allThreads ? 0 : 1
        guard getrusage(__rusage_who_t(who), &usage) == 0 else { return nil }
        #else
        guard scope == .allThreads, getrusage(RUSAGE_SELF, &usage) == 0 else { return nil }
        #endif
        #if os(Linux)
        let peakBytes = UInt64(max(0, usage.ru_maxrss)) &* 1024 // kilobytes on Linux
        #else
        let peakBytes = UInt64(max(0, usage.ru_maxrss)) // bytes on Darwin
        #endif
        return ResourceUsage(
            userNanoseconds: nanoseconds(usage.ru_utime), systemNanoseconds: nanoseconds(usage.ru_stime),
            minorPageFaults: UInt64(max(0, usage.ru_minflt)), majorPageFaults: UInt64(max(0, usage.ru_majflt)),
            voluntaryContextSwitches: UInt64(max(0, usage.ru_nvcsw)),
            involuntaryContextSwitches: UInt64(max(0, usage.ru_nivcsw)), peakResidentBytes: peakBytes)
    }

    /// The counts of the window between `start` and `end` (each counter's difference, clamped at zero); the peak
    /// resident size is `end`'s, since a high-water mark does not subtract.
    public static func - (end: ResourceUsage, start: ResourceUsage) -> ResourceUsage {
        ResourceUsage(
            userNanoseconds: end.userNanoseconds.subtractingClamped(start.userNanoseconds),
            systemNanoseconds: end.systemNanoseconds.subtractingClamped(start.systemNanoseconds),
            minorPageFaults: end.minorPageFaults.subtractingClamped(start.minorPageFaults),
            majorPageFaults: end.majorPageFaults.subtractingClamped(start.majorPageFaults),
            voluntaryContextSwitches: end.voluntaryContextSwitches.subtractingClamped(start.voluntaryContextSwitches),
            involuntaryContextSwitches: end.involuntaryContextSwitches.subtractingClamped(
                start.involuntaryContextSwitches),
            peakResidentBytes: end.peakResidentBytes)
    }

    private static func nanoseconds(_ time: timeval) -> UInt64 {
        UInt64(max(0, time.tv_sec)) &* 1_000_000_000 &+ UInt64(max(0, time.tv_usec)) &* 1_000
    }
}

extension UInt64 {
    /// `self − other`, or 0 when `other` is larger.
    func subtractingClamped(_ other: UInt64) -> UInt64 {
        self >= other ? self - other : 0
    }
}
