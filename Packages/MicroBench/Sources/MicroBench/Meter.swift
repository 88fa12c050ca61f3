import CMicroBench
import PerfResult

/// Brackets one measured window: probes started in order, CPU then wall clock read, the work, wall
/// then CPU clock read, probes stopped in reverse order.
///
/// The wall window is innermost, so neither the CPU-clock system call nor the probes are timed; the
/// probes see only the window and the clock reads, which do not allocate. When counting instructions
/// under callgrind, the window is instead callgrind's collection switched on around the work, and
/// nothing else.
final class Meter {
    private let wall: () -> UInt64
    private let threadCPU: (() -> UInt64)?
    /// The probes bracketing each window; empty during cold start and warmup.
    var probes: [any Probe] = []
    /// Wall time of the last window, in nanoseconds.
    private(set) var wallNanoseconds: UInt64 = 0
    /// Thread CPU time of the last window, in nanoseconds, when the CPU clock exists.
    private(set) var cpuNanoseconds: UInt64?
    /// Windows measured so far; `Batch` checks that its body measured exactly one.
    private(set) var windows = 0
    /// Whether the next windows toggle callgrind's collection instead of reading clocks and probes.
    var countsInstructions = false

    init(clocks: Clocks) {
        wall = clocks.wall
        threadCPU = clocks.threadCPU
    }

    /// Measures `body` as one window.
    func measure(_ body: () -> Void) {
        if countsInstructions {
            microbench_callgrind_toggle_collect()
            body()
            microbench_callgrind_toggle_collect()
            windows += 1
            return
        }
        for probe in probes { probe.start() }
        let cpuStart = threadCPU?()
        let start = wall()
        body()
        let end = wall()
        let cpuEnd = threadCPU?()
        // An index loop: iterating `probes.reversed()` allocates a coroutine frame per element in debug
        // builds, inside the window, where the allocation probe and the site recorder would see it.
        var index = probes.endIndex
        while index > probes.startIndex {
            index -= 1
            probes[index].stop()
        }
        wallNanoseconds = end >= start ? end - start : 0
        if let cpuStart, let cpuEnd {
            cpuNanoseconds = cpuEnd >= cpuStart ? cpuEnd - cpuStart : 0
        } else {
            cpuNanoseconds = nil
        }
        windows += 1
    }
}
