/// One timed window of a task: a batch of operations, its wall time and its thread CPU time.
public struct Sample: Sendable, Hashable {
    /// Operations in the window (the batch size).
    public let iterations: Int
    /// Wall time of the window in nanoseconds.
    public let wallNanoseconds: UInt64
    /// CPU time the measuring thread used in the window, in nanoseconds; `nil` without a CPU clock.
    public let cpuNanoseconds: UInt64?
    /// Whether the thread was off the CPU for a large share of the window (preempted by the OS, or
    /// blocked); such samples are left out of the statistics.
    public let isPreempted: Bool

    /// Creates a sample, marking it preempted when `(wall − cpu) / wall > preemptionThreshold`.
    public init(iterations: Int, wallNanoseconds: UInt64, cpuNanoseconds: UInt64?, preemptionThreshold: Double) {
        precondition(iterations > 0, "a sample has at least one operation")
        self.iterations = iterations
        self.wallNanoseconds = wallNanoseconds
        self.cpuNanoseconds = cpuNanoseconds
        if let cpuNanoseconds, wallNanoseconds > cpuNanoseconds {
            isPreempted = Double(wallNanoseconds - cpuNanoseconds) > preemptionThreshold * Double(wallNanoseconds)
        } else {
            isPreempted = false
        }
    }

    /// Wall time per operation, in nanoseconds.
    public var nanosecondsPerOperation: Double {
        Double(wallNanoseconds) / Double(iterations)
    }
}
