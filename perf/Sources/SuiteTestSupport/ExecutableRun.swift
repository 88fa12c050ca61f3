public import PerfSupport

/// A finished run of a `BuiltExecutable`: how it ended and everything it wrote.
public struct ExecutableRun: Sendable, Equatable {
    /// How the run ended: its exit status, the signal that ended it, or the time limit.
    public var termination: ChildProcess.Termination
    /// Standard output, decoded as UTF-8.
    public var stdout: String
    /// Standard error, decoded as UTF-8.
    public var stderr: String

    /// A run that ended as `termination` after writing `stdout` and `stderr`.
    public init(termination: ChildProcess.Termination, stdout: String, stderr: String) {
        self.termination = termination
        self.stdout = stdout
        self.stderr = stderr
    }

    /// The exit status, or `nil` when a signal or the time limit ended the run.
    public var status: Int32? {
        if case let .exited(status) = termination { return status }
        return nil
    }
}
