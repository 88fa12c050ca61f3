/// Records where a window's allocations come from, for a harness that cannot import the recorder.
///
/// MicroBench accepts one (`MicroBench.main(_:probes:allocationSites:)`) without knowing who provides it;
/// MemProbe's `AllocationSiteProbe` is one. With `--allocation-sites N` the harness brackets one untimed
/// window per task, after the timed samples, and prints the top sites under the task's row:
///
/// ```swift
/// recorder.start(frames: 6)
/// runBatch(operations)                 // the recorded window, never timed
/// recorder.stop()
/// let recording = recorder.lastWindow()  // symbolicated and demangled; may start a process
/// ```
///
/// Recording is per thread: the window records the allocations of the thread that calls `start(frames:)`
/// and `stop()`. It is slow (a stack unwind per allocation), which is why it never brackets a timed window.
public protocol AllocationSiteRecorder: AnyObject {
    /// Whether sites can be recorded in this process; when unavailable, `reason` says why (for the report).
    var availability: ProbeAvailability { get }
    /// Begins recording the calling thread's allocations, keeping `frames` frames per site (1...16).
    /// Call it just before the work: it prepares its table here, not during the work.
    func start(frames: Int)
    /// Ends the window begun by the last `start(frames:)`, on the same thread. Does not allocate.
    func stop()
    /// The sites of the last window, most allocations first, with their frames named and demangled.
    /// May allocate, read files and run the demangler: call it after the window.
    func lastWindow() -> AllocationSiteRecording
}
