import PerfResult
import PerfSupport

/// One line of `perf-verify`'s table: a figure of ours beside an independent reference's, and the verdict.
struct VerifyRow: Sendable, Equatable {
    /// Pass, fail, or not run here (a tool missing, not root), with why.
    enum Verdict: String, Sendable, Equatable {
        case pass, fail, skip
    }

    /// The result name in `verify.json`: `memprobe/heapTotals[figure=allocs]`.
    var name: String
    /// Our figure; `nil` when the row did not run.
    var ours: Double?
    /// The reference's figure; `nil` when the row did not run or the reference is a bound, not a figure.
    var reference: Double?
    /// The unit both are in.
    var unit: Metric.Unit
    /// What must hold, in words: `identical`, `≥ 0.9 × wrk`.
    var bar: String
    /// Pass, fail or skip.
    var verdict: Verdict
    /// What the reader needs beside the numbers: the reference's name, why a row was skipped.
    var note: String

    /// A row that passes when `holds(ours, reference)`.
    static func judged(
        _ name: String, ours: Double, reference: Double?, unit: Metric.Unit, bar: String, note: String,
        holds: Bool
    ) -> VerifyRow {
        VerifyRow(
            name: name, ours: ours, reference: reference, unit: unit, bar: bar, verdict: holds ? .pass : .fail,
            note: note)
    }

    /// A row that did not run here, saying why.
    static func skipped(_ name: String, bar: String, why: String) -> VerifyRow {
        VerifyRow(name: name, ours: nil, reference: nil, unit: .count, bar: bar, verdict: .skip, note: why)
    }

    /// A row that could not be measured because something failed, saying what.
    static func failed(_ name: String, bar: String, why: String) -> VerifyRow {
        VerifyRow(name: name, ours: nil, reference: nil, unit: .count, bar: bar, verdict: .fail, note: why)
    }
}

/// A task's result name with a `check=` parameter added: `harness/fnv1a[bytes=48]` becomes
/// `harness/fnv1a[bytes=48,check=callgrindRepeat]`, so a row names the task it checked.
func named(_ task: String, check: String) -> String {
    task.hasSuffix("]") ? "\(task.dropLast()),check=\(check)]" : "\(task)[check=\(check)]"
}
