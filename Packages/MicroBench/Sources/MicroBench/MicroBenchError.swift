public import PerfResult

/// Every way a run can be refused: bad command-line usage, a bad environment, an unwritable report.
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
        }
    }
}
