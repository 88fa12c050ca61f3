/// The kinds of bad input and failure `/metrics` counts in `demo_errors_total{kind="..."}`.
public enum ErrorKind: Int, CaseIterable, Sendable {
    /// A malformed request line or header, or a bad Content-Length (400).
    case badRequest
    /// A head over `--max-header` or with too many header lines (431).
    case headerTooLarge
    /// A Content-Length over `--max-body` (413).
    case bodyTooLarge
    /// An HTTP version other than 1.0 and 1.1 (505).
    case unsupportedVersion
    /// A request with Transfer-Encoding (501).
    case unsupportedTransferEncoding
    /// A body that is not valid JSON (400).
    case malformedJSON
    /// Valid JSON of the wrong shape: missing field, wrong type, bad topic (400).
    case invalidRequest
    /// Unknown user or wrong password (401).
    case unauthorized
    /// An unknown path (404).
    case notFound
    /// A known path with the wrong method (405).
    case methodNotAllowed
    /// A batch with more than `--max-batch` messages (413).
    case batchTooLarge
    /// A message payload over `--max-payload` (413).
    case payloadTooLarge
    /// A message rejected because `--topics` topics already exist (counted per message).
    case topicLimit
    /// A connection closed because its head did not complete within `--header-timeout`.
    case headerTimeout
    /// A connection closed because a body did not complete within `--header-timeout` of its head.
    case bodyTimeout
    /// A connection refused with 503 because `--max-connections` were open.
    case connectionLimit
    /// `accept` failed (out of file descriptors or memory); accepting pauses briefly.
    case acceptFailed
    /// A connection closed by force at the end of the drain after SIGTERM.
    case drainForced

    /// The `kind` label.
    public var label: String {
        switch self {
        case .badRequest: "bad_request"
        case .headerTooLarge: "header_too_large"
        case .bodyTooLarge: "body_too_large"
        case .unsupportedVersion: "unsupported_version"
        case .unsupportedTransferEncoding: "unsupported_transfer_encoding"
        case .malformedJSON: "malformed_json"
        case .invalidRequest: "invalid_request"
        case .unauthorized: "unauthorized"
        case .notFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .batchTooLarge: "batch_too_large"
        case .payloadTooLarge: "payload_too_large"
        case .topicLimit: "topic_limit"
        case .headerTimeout: "header_timeout"
        case .bodyTimeout: "body_timeout"
        case .connectionLimit: "connection_limit"
        case .acceptFailed: "accept_failed"
        case .drainForced: "drain_forced"
        }
    }

    /// The error kind of a head the parser rejected.
    init(_ error: HTTPParseError) {
        switch error {
        case .bareLineFeed, .invalidRequestLine, .invalidHeader, .invalidContentLength: self = .badRequest
        case .unsupportedVersion: self = .unsupportedVersion
        case .unsupportedTransferEncoding: self = .unsupportedTransferEncoding
        case .headTooLarge: self = .headerTooLarge
        case .bodyTooLarge: self = .bodyTooLarge
        }
    }
}

/// Why a connection was closed: `demo_connections_closed_total{reason="..."}`.
public enum CloseReason: Int, CaseIterable, Sendable {
    /// The client closed it.
    case client
    /// The server closed it after a response: `Connection: close`, HTTP/1.0, or an error response.
    case server
    /// Its head did not complete within `--header-timeout`.
    case headerTimeout
    /// Its body did not complete within `--header-timeout` of the head.
    case bodyTimeout
    /// It was silent for `--idle-timeout`.
    case idleTimeout
    /// The client reset it (ECONNRESET, EPIPE): typical of load generators tearing down.
    case reset
    /// Another read or write failure.
    case ioError
    /// It was idle when the drain after SIGTERM began.
    case shutdown
    /// It was still busy when the drain ended.
    case drainForced
    /// It was over `--max-connections` and got a 503.
    case rejected

    /// The `reason` label.
    public var label: String {
        switch self {
        case .client: "client"
        case .server: "server"
        case .headerTimeout: "header_timeout"
        case .bodyTimeout: "body_timeout"
        case .idleTimeout: "idle_timeout"
        case .reset: "reset"
        case .ioError: "io_error"
        case .shutdown: "shutdown"
        case .drainForced: "drain_forced"
        case .rejected: "rejected"
        }
    }
}

/// Counters without labels.
enum ScalarCounter: Int, CaseIterable {
    case connectionsAccepted
    case bytesReceived
    case bytesSent
    case sessionsCreated
    case sessionsEvicted
    case messagesStored
    case messagesEvicted
}
