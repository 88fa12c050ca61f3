/// How much data one operation of a task processes, so the report can show a rate beside the time.
///
/// A task with a throughput gains a `throughput` column in the table (e.g. `1.52 GB/s`) and a metric
/// in the report: `bytesPerSec` for bytes, `elementsPerSec` for elements. Both are computed from the
/// median time per operation.
public enum Throughput: Sendable, Hashable {
    /// Each operation processes this many bytes.
    case bytes(Int)
    /// Each operation processes this many elements (items, records, requests, ...).
    case elements(Int)

    /// The amount per operation.
    public var perOperation: Int {
        switch self {
        case let .bytes(count), let .elements(count): return count
        }
    }

    /// The rate at `nsPerOp` nanoseconds per operation, in units per second.
    /// - Complexity: O(1).
    public func perSecond(atNanosecondsPerOperation nsPerOp: Double) -> Double {
        nsPerOp > 0 ? Double(perOperation) * 1e9 / nsPerOp : 0
    }
}
