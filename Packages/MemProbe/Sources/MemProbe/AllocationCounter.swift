import CMemProbe
public import PerfResult

/// The process-wide allocation counter: malloc and friends, interposed and counted per thread.
///
/// Linking MemProbe into an executable (any target that depends on the `MemProbe` product) installs the
/// counter: its C target defines `malloc`, `calloc`, `realloc`, `free`, `posix_memalign`, `aligned_alloc`,
/// `memalign`, `valloc` and `pvalloc`, which count and forward to glibc. It therefore sees every
/// allocation of the process, the Swift runtime's (class instances, array buffers) and Foundation's
/// included. It does not hook `swift_allocObject`; instances are counted through the `malloc` they make.
///
/// ```swift
/// let before = AllocationCounter.currentThread()!
/// let objects = (0..<1000).map { _ in Node() }   // plus the array's own buffer
/// let window = AllocationCounter.currentThread()! - before
/// ```
///
/// Reads never allocate, so they may bracket a measured window. Counts of threads that have exited are
/// kept. Where malloc cannot be interposed (macOS, musl), something else replaced it (valgrind,
/// an `LD_PRELOAD` allocator) or a sanitizer build compiled the counter out, the reads return `nil` and
/// `availability` says why.
public enum AllocationCounter {
    /// Whether the counter sees this process's allocations, and why not.
    ///
    /// The first call runs a self-test (one `strdup` through libc); later calls are a load.
    public static var availability: ProbeAvailability {
        switch memprobe_counter_state() {
        case MEMPROBE_COUNTER_ACTIVE:
            return .available
        case MEMPROBE_COUNTER_BYPASSED:
            return .unavailable(
                reason: "malloc does not reach MemProbe's counter: something else replaced it in this process "
                    + "(valgrind, heaptrack or an LD_PRELOAD allocator); run without it to count allocations")
        case MEMPROBE_COUNTER_SANITIZER_BUILD:
            return .unavailable(
                reason: "this is an AddressSanitizer or ThreadSanitizer build: the sanitizer's allocator replaces "
                    + "malloc, so MemProbe's counter is compiled out; build without --sanitize to count allocations")
        default:
            return .unavailable(
                reason: "allocation counting needs malloc interposition with glibc on Linux; "
                    + "this platform does not allow it")
        }
    }

    /// Whether this is an AddressSanitizer or ThreadSanitizer build (`swift build --sanitize=address|thread`),
    /// in which the counter is compiled out: the sanitizer's allocator must own `malloc`. Tests that count
    /// allocations are skipped in such a build, and only there.
    public static var isCompiledOutForSanitizer: Bool {
        memprobe_counter_state() == MEMPROBE_COUNTER_SANITIZER_BUILD
    }

    /// Whether the counter sees this process's allocations (`availability == .available`).
    public static var isCounting: Bool {
        memprobe_counter_state() == MEMPROBE_COUNTER_ACTIVE
    }

    /// The counts of every thread of the process, live or exited, since it started; `nil` when the
    /// counter is not counting.
    ///
    /// Takes the registry lock briefly; does not allocate.
    /// - Complexity: O(*t*) for *t* live threads that have allocated.
    public static func allThreads() -> AllocationCounts? {
        guard isCounting else { return nil }
        return readAllThreads()
    }

    /// The counts of the calling thread since it started; `nil` when the counter is not counting.
    ///
    /// Takes no lock and does not allocate: use it for exact counts of single-threaded code while other
    /// threads allocate.
    /// - Complexity: O(1).
    public static func currentThread() -> AllocationCounts? {
        guard isCounting else { return nil }
        return readCurrentThread()
    }

    /// The number of live threads whose counters are registered (threads that have allocated).
    public static var registeredThreadCount: Int {
        Int(memprobe_registered_threads())
    }

    static func readAllThreads() -> AllocationCounts {
        var counts = memprobe_counts()
        memprobe_read_all_threads(&counts)
        return AllocationCounts(counts)
    }

    static func readCurrentThread() -> AllocationCounts {
        var counts = memprobe_counts()
        memprobe_read_current_thread(&counts)
        return AllocationCounts(counts)
    }
}

extension AllocationCounts {
    init(_ counts: memprobe_counts) {
        self.init(allocations: counts.allocations, frees: counts.frees, bytesAllocated: counts.bytes_allocated)
    }
}
