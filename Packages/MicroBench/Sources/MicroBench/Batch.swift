/// One batch of an explicit-iterations task: its size, and the call that marks the timed window.
///
/// A `benchBatch` body receives a `Batch`, prepares whatever the batch needs (untimed), then runs
/// exactly `iterations` operations inside `measure`:
///
/// ```swift
/// suite.benchBatch("sort") { batch in
///     var arrays = (0..<batch.iterations).map { _ in (0..<64).shuffled() }   // untimed
///     batch.measure { for i in arrays.indices { arrays[i].sort() } }          // timed
///     blackHole(arrays)
/// }
/// ```
///
/// Calling `measure` zero times or more than once in one body is a programmer error and traps.
public struct Batch {
    /// How many operations the body must run inside `measure`.
    public let iterations: Int
    private let meter: Meter

    init(iterations: Int, meter: Meter) {
        self.iterations = iterations
        self.meter = meter
    }

    /// Runs `body` as the timed window of this batch; call it exactly once.
    /// - Complexity: O(1) beyond `body`: two clock reads and the probes' start and stop.
    public func measure(_ body: () -> Void) {
        meter.measure(body)
    }
}
