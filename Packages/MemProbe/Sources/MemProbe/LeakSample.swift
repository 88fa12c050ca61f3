/// A memory sample taken after a number of iterations of a leak check's workload.
public struct LeakSample: Sendable, Hashable {
    /// Iterations completed when the sample was taken (the x of the fit).
    public var iteration: Int
    /// The memory at that point.
    public var memory: MemorySample

    /// Creates a sample (leak checks make them; tests and callers that sample another process do too).
    public init(iteration: Int, memory: MemorySample) {
        self.iteration = iteration
        self.memory = memory
    }
}
