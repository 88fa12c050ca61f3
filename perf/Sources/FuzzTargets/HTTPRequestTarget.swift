public import DemoService

/// What the request checker needs of a parser: `HTTPRequestParser`'s API, so that tests can hand the checker
/// parsers that break a property on purpose.
public protocol RequestHeadParser {
    init(maxHeadBytes: Int, maxBodyBytes: Int)
    var maxHeadBytes: Int { get }
    var maxBodyBytes: Int { get }
    mutating func parse(_ buffer: UnsafeBufferPointer<UInt8>) -> HTTPParseOutcome
    mutating func reset()
}

extension HTTPRequestParser: RequestHeadParser {}

/// One thing the request parser reported, at an offset of the whole stream.
public enum RequestEntry: Equatable, Sendable, CustomStringConvertible {
    /// A complete head of the request starting at `start`.
    case head(HTTPRequestHead, start: Int)
    /// A rejected request starting at `start`.
    case failed(HTTPParseError, start: Int)
    /// The stream ended with this many bytes of a request unanswered (0: between requests).
    case endOfStream(pending: Int)

    public var description: String {
        switch self {
        case let .head(head, start): "head at \(start): \(head)"
        case let .failed(error, start): "failed at \(start): \(error)"
        case let .endOfStream(pending): "end of stream, \(pending) bytes pending"
        }
    }
}

/// The demo service's `HTTPRequestParser`, offered the unconsumed bytes each time a piece arrives, as
/// `EventLoop.process` does: complete heads frame their `Content-Length` body, pipelined requests follow, a
/// rejection or `Connection: close` ends the stream.
///
/// Input: a `SplitPlan`; flag bit 7 set chooses small limits (head: 16 + 4 × bits 0–5, body: 16), clear the
/// service's defaults (8192 and 65536). Properties: a head is no longer than the bytes offered nor the head limit,
/// at least 4 bytes; `Content-Length` is within 0...limit; the transcript is the same whole, split as the input
/// says, and one byte at a time (the parser's documented promise).
public enum RequestParserCheck {
    public static func check<Parser: RequestHeadParser>(_ input: [UInt8], parser: Parser.Type) -> PropertyFailure? {
        let plan = SplitPlan(input)
        let small = plan.flags & 0x80 != 0
        let maxHead = small ? 16 + 4 * Int(plan.flags & 0x3F) : 8192
        let maxBody = small ? 16 : 65536
        return SplitInvariance.check(plan.stream, lengths: plan.lengths) {
            (pieces) throws(PropertyFailure) -> [RequestEntry] in
            try transcript(pieces, parser: Parser(maxHeadBytes: maxHead, maxBodyBytes: maxBody))
        }
    }

    /// Feeds `pieces` in order and records what the parser reported; checks the per-call properties.
    public static func transcript<Parser: RequestHeadParser>(_ pieces: [ArraySlice<UInt8>], parser: Parser)
        throws(PropertyFailure) -> [RequestEntry]
    {
        var parser = parser
        let limits = (head: parser.maxHeadBytes, body: parser.maxBodyBytes)
        var buffer: [UInt8] = []
        var start = 0 // stream offset of buffer[0]
        var pending: HTTPRequestHead?
        var entries: [RequestEntry] = []
        for piece in pieces {
            buffer.append(contentsOf: piece)
            var offset = 0
            processing: while offset < buffer.count {
                let head: HTTPRequestHead
                if let waiting = pending {
                    head = waiting
                } else {
                    let outcome = buffer.withUnsafeBufferPointer {
                        parser.parse(UnsafeBufferPointer(rebasing: $0[offset...]))
                    }
                    switch outcome {
                    case .incomplete:
                        break processing
                    case .failed(let error):
                        entries.append(.failed(error, start: start + offset))
                        return entries
                    case .complete(let parsed):
                        try checkBounds(parsed, offered: buffer.count - offset, limits: limits)
                        head = parsed
                        parser.reset()
                        entries.append(.head(parsed, start: start + offset))
                    }
                }
                let length = head.headLength + head.contentLength
                guard buffer.count - offset >= length else {
                    pending = head
                    break processing
                }
                pending = nil
                offset += length
                if !head.keepAlive { return entries }
            }
            buffer.removeFirst(offset)
            start += offset
        }
        entries.append(.endOfStream(pending: buffer.count))
        return entries
    }

    static func checkBounds(_ head: HTTPRequestHead, offered: Int, limits: (head: Int, body: Int))
        throws(PropertyFailure)
    {
        guard head.headLength <= offered else {
            throw PropertyFailure("a head of \(head.headLength) bytes, longer than the \(offered) bytes offered")
        }
        guard head.headLength >= 4 else { throw PropertyFailure("a head of \(head.headLength) bytes, below 4") }
        guard head.contentLength >= 0 else { throw PropertyFailure("a negative Content-Length \(head.contentLength)") }
        if head.headLength > limits.head || head.contentLength > limits.body {
            throw PropertyFailure(
                "head \(head.headLength) bytes, body \(head.contentLength): over the limits \(limits.head), "
                    + "\(limits.body)")
        }
    }
}

extension FuzzTarget {
    public static let httpRequest = FuzzTarget(
        name: "http-request",
        summary: "the demo service's HTTPRequestParser on pipelined requests cut where the input says; bounds, split "
            + "invariance"
    ) { RequestParserCheck.check($0, parser: HTTPRequestParser.self) }
}
