/// Everything that can stop the demo service from starting: a setting out of range, or a system call that failed.
///
/// A bad command line is a `UsageError` of `ServiceConfiguration.command` instead. Requests never throw: a bad
/// request becomes an HTTP error response and a counter in `/metrics`.
public enum DemoServiceError: Error, Equatable, Sendable {
    /// A setting whose value is out of range or not usable; `expected` says what would be accepted.
    case invalidValue(flag: String, value: String, expected: String)
    /// The listening socket could not be bound or listened on.
    case cannotListen(address: String, reason: String)
    /// Another system call failed while starting (`epoll_create1`, `eventfd`, `pthread_create`, ...).
    case systemCallFailed(call: String, reason: String)
    /// `feature` runs on the epoll server, which exists on Linux only; this build runs elsewhere (macOS).
    case requiresLinux(feature: String)
}

extension DemoServiceError: CustomStringConvertible {
    /// What went wrong and what to do about it, in one line.
    public var description: String {
        switch self {
        case .invalidValue(let flag, let value, let expected):
            return "\(flag): expected \(expected), got '\(value)'"
        case .cannotListen(let address, let reason):
            return "cannot listen on \(address): \(reason); choose another --port or --host"
        case .systemCallFailed(let call, let reason):
            return "\(call) failed: \(reason)"
        case .requiresLinux(let feature):
            return "\(feature) needs Linux (epoll, eventfd, SO_REUSEPORT balancing), and this system is not Linux"
        }
    }
}
