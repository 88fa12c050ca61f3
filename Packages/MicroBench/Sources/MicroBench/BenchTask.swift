import PerfResult

/// One registered task, its forms erased: a name, and a way to prepare it for measuring.
struct BenchTask {
    /// How the measured loop is driven, which decides whether the harness floor applies.
    enum Form {
        /// The harness calls a closure once per operation (`bench`): one indirect call per operation.
        case closure
        /// The task drives its own loop inside `Batch.measure` (`benchBatch`).
        case batch
    }

    /// The full result name, e.g. `stringOps/concat[size=16]`.
    let name: String
    let parameters: [String: String]
    let throughput: Throughput?
    /// The bounds the task declares on its metrics, by key (its performance contract).
    let limits: [String: Limit]
    let form: Form
    /// Runs the task's setup and returns what measures it; called once per run of the task.
    let prepare: () -> PreparedTask
}

/// A task after its setup: runs one batch of a given size inside a meter's window, then tears down.
struct PreparedTask {
    /// Runs `iterations` operations; the implementation calls `meter.measure` exactly once.
    let runBatch: (_ iterations: Int, _ meter: Meter) -> Void
    /// Runs the task's teardown; called once, after the last batch.
    let finish: () -> Void
}

/// Storage for the state that setup produced, shared by the batches of one run of a task.
final class SetupState<Input> {
    var value: Input

    init(_ value: Input) {
        self.value = value
    }
}

/// The measured loops. They live in this module and call the body through a closure value, so the
/// optimizer never sees the body here and cannot hoist its work out of the loop; the price is one
/// indirect call per operation, which the runner measures as the harness floor.
enum MeasuredLoop {
    @inline(never)
    static func run(_ body: () -> Void, times iterations: Int) {
        for _ in 0..<iterations { body() }
    }

    @inline(never)
    static func run<Input>(_ body: (inout Input) -> Void, on input: inout Input, times iterations: Int) {
        for _ in 0..<iterations { body(&input) }
    }
}
