/// Extra counters measured around a window of work, supplied by whoever can provide them.
///
/// Measuring code (MicroBench, a leak check) accepts probes without knowing who provides them;
/// MemProbe's allocation counter is one. A harness brackets each measured window like this:
///
/// ```swift
/// for probe in probes { probe.start() }
/// runBatch(operations)                 // the measured window
/// for probe in probes.reversed() { probe.stop() }
/// let metrics = probes.flatMap { $0.metrics(operations: operations) }
/// ```
///
/// `start()` and `stop()` run at the edges of the window, so they must be cheap, must not allocate
/// and must not do I/O: anything they do is measured by the other probes. `metrics(operations:)` runs
/// after every probe has stopped and may allocate.
///
/// A probe whose counting slows the work it counts (hooks on every retain, say) sets `disturbsTiming`;
/// a harness then counts with it in windows of their own, after the timed ones, and never times those.
public protocol Probe: AnyObject {
    /// A short, stable name for messages, e.g. `allocations`.
    var name: String { get }
    /// Whether this probe measures anything in this process; an unavailable probe reports no metrics.
    var availability: ProbeAvailability { get }
    /// Begins a window. Must not allocate.
    func start()
    /// Ends the window begun by the last `start()`. Must not allocate.
    func stop()
    /// The metrics of the last window, each divided by `operations` where it is a per-operation figure
    /// (e.g. `allocsPerOp`). Empty when the probe is unavailable.
    func metrics(operations: Int) -> [Metric]
    /// Whether the window's work runs slower while this probe counts, so that it must not bracket a timed
    /// window. `false` unless a probe says otherwise.
    var disturbsTiming: Bool { get }
}

extension Probe {
    /// `false`: counting costs nothing the work would notice (reads at the window's edges).
    public var disturbsTiming: Bool { false }
}

/// Whether a probe can measure in this process, and why not.
public enum ProbeAvailability: Sendable, Hashable {
    /// The probe measures.
    case available
    /// The probe cannot measure here; `reason` says why and what would enable it (for tables and logs).
    case unavailable(reason: String)
}
