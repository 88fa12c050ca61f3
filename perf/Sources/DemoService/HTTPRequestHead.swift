/// What the service needs from a parsed request head; it holds no bytes of the request.
public struct HTTPRequestHead: Sendable, Equatable {
    /// The request method.
    public var method: HTTPMethod
    /// The route resolved from the request target.
    public var route: Route
    /// `true` for HTTP/1.1, `false` for HTTP/1.0.
    public var isHTTP11: Bool
    /// The body length from `Content-Length` (0 without one); never more than the parser's body limit.
    public var contentLength: Int
    /// Whether the client lets the connection stay open after the response.
    public var keepAlive: Bool
    /// Whether the client sent `Expect: 100-continue`.
    public var expectsContinue: Bool
    /// Bytes of the head, from the request's first byte (after skipped empty lines) up to and including the
    /// empty line; the body starts at this offset.
    public var headLength: Int

    /// Creates a head; the parser makes them, tests and in-process callers may too.
    public init(
        method: HTTPMethod, route: Route, isHTTP11: Bool = true, contentLength: Int = 0, keepAlive: Bool = true,
        expectsContinue: Bool = false, headLength: Int = 0
    ) {
        self.method = method
        self.route = route
        self.isHTTP11 = isHTTP11
        self.contentLength = contentLength
        self.keepAlive = keepAlive
        self.expectsContinue = expectsContinue
        self.headLength = headLength
    }
}

/// Why a request head was rejected; each case maps to one response status and closes the connection.
public enum HTTPParseError: Error, Equatable, Sendable {
    /// A line ended with LF alone; HTTP/1.1 lines end with CRLF.
    case bareLineFeed
    /// The request line is not `METHOD /target HTTP/x.y`.
    case invalidRequestLine
    /// A header line is not `Name: value` (space before the colon, folded line, control character, ...).
    case invalidHeader
    /// `Content-Length` is not one decimal number, or appears twice.
    case invalidContentLength
    /// The version is well-formed but not HTTP/1.0 or HTTP/1.1.
    case unsupportedVersion
    /// `Transfer-Encoding` was sent; the service reads only `Content-Length` bodies.
    case unsupportedTransferEncoding
    /// The head is longer than the limit or has more than `HTTPRequestParser.maxHeaderLines` headers.
    case headTooLarge(limit: Int)
    /// `Content-Length` is larger than the body limit.
    case bodyTooLarge(limit: Int)

    /// The response status for the error.
    public var status: HTTPStatus {
        switch self {
        case .bareLineFeed, .invalidRequestLine, .invalidHeader, .invalidContentLength: .badRequest
        case .unsupportedVersion: .httpVersionNotSupported
        case .unsupportedTransferEncoding: .notImplemented
        case .headTooLarge: .requestHeaderFieldsTooLarge
        case .bodyTooLarge: .contentTooLarge
        }
    }
}

extension HTTPParseError: CustomStringConvertible {
    /// The message of the JSON error body the client receives.
    public var description: String {
        switch self {
        case .bareLineFeed: "a line ends with a bare LF; HTTP/1.1 lines end with CRLF"
        case .invalidRequestLine: "invalid request line; expected METHOD /path HTTP/1.1"
        case .invalidHeader: "invalid header line; expected 'Name: value'"
        case .invalidContentLength: "invalid Content-Length; expected one decimal number"
        case .unsupportedVersion: "unsupported HTTP version; use HTTP/1.1 or HTTP/1.0"
        case .unsupportedTransferEncoding: "Transfer-Encoding is not supported; send a Content-Length body"
        case .headTooLarge(let limit):
            "request head exceeds \(limit) bytes or \(HTTPRequestParser.maxHeaderLines) header lines"
        case .bodyTooLarge(let limit): "request body exceeds \(limit) bytes"
        }
    }
}
