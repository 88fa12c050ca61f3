public import PerfResult

/// The ARC counter as a PerfResult `Probe`: the Swift runtime's retains, releases and object allocations
/// per operation of a window.
///
/// The hooks are installed at `start()` and removed at `stop()`, and they make every retain slower, so
/// the probe says `disturbsTiming`: MicroBench counts with it in windows of their own, after the timed
/// ones. Hand it to MicroBench beside the allocation probe:
///
/// ```swift
/// MicroBench.main([suite], probes: [AllocationProbe(), ARCProbe()])
/// // table columns retains/op, releases/op, objects/op; metrics retainsPerOp, releasesPerOp, objectAllocsPerOp
/// ```
///
/// The default scope counts only the thread that calls `start()` and `stop()`, exactly, whatever other
/// threads do; `.allThreads` counts every thread's calls made during the window. When the runtime's hook
/// points cannot be used (see `ARCCounter.availability`) the probe reports no metrics rather than zeros.
public final class ARCProbe: Probe {
    /// Whose calls a window counts.
    public enum Scope: Sendable, Hashable {
        /// Only the thread that calls `start()` and `stop()` (the default): exact while other threads run.
        case currentThread
        /// Every thread's: right when the measured work runs on several threads.
        case allThreads
    }

    /// `arc`.
    public let name = "arc"
    /// Whose calls a window counts.
    public let scope: Scope
    /// Whether the runtime's hook points can be used; fixed when the probe is created.
    public let availability: ProbeAvailability
    /// `true`: every retain and release runs through a counting hook while a window is open.
    public var disturbsTiming: Bool { true }
    private let counting: Bool
    private var begin = ARCCounts()
    private var end = ARCCounts()

    /// Creates a probe counting the calls of `scope`.
    public init(scope: Scope = .currentThread) {
        self.scope = scope
        self.availability = ARCCounter.availability
        self.counting = availability == .available
    }

    /// Begins a window: installs the hooks and reads the counters. Does not allocate.
    public func start() {
        guard counting else { return }
        ARCCounter.begin(allThreads: scope == .allThreads)
        begin = read()
        end = begin
    }

    /// Ends the window: reads the counters and removes the hooks. Does not allocate.
    public func stop() {
        guard counting else { return }
        end = read()
        ARCCounter.end(allThreads: scope == .allThreads)
    }

    /// The counts of the last window (zero before the first), or `nil` when the hook points are unusable.
    public var lastWindow: ARCCounts? {
        counting ? end - begin : nil
    }

    /// `retainsPerOp`, `releasesPerOp` and `objectAllocsPerOp` of the last window, divided by `operations`;
    /// empty when the hook points are unusable.
    ///
    /// - Precondition: `operations > 0`.
    public func metrics(operations: Int) -> [Metric] {
        precondition(operations > 0, "ARCProbe.metrics(operations:) needs a positive operation count")
        guard let window = lastWindow else { return [] }
        let count = Double(operations)
        return [
            .retainsPerOp(Double(window.retains) / count),
            .releasesPerOp(Double(window.releases) / count),
            .objectAllocsPerOp(Double(window.objectAllocations) / count),
        ]
    }

    private func read() -> ARCCounts {
        switch scope {
        case .currentThread: return ARCCounter.readCurrentThread()
        case .allThreads: return ARCCounter.readAllThreads()
        }
    }
}
