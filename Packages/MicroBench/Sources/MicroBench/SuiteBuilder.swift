public import PerfResult

/// Registers the tasks of a suite; the `suite` parameter of `Suite`'s closure.
///
/// Four forms, from simplest to most control:
///
/// - `bench(_:_:)`: a closure the harness calls once per operation.
/// - `bench(_:setup:body:teardown:)`: state built once before timing and torn down after it.
/// - `bench(_:sweeping:over:setup:body:)`: the same for each value of a parameter, one result per
///   value, named `group/case[size=16]`.
/// - `benchBatch(_:_:)`: the body runs its own loop of `batch.iterations` operations inside
///   `batch.measure`, with untimed per-batch setup before it.
///
/// The closure forms call the body through a function pointer, about 1.5 ns per operation on the
/// project's x86-64 machine; the runner measures this harness floor and marks results that do not
/// rise above it. In exchange the optimizer never sees the body from the loop, so it cannot hoist
/// the body's work out of it. Task
/// names follow result-name rules (no whitespace, `[`, `]`, `=`, `,`, quotes or backslashes) and are
/// unique within a suite; breaking either rule is a programmer error and traps.
///
/// Every form takes `limits`: the task's performance contract, bounds on its own metrics by key that the
/// gate (`perf-check`) applies on top of the thresholds file, e.g.
/// `limits: ["allocsPerOp": .exactly(0), "retainsPerOp": .atMost(2), "nsPerOp": .relative(percent: 5)]`
/// (see PerfResult's `Limit`). A key that is not a valid metric key, or an unusable bound, traps.
public final class SuiteBuilder {
    /// The name of the suite being built, the group segment of every result name.
    public let suiteName: String
    private(set) var tasks: [BenchTask] = []
    private var names: Set<String> = []

    init(suiteName: String) {
        self.suiteName = suiteName
    }

    /// Registers a task that calls `body` once per operation.
    ///
    /// - Parameters:
    ///   - name: The case name; the result is `suite/name`.
    ///   - parameters: Extra identity for the result, e.g. `["size": "16"]`, which becomes a
    ///     `[size=16]` suffix.
    ///   - throughput: What one operation processes, for a bytes or elements per second figure.
    ///   - body: One operation. Pass its result to `blackHole(_:)`.
    public func bench(
        _ name: String, parameters: [String: String] = [:], throughput: Throughput? = nil,
        limits: [String: Limit] = [:], _ body: @escaping () -> Void
    ) {
        register(name, parameters: parameters, throughput: throughput, limits: limits, form: .closure) { _ in
            PreparedTask(
                runBatch: { iterations, meter in meter.measure { MeasuredLoop.run(body, times: iterations) } },
                finish: {})
        }
    }

    /// Registers a task whose state is built by `setup` before timing and released by `teardown`
    /// after it; `body` is called once per operation with that state.
    ///
    /// `setup` and `teardown` run once per run of the task, outside every timed window. The state is
    /// passed `inout`, so a body may mutate it without copying (a pool, a buffer, a cursor).
    public func bench<Input>(
        _ name: String, parameters: [String: String] = [:], throughput: Throughput? = nil,
        limits: [String: Limit] = [:], setup: @escaping () -> Input, body: @escaping (inout Input) -> Void,
        teardown: @escaping (inout Input) -> Void = { _ in }
    ) {
        register(name, parameters: parameters, throughput: throughput, limits: limits, form: .closure) { _ in
            let state = SetupState(setup())
            return PreparedTask(
                runBatch: { iterations, meter in
                    meter.measure { MeasuredLoop.run(body, on: &state.value, times: iterations) }
                },
                finish: { teardown(&state.value) })
        }
    }

    /// Registers one task per value of a parameter: a sweep, e.g. sizes 16, 256 and 4096.
    ///
    /// Each value gives its own result, named `suite/name[key=value]`. `setup` builds the state for
    /// one value, outside the timing; `throughput`, when given, says what one operation processes
    /// at that value.
    ///
    /// ```swift
    /// suite.bench("utf8Scan", sweeping: "size", over: [16, 256, 4096], throughput: { .bytes($0) }) { size in
    ///     String(repeating: "é", count: size / 2)
    /// } body: { text in blackHole(text.unicodeScalars.count) }
    /// ```
    public func bench<Value: CustomStringConvertible, Input>(
        _ name: String, sweeping key: String, over values: [Value], throughput: ((Value) -> Throughput)? = nil,
        limits: [String: Limit] = [:], setup: @escaping (Value) -> Input, body: @escaping (inout Input) -> Void,
        teardown: @escaping (inout Input) -> Void = { _ in }
    ) {
        precondition(!values.isEmpty, "sweep \"\(name)\" over \"\(key)\" needs at least one value")
        for value in values {
            bench(
                name, parameters: [key: value.description], throughput: throughput?(value), limits: limits,
                setup: { setup(value) }, body: body, teardown: teardown)
        }
    }

    /// Registers a task that runs its own loop: `body` gets a `Batch`, may prepare per-batch state
    /// untimed, and must run `batch.iterations` operations inside exactly one `batch.measure { }`.
    ///
    /// Use it when each operation needs fresh input that must not be timed (sorting unsorted arrays,
    /// filling an empty pool), or to measure bodies cheaper than the closure forms' floor.
    public func benchBatch(
        _ name: String, parameters: [String: String] = [:], throughput: Throughput? = nil,
        limits: [String: Limit] = [:], _ body: @escaping (Batch) -> Void
    ) {
        register(name, parameters: parameters, throughput: throughput, limits: limits, form: .batch) { fullName in
            PreparedTask(
                runBatch: { iterations, meter in
                    let before = meter.windows
                    body(Batch(iterations: iterations, meter: meter))
                    let measured = meter.windows - before
                    precondition(
                        measured == 1,
                        "benchBatch \"\(fullName)\" must call batch.measure exactly once per batch, "
                            + "but called it \(measured) times")
                },
                finish: {})
        }
    }

    /// Validates the name and appends the task; `prepare` receives the full result name.
    private func register(
        _ name: String, parameters: [String: String], throughput: Throughput?, limits: [String: Limit],
        form: BenchTask.Form,
        prepare: @escaping (_ fullName: String) -> PreparedTask
    ) {
        precondition(!name.isEmpty, "a task of suite \"\(suiteName)\" has an empty name")
        let result: Result
        do {
            result = try Result(name: "\(suiteName)/\(name)", parameters: parameters)
        } catch {
            preconditionFailure("invalid task name \"\(name)\" in suite \"\(suiteName)\": \(error)")
        }
        precondition(
            names.insert(result.name).inserted,
            "duplicate task \"\(result.name)\": give every task of a suite its own name or parameters")
        if let throughput {
            precondition(throughput.perOperation > 0, "the throughput of \"\(result.name)\" must be positive")
        }
        for (key, limit) in limits {
            precondition(
                Metric.isValidKey(key), "the limit \"\(key)\" of \"\(result.name)\" does not name a metric key")
            if let problem = limit.problem {
                preconditionFailure("the limit on \(key) of \"\(result.name)\" is unusable: \(problem)")
            }
        }
        let fullName = result.name
        tasks.append(
            BenchTask(
                name: fullName, parameters: result.parameters, throughput: throughput, limits: limits, form: form,
                prepare: { prepare(fullName) }))
    }
}
