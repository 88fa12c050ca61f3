import Synchronization

/// What one worker thread is told to do: immutable, computed once by the coordinator.
struct WorkerPlan: Sendable {
    var index: Int
    var workers: Int
    var address: UInt32
    var port: UInt16
    var requests: [[UInt8]]
    var headRequests: [Bool]
    /// This worker's connections: global connection *g* belongs to worker *g* mod `workers`.
    var connections: Int
    var pipelining: Int
    var model: LoadModel
    var schedule: LoadSchedule
    /// Measured requests this worker sends at most (count-stopped runs), or `nil`.
    var countShare: UInt64?
    var timeoutNs: UInt64
    var graceNs: UInt64
    var lateThresholdNs: UInt64
    /// Absolute `MonotonicClock` times.
    var startNs: UInt64
    var measureStartNs: UInt64
    var deadlineNs: UInt64
    var control: RunControl
    /// https: the client context shared by the run's threads, the name sent as SNI (none for an address) and
    /// the name or address the certificate must match (none with `--insecure`).
    var tls: TLSContext? = nil
    var serverName: String? = nil
    var verifyHost: String? = nil
    var tlsSettings = TLSSettings()
}

/// State shared by the coordinator and the workers of one run: the stop flag, the per-second series
/// and the workers' final tallies.
final class RunControl: Sendable {
    let stopRequested = Atomic<Bool>(false)
    let finishedWorkers = Atomic<Int>(0)
    let seconds: SecondAggregator
    private let outcomes: Mutex<[WorkerOutcome]>

    init(workers: Int, secondsKept: Int? = nil) {
        seconds = SecondAggregator(workers: workers, secondsKept: secondsKept)
        outcomes = Mutex([])
    }

    func report(_ outcome: WorkerOutcome) {
        outcomes.withLock { $0.append(outcome) }
        finishedWorkers.add(1, ordering: .releasing)
    }

    func collectedOutcomes() -> [WorkerOutcome] {
        outcomes.withLock { $0 }
    }
}

/// What one worker measured, handed to the coordinator at its end.
struct WorkerOutcome: Sendable {
    var tally = Tally()
    var statusCounts = [UInt64](repeating: 0, count: WorkerOutcome.statusSlots)
    var corrected = LatencyHistogram()
    var uncorrected = LatencyHistogram()
    var cpuNs: UInt64 = 0
    /// When the measured window ended for this worker (the deadline, a stop, or its last response).
    var measureEndNs: UInt64 = 0
    /// When the thread woke at the start time (`MonotonicClock`), 0 when it never ran.
    var startedNs: UInt64 = 0
    var failure: LoadGenError?
    var tls: TLSStatistics?

    /// Status codes 0...599 are counted one by one; anything else lands in slot 0.
    static let statusSlots = 600
}
