import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs commands in independent processes, alternating them fork by fork, and collects one report per process.
///
/// Each process is one sample of a layout the run cannot control: the address space is randomized (ASLR stays
/// on), and every fork gets an environment padding of a random length (`PERF_FORK_PADDING`), which moves the
/// stack (Mytkowicz et al., ASPLOS 2009, saw this alone move results by tens of percent). With several commands
/// (a base and a head), fork *i* runs all of them one after the other with the same padding, in an order that
/// rotates with *i* (AB, BA, AB, …), so neither always runs first on a warm or a busy machine. Every process is
/// told its position in `PERF_FORK=i/N`, so a suite can rotate the order of its cases too. With `freshCopies`,
/// every process runs from its own copy of the executable (`ExecutableCopy`), so that nothing the system keeps
/// per file can make one side's processes all fast or all slow.
///
/// A fork that fails, hangs past `timeout` or writes no valid report stops the run with a `ForkError` naming
/// it: partial results are never merged, so they can never be gated. A fork that exits 1 after writing its
/// report — the toolkit's "a check failed" (a leak, a missed bar) — delivers the report and is listed in
/// `Outcome.failedChecks`, so the caller can exit 1 too.
public struct ForkRunner: Sendable {
    /// What the runner reports as it goes, for progress lines.
    public struct Progress: Sendable, Hashable {
        /// The command's label.
        public var label: String
        /// The fork, 1-based.
        public var fork: Int
        /// The number of forks.
        public var forks: Int
        /// How long the process ran.
        public var elapsed: Duration
    }

    /// What a run delivered.
    public struct Outcome: Sendable {
        /// Each command's reports, in fork order.
        public var reports: [[Report]]
        /// The forks that exited 1 (a check failed) after writing their report, as `label fork/forks`.
        public var failedChecks: [String]
    }

    /// Processes per command.
    public var forks: Int
    /// How long one process may run before it is stopped (SIGTERM, then SIGKILL).
    public var timeout: Duration
    /// Where the forks' reports are written (`<label>-<fork>.json`); it must exist.
    public var scratchDirectory: String
    /// The seed of the paddings, so a run's layouts can be repeated.
    public var seed: UInt64
    /// Whether each process runs from a fresh copy of its executable, made beside it and removed after it
    /// (the original runs when no copy can be made).
    public var freshCopies: Bool

    /// A runner of `forks` processes per command.
    /// - Precondition: `forks` is at least 1.
    public init(forks: Int, timeout: Duration, scratchDirectory: String, seed: UInt64, freshCopies: Bool = false) {
        precondition(forks >= 1, "ForkRunner needs at least one fork")
        self.forks = forks
        self.timeout = timeout
        self.scratchDirectory = scratchDirectory
        self.seed = seed
        self.freshCopies = freshCopies
    }

    /// Runs every command `forks` times, interleaved, and returns each command's reports in fork order.
    /// - Throws: `ForkError` for the first fork that does not deliver a report.
    public func run(_ commands: [ForkCommand], progress: (Progress) -> Void = { _ in }) throws(ForkError)
        -> Outcome
    {
        var reports = Array(repeating: [Report](), count: commands.count)
        var failedChecks: [String] = []
        var generator = SplitMix64(seed: seed)
        for fork in 1...forks {
            let padding = String(repeating: "p", count: generator.next(below: 4096))
            for position in order(fork: fork, commands: commands.count) {
                let command = commands[position]
                let started = MonotonicClock.now()
                let (report, checkFailed) = try runOne(command, fork: fork, padding: padding)
                reports[position].append(report)
                if checkFailed { failedChecks.append("\(command.label) \(fork)/\(forks)") }
                let elapsed = Duration(nanoseconds: MonotonicClock.now() &- started)
                progress(Progress(label: command.label, fork: fork, forks: forks, elapsed: elapsed))
            }
        }
        return Outcome(reports: reports, failedChecks: failedChecks)
    }

    /// The order of the commands in fork `fork`: rotated by one position per fork.
    func order(fork: Int, commands: Int) -> [Int] {
        (0..<commands).map { ($0 + fork - 1) % commands }
    }

    /// Runs one fork; returns its report and whether it exited 1 (a check failed) rather than 0.
    private func runOne(_ command: ForkCommand, fork: Int, padding: String) throws(ForkError) -> (Report, Bool) {
        let path = "\(scratchDirectory)/\(command.label)-\(fork).json"
        unlink(path) // a report left by an earlier run must never stand in for this fork's
        var environment = command.environment
        environment["PERF_FORK"] = "\(fork)/\(forks)"
        environment["PERF_FORK_PADDING"] = padding
        let copy = freshCopies ? ExecutableCopy.make(of: command.executable, tag: "\(command.label)-\(fork)") : nil
        defer { copy?.remove() }
        var child = ChildProcess(
            copy?.path ?? command.executable, command.arguments + ["--json", path], environment: environment,
            workingDirectory: command.workingDirectory)
        child.programName = command.executable
        let outcome: ChildProcess.Outcome
        do {
            outcome = try child.run(timeout: timeout)
        } catch {
            throw .notStarted(label: command.label, fork: fork, of: forks, error)
        }
        let checkFailed = outcome.termination == .exited(1) && AtomicFile.exists(path)
        guard outcome.termination == .exited(0) || checkFailed else {
            throw .failed(
                label: command.label, fork: fork, of: forks, outcome.termination,
                errorTail: ForkRunner.tail(outcome.standardErrorText))
        }
        do {
            return (try Report.read(from: path), checkFailed)
        } catch {
            throw .badReport(label: command.label, fork: fork, of: forks, error)
        }
    }

    /// The last lines of `text`, at most 10, for an error message.
    static func tail(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true).suffix(10).joined(separator: "\n")
    }
}
