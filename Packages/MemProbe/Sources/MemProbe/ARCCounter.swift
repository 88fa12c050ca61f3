import CMemProbe
public import PerfResult

/// Counts the Swift runtime's retains, releases and object allocations through the runtime's own hook
/// points, per thread, only while a window is open.
///
/// The runtime calls `swift_retain`, `swift_release`, `swift_retain_n`, `swift_release_n`,
/// `swift_tryRetain` and `swift_allocObject` through exported function pointers when its swizzling flag
/// (`_swift_enableSwizzlingOfAllocationAndRefCountingFunctions_forInstrumentsOnly`) is set. Opening the
/// first window installs MemProbe's counting hooks there and sets the flag; closing the last one clears
/// the flag and restores the runtime's functions, so outside windows ARC costs what it always does.
/// (Swift 6.3 on Linux routes a swizzled retain through an adapter that faults on tagged values; MemProbe
/// replaces that adapter, found in the runtime's symbol table, and refuses to count where it cannot.)
/// Inside a window every retain costs a few nanoseconds more: count in a pass of its own, not around a
/// timed one (`ARCProbe.disturbsTiming` tells MicroBench so).
///
/// ```swift
/// ARCCounter.begin()
/// let before = ARCCounter.currentThread()!
/// let copy = objects.map { $0 }          // one retain per element
/// let window = ARCCounter.currentThread()! - before
/// ARCCounter.end()
/// ```
///
/// Threads other than the reader do not pollute `currentThread()`; `allThreads()` sums every thread's
/// calls made while an all-threads window (`begin(allThreads: true)`) was open. Installing and removing
/// are safe while other threads are inside a hook: hooks forward to the runtime's functions, saved before
/// `main` and never changed.
public enum ARCCounter {
    /// Whether the runtime's hook points exist in this process, and why not.
    ///
    /// The first call reads the runtime's symbol table from disk (a few milliseconds); later calls are a load.
    public static var availability: ProbeAvailability {
        switch memprobe_arc_state() {
        case MEMPROBE_ARC_AVAILABLE:
            return .available
        case MEMPROBE_ARC_DISPATCH_UNKNOWN:
            return .unavailable(
                reason: "the Swift runtime's file has no symbol table (stripped), so how it dispatches "
                    + "swift_retain cannot be verified and hooking it could crash (Swift 6.3's retain adapter, "
                    + "swiftlang/swift#88924); ARC traffic is not counted")
        case MEMPROBE_ARC_PLATFORM_UNVERIFIED:
            return .unavailable(
                reason: "ARC counting is verified on Linux only: how this platform's runtime dispatches "
                    + "swift_retain through its hook points has not been checked, so nothing is hooked")
        default:
            return .unavailable(
                reason: "the Swift runtime of this process has no retain/release hook points "
                    + "(_swift_retain and the swizzling flag); ARC traffic cannot be counted")
        }
    }

    /// Opens a window: installs the hooks if none is open. With `allThreads`, every thread's calls also
    /// count into `allThreads()` until the matching `end(allThreads: true)`. Does not allocate.
    /// - Returns: `false` when the hook points are unavailable (nothing will be counted).
    @discardableResult
    public static func begin(allThreads: Bool = false) -> Bool {
        memprobe_arc_begin(allThreads ? 1 : 0) == 0
    }

    /// Closes a window opened by `begin(allThreads:)` with the same argument; the last one removes the
    /// hooks. Does not allocate.
    public static func end(allThreads: Bool = false) {
        memprobe_arc_end(allThreads ? 1 : 0)
    }

    /// For cost measurements: installs forwarders in the hooks' places — the same swizzled path through the
    /// runtime, counting nothing — so that what the dispatch costs can be told from what counting adds.
    /// While they are installed `begin(allThreads:)` returns `false`. Does not allocate.
    /// - Returns: `false` when the hook points are unavailable or a window is open.
    @discardableResult
    public static func beginForwardingOnly() -> Bool {
        memprobe_arc_begin_forwarding() == 0
    }

    /// Removes the forwarders of `beginForwardingOnly()`.
    public static func endForwardingOnly() {
        memprobe_arc_end_forwarding()
    }

    /// Whether the forwarders of `beginForwardingOnly()` are what the runtime calls now; for tests.
    public static var forwardersInstalled: Bool { memprobe_arc_forwarders_installed() != 0 }

    /// The calling thread's counts since it started (calls made while a window was open); `nil` when the
    /// hook points are unavailable. Takes no lock and does not allocate.
    public static func currentThread() -> ARCCounts? {
        guard memprobe_arc_state() == MEMPROBE_ARC_AVAILABLE else { return nil }
        return readCurrentThread()
    }

    /// Every thread's counts made while an all-threads window was open; `nil` when the hook points are
    /// unavailable. Does not allocate.
    public static func allThreads() -> ARCCounts? {
        guard memprobe_arc_state() == MEMPROBE_ARC_AVAILABLE else { return nil }
        return readAllThreads()
    }

    /// How many windows are open now (0: the hooks are not installed).
    public static var openWindows: Int {
        Int(memprobe_arc_open_windows())
    }

    static func readCurrentThread() -> ARCCounts {
        var counts = memprobe_arc_counts()
        memprobe_arc_read_current_thread(&counts)
        return ARCCounts(counts)
    }

    static func readAllThreads() -> ARCCounts {
        var counts = memprobe_arc_counts()
        memprobe_arc_read_all_threads(&counts)
        return ARCCounts(counts)
    }
}

extension ARCCounts {
    init(_ counts: memprobe_arc_counts) {
        self.init(
            retains: counts.retains, releases: counts.releases, objectAllocations: counts.object_allocations)
    }
}
