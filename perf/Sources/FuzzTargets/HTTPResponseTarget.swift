public import LoadGen

/// What the response checker needs of a parser: `HTTPResponseParser`'s API, so that tests can hand the checker
/// parsers that break a property on purpose.
public protocol ResponseStreamParser {
    init()
    var statusCode: Int { get }
    var keepAlive: Bool { get }
    var malformedReason: StaticString { get }
    /// `parse`: the bytes consumed and the event.
    mutating func feed(_ bytes: UnsafeRawBufferPointer, headRequest: Bool) -> (
        consumed: Int, event: HTTPResponseParser.Event
    )
    mutating func finishAtEndOfStream() -> HTTPResponseParser.Event
}

extension HTTPResponseParser: ResponseStreamParser {
    public mutating func feed(_ bytes: UnsafeRawBufferPointer, headRequest: Bool)
        -> (consumed: Int, event: HTTPResponseParser.Event)
    {
        let step = parse(bytes, headRequest: headRequest)
        return (step.consumed, step.event)
    }
}

/// One thing a response parser reported, at an offset of the whole stream.
public enum ResponseEntry: Equatable, Sendable, CustomStringConvertible {
    /// A complete response ending at `end`.
    case response(status: Int, keepAlive: Bool, end: Int)
    /// A malformed stream, rejected at `at`.
    case malformed(reason: String, at: Int)
    /// What `finishAtEndOfStream` said after the last byte.
    case endOfStream(HTTPResponseParser.Event, status: Int?)

    public var description: String {
        switch self {
        case let .response(status, keepAlive, end): "response \(status) keepAlive=\(keepAlive) ending at \(end)"
        case let .malformed(reason, at): "malformed at \(at): \(reason)"
        case let .endOfStream(event, status): "end of stream: \(event)\(status.map { " \($0)" } ?? "")"
        }
    }
}

/// LoadGen's `HTTPResponseParser`, fed as `WorkerLoop.consume` feeds it (each piece parsed until it is used up,
/// calling again after each response), then told the stream ended.
///
/// Input: a `SplitPlan`; flag bit 0 answers a `HEAD` request. Properties: every call consumes no more bytes than
/// it was given, `.needMoreData` consumes them all, `.response` consumes at least one, `parse` never returns
/// `.truncated`; the transcript is the same whole, split as the input says, and one byte at a time.
public enum ResponseParserCheck {
    public static func check<Parser: ResponseStreamParser>(_ input: [UInt8], parser: Parser.Type) -> PropertyFailure? {
        let plan = SplitPlan(input)
        let headRequest = plan.flags & 1 != 0
        return SplitInvariance.check(plan.stream, lengths: plan.lengths) {
            (pieces) throws(PropertyFailure) -> [ResponseEntry] in
            try transcript(pieces, headRequest: headRequest, parser: Parser.self)
        }
    }

    /// Feeds `pieces` in order and records what the parser reported; checks the per-call properties.
    public static func transcript<Parser: ResponseStreamParser>(
        _ pieces: [ArraySlice<UInt8>], headRequest: Bool, parser: Parser.Type
    ) throws(PropertyFailure) -> [ResponseEntry] {
        var parser = Parser()
        var entries: [ResponseEntry] = []
        var streamOffset = 0
        for piece in pieces {
            var offset = 0
            while offset < piece.count {
                let given = piece.count - offset
                let step = piece.withUnsafeBytes { bytes in
                    parser.feed(UnsafeRawBufferPointer(rebasing: bytes[offset...]), headRequest: headRequest)
                }
                guard step.consumed >= 0, step.consumed <= given else {
                    throw PropertyFailure(
                        "parse consumed \(step.consumed) bytes of the \(given) it was given (stream offset "
                            + "\(streamOffset + offset), event \(step.event))")
                }
                offset += step.consumed
                switch step.event {
                case .needMoreData:
                    guard offset == piece.count else {
                        throw PropertyFailure(
                            "needMoreData after consuming \(step.consumed) of \(given) bytes (stream offset "
                                + "\(streamOffset + offset))")
                    }
                case .response:
                    guard step.consumed > 0 else {
                        throw PropertyFailure("a response consumed no bytes (stream offset \(streamOffset + offset))")
                    }
                    guard (0...999).contains(parser.statusCode) else {
                        throw PropertyFailure("status \(parser.statusCode) is not three digits")
                    }
                    entries.append(
                        .response(status: parser.statusCode, keepAlive: parser.keepAlive, end: streamOffset + offset))
                case .malformed:
                    entries.append(.malformed(reason: "\(parser.malformedReason)", at: streamOffset + offset))
                    return entries
                case .truncated:
                    throw PropertyFailure("parse returned truncated (only finishAtEndOfStream may)")
                }
            }
            streamOffset += piece.count
        }
        let event = parser.finishAtEndOfStream()
        entries.append(.endOfStream(event, status: event == .response ? parser.statusCode : nil))
        return entries
    }
}

extension FuzzTarget {
    public static let httpResponse = FuzzTarget(
        name: "http-response",
        summary: "LoadGen's HTTPResponseParser on a byte stream cut where the input says; bounds and split invariance"
    ) { ResponseParserCheck.check($0, parser: HTTPResponseParser.self) }
}
