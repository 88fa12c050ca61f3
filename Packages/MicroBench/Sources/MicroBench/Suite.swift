import PerfResult

/// A named group of benchmark tasks, declared by a closure that registers them.
///
/// The closure runs when the suite is run (or listed), not when the suite is created, so a suite can
/// be a global constant and its setup costs nothing until it is selected:
///
/// ```swift
/// let stringOps = Suite("stringOps") { suite in
///     suite.bench("concat") { blackHole(opaque("hello, ") + "world") }
/// }
/// ```
///
/// Each task's result is named `suite/task`, e.g. `stringOps/concat`, plus a `[key=value]` suffix
/// for parameters. See `MicroBench` for a complete example and `SuiteBuilder` for every form.
public struct Suite: Sendable {
    /// The group name of every result of this suite, e.g. `stringOps`.
    public let name: String
    private let build: @Sendable (SuiteBuilder) -> Void

    /// Creates a suite whose tasks `build` registers.
    ///
    /// `name` is the group segment of result names: letters, digits and punctuation other than
    /// whitespace, `/`, `[`, `]`, `=`, `,`, `"` and `\`. A bad name is a programmer error and traps.
    public init(_ name: String, _ build: @escaping @Sendable (_ suite: SuiteBuilder) -> Void) {
        precondition(!name.contains("/"), "suite name \"\(name)\" must not contain '/'")
        do {
            _ = try Result(name: name + "/task")
        } catch {
            preconditionFailure("invalid suite name \"\(name)\": \(error)")
        }
        self.name = name
        self.build = build
    }

    /// Runs the registration closure and returns the tasks in registration order.
    func tasks() -> [BenchTask] {
        let builder = SuiteBuilder(suiteName: name)
        build(builder)
        return builder.tasks
    }
}
