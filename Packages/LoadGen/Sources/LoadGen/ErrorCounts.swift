/// The ways a request can fail without a response, as wrk and autocannon count them.
public enum ErrorClass: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A connection could not be made (refused, unreachable). Counted per attempt, not per request.
    case connect
    /// Reading failed (e.g. the peer reset the connection) after the request was written.
    case read
    /// The connection failed while a request was still being written.
    case write
    /// No complete response within the per-request timeout.
    case timeout
    /// The response was not valid HTTP/1.x.
    case parse
    /// The peer closed the connection with requests outstanding and without announcing it.
    case closedByPeer
    /// TLS failed: a handshake (per attempt: refused certificate, alert received, closed or timed out during the
    /// handshake, not TLS at all), or a connection's records after it (per request in flight).
    case tls

    public var description: String {
        switch self {
        case .closedByPeer: return "closed"
        default: return rawValue
        }
    }
}

/// Error counts by class.
public struct ErrorCounts: Sendable, Hashable {
    /// Failed connection attempts.
    public var connect: UInt64 = 0
    /// Requests whose connection failed while reading.
    public var read: UInt64 = 0
    /// Requests whose connection failed while writing.
    public var write: UInt64 = 0
    /// Requests without a response within the timeout.
    public var timeout: UInt64 = 0
    /// Requests whose response was malformed.
    public var parse: UInt64 = 0
    /// Requests lost when the peer closed the connection.
    public var closedByPeer: UInt64 = 0
    /// Failed TLS handshakes, and requests lost to a TLS failure after the handshake.
    public var tls: UInt64 = 0

    /// Creates zero counts.
    public init() {}

    /// The count of one class.
    public subscript(errorClass: ErrorClass) -> UInt64 {
        get {
            switch errorClass {
            case .connect: return connect
            case .read: return read
            case .write: return write
            case .timeout: return timeout
            case .parse: return parse
            case .closedByPeer: return closedByPeer
            case .tls: return tls
            }
        }
        set {
            switch errorClass {
            case .connect: connect = newValue
            case .read: read = newValue
            case .write: write = newValue
            case .timeout: timeout = newValue
            case .parse: parse = newValue
            case .closedByPeer: closedByPeer = newValue
            case .tls: tls = newValue
            }
        }
    }

    /// The sum over every class.
    public var total: UInt64 { connect + read + write + timeout + parse + closedByPeer + tls }

    /// Adds counts class by class.
    public static func + (lhs: ErrorCounts, rhs: ErrorCounts) -> ErrorCounts {
        var sum = lhs
        for errorClass in ErrorClass.allCases { sum[errorClass] += rhs[errorClass] }
        return sum
    }
}
