/// A demangler could not be started or did not answer one name per symbol.
///
/// Its description says which command failed, why, and to put the toolchain on `PATH`; a tool with a way
/// around demangling (the flamegraph's `--no-demangle`) adds that to its own message.
public struct DemanglerFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The command line that was run (or would have been), e.g. `swift demangle`.
    public var command: String
    /// What went wrong: `neither swift-demangle nor swift is on PATH`, `it exited with status 1`.
    public var reason: String

    public init(command: String, reason: String) {
        self.command = command
        self.reason = reason
    }

    /// `demangling with swift demangle failed: …; put the Swift toolchain's bin directory on PATH`.
    public var description: String {
        "demangling with \(command) failed: \(reason); put the Swift toolchain's bin directory on PATH"
    }
}
