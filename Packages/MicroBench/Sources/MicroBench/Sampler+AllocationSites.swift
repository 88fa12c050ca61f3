import PerfResult

extension Sampler {
    /// The most operations a site window runs: each allocation in it unwinds a stack (microseconds), and the
    /// sites of a benchmark repeat per operation, so a thousand show them without a long wait.
    static let siteWindowOperations = 1_000

    /// With `siteRecording`: one untimed window of `min(batch, 1000)` operations with the recorder on, after
    /// the samples and the counting windows; `nil` without.
    ///
    /// The recorder brackets the meter's window exactly as a probe would (per-batch setup outside it is not
    /// recorded); it records the calling thread, the one that runs the batch.
    func recordSites(_ prepared: PreparedTask, _ meter: Meter, batch: Int) -> AllocationSiteWindow? {
        guard let siteRecording else { return nil }
        let operations = max(1, min(batch, Self.siteWindowOperations))
        if case let .unavailable(reason) = siteRecording.recorder.availability {
            return AllocationSiteWindow(operations: operations, recording: .failed(reason))
        }
        meter.probes = [SiteWindowProbe(siteRecording)]
        defer { meter.probes = [] }
        prepared.runBatch(operations, meter)
        return AllocationSiteWindow(operations: operations, recording: siteRecording.recorder.lastWindow())
    }
}

/// A site recorder in the shape the meter brackets windows with.
private final class SiteWindowProbe: Probe {
    let name = "allocation sites"
    let recording: SiteRecording

    init(_ recording: SiteRecording) {
        self.recording = recording
    }

    var availability: ProbeAvailability { recording.recorder.availability }
    var disturbsTiming: Bool { true }
    func start() { recording.recorder.start(frames: recording.frames) }
    func stop() { recording.recorder.stop() }
    func metrics(operations: Int) -> [Metric] { [] }
}
