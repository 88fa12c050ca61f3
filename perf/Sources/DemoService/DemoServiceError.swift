/// Everything that can stop the demo service from starting: a bad flag or setting, or a system call that failed.
///
/// Requests never throw: a bad request becomes an HTTP error response and a counter in `/metrics`.
public enum DemoServiceError: Error, Equatable, Sendable {
    /// A flag the service does not know.
    case unknownFlag(String)
    /// A flag given without its value.
    case missingValue(flag: String)
    /// A flag or setting whose value is out of range or not parseable; `expected` says what would be accepted.
    case invalidValue(flag: String, value: String, expected: String)
    /// A bare argument where a `--flag` was expected.
    case unexpectedArgument(String)
    /// The listening socket could not be bound or listened on.
    case cannotListen(address: String, reason: String)
    /// Another system call failed while starting (`epoll_create1`, `eventfd`, `pthread_create`, ...).
    case systemCallFailed(call: String, reason: String)
}

extension DemoServiceError: CustomStringConvertible {
    /// What went wrong and what to do about it, in one line.
    public var description: String {
        switch self {
        case .unknownFlag(let flag):
            return "unknown flag '\(flag)'; run demo-service --help for the list"
        case .missingValue(let flag):
            return "\(flag) needs a value, e.g. \(flag) 8 or \(flag)=8"
        case .invalidValue(let flag, let value, let expected):
            return "\(flag): expected \(expected), got '\(value)'"
        case .unexpectedArgument(let argument):
            return "unexpected argument '\(argument)'; every option is a --flag with a value (see --help)"
        case .cannotListen(let address, let reason):
            return "cannot listen on \(address): \(reason); choose another --port or --host"
        case .systemCallFailed(let call, let reason):
            return "\(call) failed: \(reason)"
        }
    }
}
