public import PerfResult

/// Every way a run can be refused: bad command-line usage, a bad environment, an unwritable report,
/// and, with `--instructions`, a missing tool or a failed callgrind child.
///
/// All of them exit with status 2; each message names the flag or value at fault and what to do.
public enum MicroBenchError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A flag this runner does not know.
    case unknownFlag(String)
    /// A flag that needs a value was given none.
    case missingValue(flag: String, placeholder: String)
    /// A flag that takes no value was given one (`--list=yes`).
    case unexpectedValue(flag: String)
    /// A flag that may appear once appeared again.
    case repeatedFlag(String)
    /// A positional argument, which this runner does not take.
    case unexpectedArgument(String)
    /// `--time` was not a positive number of seconds (at most 3600).
    case invalidTime(String)
    /// `PERF_PROFILE` was neither `quick` nor `full`.
    case invalidProfile(String)
    /// The filters selected no task.
    case noTaskMatches(filters: [String])
    /// The `--json` path cannot be written; checked before anything runs.
    case reportNotWritable(path: String, reason: String)
    /// Building or writing the report failed.
    case reportFailed(PerfResultError)
    /// `--iterations` was not a whole number from 1 to 1,000,000.
    case invalidIterations(String)
    /// A flag that only means something with `--instructions` was given without it.
    case onlyWithInstructions(flag: String)
    /// A flag that does not apply to `--instructions` was given with it.
    case notWithInstructions(flag: String)
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

    public var description: String {
        switch self {
        case let .unknownFlag(flag):
            return "unknown flag '\(flag)'; run with --help to see the flags"
        case let .missingValue(flag, placeholder):
            return "\(flag) needs a value: \(flag) \(placeholder)"
        case let .unexpectedValue(flag):
            return "\(flag) takes no value; write it alone"
        case let .repeatedFlag(flag):
            return "\(flag) is given more than once; give it once"
        case let .unexpectedArgument(argument):
            return "unexpected argument '\(argument)'; to select tasks use --filter \(argument)"
        case let .invalidTime(value):
            return "--time needs a positive number of seconds up to 3600, e.g. --time 0.5 (got '\(value)')"
        case let .invalidProfile(value):
            return "PERF_PROFILE must be 'quick' or 'full' (got '\(value)')"
        case let .noTaskMatches(filters):
            let list = filters.map { "'\($0)'" }.joined(separator: ", ")
            return "no task matches --filter \(list); run with --list to see the task names"
        case let .reportNotWritable(path, reason):
            return "cannot write the report to \(path): \(reason); pass --json a path in an existing, "
                + "writable directory"
        case let .reportFailed(error):
            return "\(error)"
        case let .invalidIterations(value):
            return "--iterations needs a whole number of operations from 1 to 1000000, e.g. --iterations 100 "
                + "(got '\(value)')"
        case let .onlyWithInstructions(flag):
            return "\(flag) applies only to instruction counts; add --instructions or drop \(flag)"
        case let .notWithInstructions(flag):
            return "\(flag) does not apply to --instructions, which runs a fixed number of operations; drop \(flag)"
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
        }
    }
}
