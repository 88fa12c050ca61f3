/// The outcome of offering buffered bytes to the parser.
public enum HTTPParseOutcome: Sendable, Equatable {
    /// The head is not complete yet; offer the same bytes plus more later.
    case incomplete
    /// A complete head; the body (`contentLength` bytes) starts at `headLength`.
    case complete(HTTPRequestHead)
    /// The bytes can never form an acceptable request; answer `error.status` and close.
    case failed(HTTPParseError)
}

/// An incremental, allocation-free HTTP/1.1 request-head parser that is safe for pipelining.
///
/// Offer it the unconsumed bytes of a connection, from the first byte of the next request, each time more
/// arrive. It remembers how far it has searched for the end of the head, so a head arriving one byte at a
/// time costs O(*n*) in total, and it reads nothing past the head: the caller frames the body with
/// `contentLength` and offers the bytes after it as the next request. Lines must end with CRLF; empty lines
/// before a request are skipped (RFC 9112 §2.2). The outcome for a given byte sequence does not depend on how
/// it was split: a prefix yields `.incomplete` or the same failure.
public struct HTTPRequestParser: Sendable {
    /// The most header lines a request may have; more is a 431.
    public static let maxHeaderLines = 100

    /// The longest head in bytes, leading empty lines included.
    public let maxHeadBytes: Int
    /// The largest `Content-Length` accepted.
    public let maxBodyBytes: Int
    private var searched = 0

    /// Creates a parser with the service's limits.
    public init(maxHeadBytes: Int, maxBodyBytes: Int) {
        precondition(maxHeadBytes >= 16, "maxHeadBytes must leave room for a request line")
        precondition(maxBodyBytes >= 0, "maxBodyBytes must not be negative")
        self.maxHeadBytes = maxHeadBytes
        self.maxBodyBytes = maxBodyBytes
    }

    /// Forgets the search position; call it after each complete request before offering the next one.
    public mutating func reset() {
        searched = 0
    }

    /// Parses the head at the start of `buffer`.
    ///
    /// - Complexity: amortized O(*n*) over the calls for one head of *n* bytes.
    public mutating func parse(_ buffer: UnsafeBufferPointer<UInt8>) -> HTTPParseOutcome {
        var start = 0
        while start + 1 < buffer.count, buffer[start] == .cr, buffer[start + 1] == .lf { start += 2 }
        let limit = min(buffer.count, maxHeadBytes)
        var index = max(searched, start)
        while index < limit {
            if buffer[index] == .lf {
                guard index > start, buffer[index - 1] == .cr else { return .failed(.bareLineFeed) }
                if index >= start + 3, buffer[index - 2] == .lf, buffer[index - 3] == .cr {
                    searched = 0
                    return parseHead(buffer, start: start, end: index + 1)
                }
            }
            index += 1
        }
        searched = index
        return buffer.count >= maxHeadBytes ? .failed(.headTooLarge(limit: maxHeadBytes)) : .incomplete
    }

