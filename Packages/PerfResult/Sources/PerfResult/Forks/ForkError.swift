public import PerfSupport

/// A fork that did not deliver a report; the run is an error and nothing is merged or gated.
public enum ForkError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The command could not be started.
    case notStarted(label: String, fork: Int, of: Int, SystemError)
    /// The command ended without success: its ending and the last lines it wrote to standard error.
    case failed(label: String, fork: Int, of: Int, ChildProcess.Termination, errorTail: String)
    /// The command succeeded but its report is missing or not a valid PerfResult report.
    case badReport(label: String, fork: Int, of: Int, PerfResultError)

    public var description: String {
        switch self {
        case let .notStarted(label, fork, count, error):
            return "fork \(fork)/\(count) of \(label) could not start: \(error)"
        case let .failed(label, fork, count, termination, tail):
            let detail = tail.isEmpty ? "" : "; its last output:\n\(tail)"
            return "fork \(fork)/\(count) of \(label) \(termination)\(detail)"
        case let .badReport(label, fork, count, error):
            return "fork \(fork)/\(count) of \(label) wrote no valid report: \(error)"
        }
    }
}
