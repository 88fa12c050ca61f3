/// The response statuses the demo service sends.
public enum HTTPStatus: Int, CaseIterable, Sendable {
    case ok = 200
    case badRequest = 400
    case unauthorized = 401
    case notFound = 404
    case methodNotAllowed = 405
    case contentTooLarge = 413
    case requestHeaderFieldsTooLarge = 431
    case notImplemented = 501
    case serviceUnavailable = 503
    case httpVersionNotSupported = 505

    /// The reason phrase of the status line.
    public var reasonPhrase: String {
        switch self {
        case .ok: "OK"
        case .badRequest: "Bad Request"
        case .unauthorized: "Unauthorized"
        case .notFound: "Not Found"
        case .methodNotAllowed: "Method Not Allowed"
        case .contentTooLarge: "Content Too Large"
        case .requestHeaderFieldsTooLarge: "Request Header Fields Too Large"
        case .notImplemented: "Not Implemented"
        case .serviceUnavailable: "Service Unavailable"
        case .httpVersionNotSupported: "HTTP Version Not Supported"
        }
    }

    /// The position of the status in `allCases`: the index of its counters in the metrics.
    var ordinal: Int {
        switch self {
        case .ok: 0
        case .badRequest: 1
        case .unauthorized: 2
        case .notFound: 3
        case .methodNotAllowed: 4
        case .contentTooLarge: 5
        case .requestHeaderFieldsTooLarge: 6
        case .notImplemented: 7
        case .serviceUnavailable: 8
        case .httpVersionNotSupported: 9
        }
    }

    /// `HTTP/1.1 200 OK\r\n`, built once per status.
    static let statusLines: [[UInt8]] = allCases.map { Array("HTTP/1.1 \($0.rawValue) \($0.reasonPhrase)\r\n".utf8) }
}