    /// Parses a head known to end with CRLF CRLF at `end`.
    private func parseHead(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> HTTPParseOutcome {
        guard let lineEnd = Self.lineEnd(buffer, from: start) else { return .failed(.invalidRequestLine) }
        var head = HTTPRequestHead(method: .other, route: .unknown, headLength: end)
        if let failure = parseRequestLine(UnsafeBufferPointer(rebasing: buffer[start..<lineEnd]), into: &head) {
            return .failed(failure)
        }
        var sawContentLength = false
        var connectionClose = false
        var connectionKeepAlive = false
        var lines = 0
        var lineStart = lineEnd + 2
        while lineStart < end - 2 {
            guard let next = Self.lineEnd(buffer, from: lineStart) else { return .failed(.invalidHeader) }
            lines += 1
            if lines > Self.maxHeaderLines { return .failed(.headTooLarge(limit: maxHeadBytes)) }
            let line = UnsafeBufferPointer(rebasing: buffer[lineStart..<next])
            guard let (name, value) = Self.splitHeader(line) else { return .failed(.invalidHeader) }
            if Self.equalsLowercase(name, "content-length") {
                guard !sawContentLength else { return .failed(.invalidContentLength) }
                sawContentLength = true
                switch Self.parseLength(value, limit: maxBodyBytes) {
                case .some(.some(let length)): head.contentLength = length
                case .some(.none): return .failed(.bodyTooLarge(limit: maxBodyBytes))
                case .none: return .failed(.invalidContentLength)
                }
            } else if Self.equalsLowercase(name, "transfer-encoding") {
                return .failed(.unsupportedTransferEncoding)
            } else if Self.equalsLowercase(name, "connection") {
                Self.forEachToken(value) { token in
                    if Self.equalsLowercase(token, "close") { connectionClose = true }
                    if Self.equalsLowercase(token, "keep-alive") { connectionKeepAlive = true }
                }
            } else if Self.equalsLowercase(name, "expect") {
                head.expectsContinue = Self.equalsLowercase(value, "100-continue")
            }
            lineStart = next + 2
        }
        head.keepAlive = !connectionClose && (head.isHTTP11 || connectionKeepAlive)
        return .complete(head)
    }

    /// `METHOD SP request-target SP HTTP-version`; returns the failure, or `nil` after filling `head`.
    private func parseRequestLine(_ line: UnsafeBufferPointer<UInt8>, into head: inout HTTPRequestHead)
        -> HTTPParseError?
    {
        guard let firstSpace = line.firstIndex(of: .space), firstSpace > 0, firstSpace <= 16 else {
            return .invalidRequestLine
        }
        let method = UnsafeBufferPointer(rebasing: line[0..<firstSpace])
        guard method.allSatisfy(\.isTokenCharacter) else { return .invalidRequestLine }
        let targetStart = firstSpace + 1
        var targetEnd = targetStart
        while targetEnd < line.count, line[targetEnd] != .space {
            guard line[targetEnd] > 0x20, line[targetEnd] < 0x7F else { return .invalidRequestLine }
            targetEnd += 1
        }
        guard targetEnd > targetStart, targetEnd < line.count, line[targetStart] == UInt8(ascii: "/") else {
            return .invalidRequestLine
        }
        let version = UnsafeBufferPointer(rebasing: line[(targetEnd + 1)...])
        guard version.count == 8, version.starts(with: Self.httpSlash), version[5].isDigit, version[6] == .dot,
            version[7].isDigit
        else { return .invalidRequestLine }
        guard version[5] == UInt8(ascii: "1"), version[7] == UInt8(ascii: "1") || version[7] == UInt8(ascii: "0")
        else { return .unsupportedVersion }
        head.isHTTP11 = version[7] == UInt8(ascii: "1")
        head.method = Self.method(method)
        head.route = Route.resolve(UnsafeBufferPointer(rebasing: line[targetStart..<targetEnd]))
        return nil
    }

    private static let httpSlash: [UInt8] = Array("HTTP/".utf8)

    private static func method(_ bytes: UnsafeBufferPointer<UInt8>) -> HTTPMethod {
        if bytes.elementsEqual("GET".utf8) { return .get }
        if bytes.elementsEqual("POST".utf8) { return .post }
        if bytes.elementsEqual("HEAD".utf8) { return .head }
        return .other
    }

    /// The index of the CR of the CRLF ending the line that starts at `from`; bare CRs are not line ends.
    private static func lineEnd(_ buffer: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var index = from
        while index + 1 < buffer.count {
            if buffer[index] == .cr, buffer[index + 1] == .lf { return index }
            index += 1
        }
        return nil
    }

    /// Splits `Name: value`, trimming optional whitespace around the value; `nil` if the line is malformed.
    private static func splitHeader(_ line: UnsafeBufferPointer<UInt8>)
        -> (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>)?
    {
        var colon = 0
        while colon < line.count, line[colon] != .colon {
            guard line[colon].isTokenCharacter else { return nil }
            colon += 1
        }
        guard colon > 0, colon < line.count else { return nil }
        var valueStart = colon + 1
        var valueEnd = line.count
        while valueStart < valueEnd, line[valueStart].isOptionalWhitespace { valueStart += 1 }
        while valueEnd > valueStart, line[valueEnd - 1].isOptionalWhitespace { valueEnd -= 1 }
        for index in valueStart..<valueEnd {
            let byte = line[index]
            guard byte >= 0x20 && byte != 0x7F || byte == .tab else { return nil }
        }
        return (
            UnsafeBufferPointer(rebasing: line[0..<colon]), UnsafeBufferPointer(rebasing: line[valueStart..<valueEnd])
        )
    }

    /// A decimal length: `.none` if malformed, `.some(.none)` if above `limit`, else the value.
    private static func parseLength(_ value: UnsafeBufferPointer<UInt8>, limit: Int) -> Int?? {
        guard !value.isEmpty else { return nil }
        var length = 0
        var tooLarge = false
        for byte in value {
            guard byte.isDigit else { return nil }
            if !tooLarge {
                length = length * 10 + Int(byte - UInt8(ascii: "0"))
                if length > limit { tooLarge = true }
            }
        }
        return tooLarge ? .some(nil) : length
    }

    /// Calls `body` with each comma-separated token of a header value, trimmed.
    private static func forEachToken(_ value: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void)
    {
        var start = 0
        while start <= value.count {
            var end = start
            while end < value.count, value[end] != .comma { end += 1 }
            var tokenStart = start
            var tokenEnd = end
            while tokenStart < tokenEnd, value[tokenStart].isOptionalWhitespace { tokenStart += 1 }
            while tokenEnd > tokenStart, value[tokenEnd - 1].isOptionalWhitespace { tokenEnd -= 1 }
            body(UnsafeBufferPointer(rebasing: value[tokenStart..<tokenEnd]))
            start = end + 1
        }
    }

    /// Case-insensitive ASCII comparison with a lowercase literal.
    private static func equalsLowercase(_ bytes: UnsafeBufferPointer<UInt8>, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        let expected = lowercase.utf8Start
        for index in 0..<bytes.count {
            var byte = bytes[index]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte |= 0x20 }
            guard byte == expected[index] else { return false }
        }
        return true
    }
}

extension UInt8 {
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let colon = UInt8(ascii: ":")
    static let comma = UInt8(ascii: ",")
    static let dot = UInt8(ascii: ".")

    var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    var isOptionalWhitespace: Bool { self == .space || self == .tab }

    /// `tchar` of RFC 9110: the characters of methods and header names.
    var isTokenCharacter: Bool {
        switch self {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return true
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return true
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
