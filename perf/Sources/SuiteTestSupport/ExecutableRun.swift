/// A finished run of a `BuiltExecutable`: its exit status and everything it wrote.
public struct ExecutableRun: Sendable, Equatable {
    /// The exit status (`Process.terminationStatus`: the signal's number when a signal ended the run).
    public var status: Int32
    /// Standard output, decoded as UTF-8.
    public var stdout: String
    /// Standard error, decoded as UTF-8.
    public var stderr: String

    /// A run that exited with `status` after writing `stdout` and `stderr`.
    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}
