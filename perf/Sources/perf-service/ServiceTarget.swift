import PerfResult
import PerfSupport

/// One of the runtime strategy's concurrency targets: a bound on one metric of one result, shown in the table
/// with pass or fail and written into the report as the result's `limits` (which perf-check applies whatever the
/// baseline).
struct ServiceTarget: Equatable {
    /// The metric the target bounds.
    var key: String
    /// The bound: `.atMost` for a latency, `.atLeast` for a throughput.
    var limit: Limit
    /// What the target is, as the strategy states it.
    var statement: String

    /// 100 concurrent requests through the pipeline: p95 under 50 ms.
    static let concurrentP95 = ServiceTarget(
        key: "latencyP95Ms", limit: .atMost(50), statement: "100 concurrent requests: p95 < 50 ms")
    /// The topic store as a queue: more than 10,000 published messages per second.
    static let queueRate = ServiceTarget(
        key: "messagesPerSec", limit: .atLeast(10_000), statement: "queue: > 10k messages/s")

    /// Whether `value` meets the target.
    func met(by value: Double) -> Bool {
        limit.admits(value) ?? false
    }

    /// The target as the table shows it: `≤ 50 ms`, `≥ 10,000 msg/s`.
    var text: String {
        switch limit {
        case .atMost(let bound): "≤ \(NumberText.significant(bound)) ms"
        case .atLeast(let bound): "≥ \(NumberText.grouped(Int(bound))) msg/s"
        default: limit.summary
        }
    }
}
