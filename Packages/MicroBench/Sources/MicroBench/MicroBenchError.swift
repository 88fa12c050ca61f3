public import PerfResult

/// Every way a run can be refused once its command line is understood (mistakes on the command line itself
/// are PerfSupport's `UsageError`): a filter that selects nothing, an unwritable report, and, with
/// `--instructions`, a missing tool or a failed callgrind child.
///
/// All of them exit with status 2; each message names what is at fault and what to do.
public enum MicroBenchError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The filters selected no task.
    case noTaskMatches(filters: [String])
    /// The `--json` path cannot be written; checked before anything runs.
    case reportNotWritable(path: String, reason: String)
    /// Building or writing the report failed.
    case reportFailed(PerfResultError)
    /// Instruction counts cannot be taken on this platform.
    case instructionsUnavailable(reason: String)
    /// A program `--instructions` runs is not installed.
    case toolMissing(tool: String, package: String, purpose: String)
    /// The work directory or the executable's copy for `--instructions` could not be made.
    case instructionsSetupFailed(reason: String)
    /// The callgrind child of a task failed, or its output lacks what was asked for.
    case countingFailed(task: String, reason: String)
    /// A callgrind output file could not be read.
    case invalidCallgrindOutput(path: String, line: Int, reason: String)
    /// The internal `--callgrind-child` flag was used outside valgrind.
    case childOutsideValgrind
    /// The internal `--callgrind-child` flag named no task.
    case unknownChildTask(String)
    /// A fork of `--forks` did not deliver a report, or the forks' reports could not be merged.
    case forksFailed(reason: String)
    /// `--require-release` in an executable built without optimization.
    case debugBuildRefused

    public var description: String {
        switch self {
        case let .noTaskMatches(filters):
            let list = filters.map { "'\($0)'" }.joined(separator: ", ")
            return "no task matches --filter \(list); run with --list to see the task names"
        case let .reportNotWritable(path, reason):
            return "cannot write the report to \(path): \(reason); pass --json a path in an existing, "
                + "writable directory"
        case let .reportFailed(error):
            return "\(error)"
        case let .instructionsUnavailable(reason):
            return "instruction counts are unavailable here: \(reason)"
        case let .toolMissing(tool, package, purpose):
            return "\(tool) is not installed, and --instructions needs it: \(purpose). Install it as root with "
                + "'apt-get install \(package)' (Debian, Ubuntu; 'dnf install \(package)' on Fedora), or put it on PATH"
        case let .instructionsSetupFailed(reason):
            return "cannot count instructions: \(reason)"
        case let .countingFailed(task, reason):
            return "counting the instructions of \(task) failed: \(reason)"
        case let .invalidCallgrindOutput(path, line, reason):
            return "\(path):\(line): cannot read callgrind's output: \(reason)"
        case .childOutsideValgrind:
            return "--callgrind-child is internal (MicroBench passes it to itself under callgrind); "
                + "to count instructions, run with --instructions"
        case let .unknownChildTask(name):
            return "--callgrind-child names no task: '\(name)'; run with --list to see the task names"
        case let .forksFailed(reason):
            return "\(reason); nothing was written (run without --forks to see the failing run's own output)"
        case .debugBuildRefused:
            return "--require-release: this executable is a debug build (built without optimization), whose "
                + "timings and counts are not the release code's; build it with 'swift build -c release' "
                + "(if that still gives a debug build, the toolchain cannot build in release: install a release "
                + "toolchain from swift.org)"
        }
    }
}
