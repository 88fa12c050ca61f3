public import PerfResult

/// The allocation sites of one task (`--allocation-sites N`): one untimed window of `operations`
/// operations, recorded after the timed samples.
public struct AllocationSiteWindow: Sendable, Hashable {
    /// The operations the window ran; a site's per-operation figures divide by it.
    public var operations: Int
    /// The sites, most allocations first, or why there are none.
    public var recording: AllocationSiteRecording

    public init(operations: Int, recording: AllocationSiteRecording) {
        self.operations = operations
        self.recording = recording
    }
}

/// What the sampler needs to record a task's allocation sites.
struct SiteRecording {
    /// The recorder the executable gave (`MicroBench.main(_:probes:allocationSites:)`).
    var recorder: any AllocationSiteRecorder
    /// Frames kept per site.
    var frames: Int
}
