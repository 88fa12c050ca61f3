public import PerfSupport

extension BuiltExecutable {
    /// Runs the executable to its end with `arguments`, in the test's environment without
    /// `unsetVariables` and with `environment` on top, and returns how it ended and what it wrote.
    ///
    /// Run only what is bounded by its own arguments (iterations, ticks, a duration) or stops before
    /// measuring: a run still going after `timeout` is stopped, and its `status` is then `nil`.
    /// - Throws: `SystemError` when the executable cannot be started (for example when it was not built).
    public func run(
        _ arguments: [String], environment: [String: String] = [:], timeout: Duration = .seconds(300)
    ) throws(SystemError) -> ExecutableRun {
        var variables = ProcessEnvironment.current()
        for name in unsetVariables { variables[name] = nil }
        variables.merge(environment) { $1 }
        let outcome = try ChildProcess(path, arguments, environment: variables).run(timeout: timeout)
        return ExecutableRun(
            termination: outcome.termination, stdout: outcome.standardOutputText, stderr: outcome.standardErrorText)
    }
}
