import PerfSupport

/// The two clocks a measurement reads: wall time, and the CPU time of the measuring thread.
///
/// Each sample reads both around its window. A sample whose wall time is well above its CPU time was
/// preempted (or blocked) part of the time, and is left out of the statistics. Tests inject a fake
/// pair that advances only when the benchmark body says so, which makes batching and filtering
/// deterministic.
public struct Clocks {
    /// Monotonic wall time in nanoseconds, from an arbitrary origin.
    public var wall: () -> UInt64
    /// CPU time consumed by the calling thread in nanoseconds, or `nil` when the platform has no
    /// per-thread CPU clock; without it no sample is marked as preempted.
    public var threadCPU: (() -> UInt64)?

    /// Creates a pair of clocks; both must count nanoseconds.
    public init(wall: @escaping () -> UInt64, threadCPU: (() -> UInt64)?) {
        self.wall = wall
        self.threadCPU = threadCPU
    }

    /// PerfSupport's `MonotonicClock` and `CPUClock.thread()`.
    ///
    /// The wall clock is served from the vDSO (tens of nanoseconds); the thread CPU clock is a system
    /// call (a few hundred nanoseconds), which is why a sample reads it outside the wall-time window.
    public static var system: Clocks {
        Clocks(wall: { MonotonicClock.now() }, threadCPU: CPUClock.thread() == nil ? nil : { CPUClock.thread() ?? 0 })
    }
}
