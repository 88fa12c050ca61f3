public import PerfResult

/// The allocation counter as a PerfResult `Probe`: allocations and bytes per operation of a window.
///
/// Hand it to a harness that accepts probes (MicroBench); the harness calls `start()` and `stop()`
/// around each measured window and `metrics(operations:)` afterwards:
///
/// ```swift
/// let probe = AllocationProbe()
/// probe.start()
/// for _ in 0..<1000 { work() }
/// probe.stop()
/// probe.metrics(operations: 1000)   // [allocsPerOp, bytesPerOp]
/// ```
///
/// `start()` and `stop()` read the counters without allocating. When the counter is unavailable
/// (see `AllocationCounter.availability`) the probe reports no metrics rather than zeros.
public final class AllocationProbe: Probe {
    /// Which allocations a window counts.
    public enum Scope: Sendable, Hashable {
        /// Every thread's: right when the measured work runs on several threads (the default).
        case allThreads
        /// Only the thread that calls `start()` and `stop()`: exact while other threads allocate.
        case currentThread
    }

    /// `allocations`.
    public let name = "allocations"
    /// Which allocations a window counts.
    public let scope: Scope
    /// Whether the counter sees this process's allocations; fixed when the probe is created.
    public let availability: ProbeAvailability
    private let counting: Bool
    private var begin = AllocationCounts()
    private var end = AllocationCounts()

    /// Creates a probe counting the allocations of `scope`.
    public init(scope: Scope = .allThreads) {
        self.scope = scope
        self.availability = AllocationCounter.availability
        self.counting = availability == .available
    }

    /// Begins a window: reads the counters. Does not allocate.
    public func start() {
        guard counting else { return }
        begin = read()
        end = begin
    }

    /// Ends the window: reads the counters. Does not allocate.
    public func stop() {
        guard counting else { return }
        end = read()
    }

    /// The counts of the last window (zero before the first), or `nil` when the counter is unavailable.
    public var lastWindow: AllocationCounts? {
        counting ? end - begin : nil
    }

    /// `allocsPerOp` and `bytesPerOp` of the last window, divided by `operations`; empty when the counter
    /// is unavailable.
    ///
    /// - Precondition: `operations > 0`.
    public func metrics(operations: Int) -> [Metric] {
        precondition(operations > 0, "AllocationProbe.metrics(operations:) needs a positive operation count")
        guard let window = lastWindow else { return [] }
        return [
            .allocsPerOp(Double(window.allocations) / Double(operations)),
            .bytesPerOp(Double(window.bytesAllocated) / Double(operations)),
        ]
    }

    private func read() -> AllocationCounts {
        switch scope {
        case .allThreads: return AllocationCounter.readAllThreads()
        case .currentThread: return AllocationCounter.readCurrentThread()
        }
    }
}
