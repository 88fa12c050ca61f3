/// A program to start as a child process: the executable, its arguments, its whole environment and its
/// working directory.
///
/// Two ways to start it. `run(timeout:grace:)` runs it to completion, captures what it writes to standard
/// output and standard error, and stops it when it runs too long. `spawn(standardOutput:standardError:)`
/// starts it and hands back a `SpawnedProcess` to wait for or stop later (a service under test). Either way
/// standard input is `/dev/null` unless `standardInput` names a file, the child's signal mask is empty and
/// SIGINT, SIGTERM, SIGQUIT, SIGHUP and SIGPIPE have their default actions, whatever the parent ignores or
/// blocks.
///
///     let child = ChildProcess("/usr/bin/valgrind", ["--tool=callgrind", binary], environment: ["PATH": path])
///     let outcome = try child.run(timeout: .seconds(60))
///     guard outcome.termination == .exited(0) else { … }
public struct ChildProcess: Sendable, Hashable {
    /// How a child ended.
    public enum Termination: Sendable, Hashable, CustomStringConvertible {
        /// It exited with this status (0...255).
        case exited(Int32)
        /// This signal ended it (`SIGKILL` is 9).
        case signalled(Int32)
        /// It ran past its time limit and was stopped (SIGTERM, then SIGKILL after the grace period).
        case timedOut

        /// `exited with status 2`, `killed by signal 9`, `timed out`.
        public var description: String {
            switch self {
            case let .exited(status): "exited with status \(status)"
            case let .signalled(signal): "killed by signal \(signal)"
            case .timedOut: "timed out"
            }
        }

        /// The ending `waitpid` reports in `status` (`WIFEXITED`, `WEXITSTATUS`, `WTERMSIG`, which Swift does
        /// not import as macros).
        init(waitStatus status: Int32) {
            let signal = status & 0x7F
            self = signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
        }
    }

    /// Where a spawned child's standard output or standard error goes.
    public enum Destination: Sendable, Hashable {
        /// The parent's own stream.
        case inherit
        /// `/dev/null`.
        case discard
        /// A file, created if missing (mode 0644), truncated unless `append`.
        case file(path: String, append: Bool)
        /// For standard error only: wherever standard output goes (`2>&1`).
        case standardOutput
    }

    /// The path of the program (not searched in `PATH`): `/bin/sh`, `.build/release/perf-micro`.
    public var executable: String
    /// The arguments after the program's name (`argv[1...]`).
    public var arguments: [String]
    /// The program's name as it sees it (`argv[0]`); `nil` for `executable`. A fork running a copy of an
    /// executable keeps the original's name, so its messages and usage lines read as usual.
    public var programName: String?
    /// The child's whole environment: nothing is inherited. Start from `ProcessEnvironment.current()` to pass
    /// the parent's variables on.
    public var environment: [String: String]
    /// The directory the child starts in; `nil` for the parent's. Linux only: elsewhere a directory makes
    /// starting fail with `ENOSYS`.
    public var workingDirectory: String?
    /// Whether the child leads a new process group, so that stopping it also stops what it started (a shell's
    /// children); the terminal's Ctrl-C then no longer reaches it.
    public var newProcessGroup: Bool
    /// A file the child reads as its standard input (a batch of lines for a filter); `nil` for `/dev/null`.
    public var standardInput: String?

    public init(
        _ executable: String, _ arguments: [String] = [], environment: [String: String] = [:],
        workingDirectory: String? = nil, newProcessGroup: Bool = false, standardInput: String? = nil
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.newProcessGroup = newProcessGroup
        self.standardInput = standardInput
    }
}
