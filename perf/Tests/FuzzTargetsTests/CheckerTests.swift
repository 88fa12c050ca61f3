import DemoService
import FuzzTargets
import LoadGen
import PerfResult
import Testing

/// The checks themselves: each reports a failure when handed a parser (or codec) that breaks its property.
@Suite struct SplitCheckerTests {
    @Test func aPlanRoundTripsAndCutsTheStreamCyclically() {
        let plan = SplitPlan(flags: 1, lengths: [2, 3], stream: Array("abcdefghij".utf8))
        #expect(SplitPlan(plan.encoded) == plan)
        let pieces = SplitPlan.pieces(of: plan.stream, lengths: plan.lengths).map {
            String(decoding: $0, as: UTF8.self)
        }
        #expect(pieces == ["ab", "cde", "fg", "hij"])
        #expect(SplitPlan([]) == SplitPlan(flags: 0, lengths: [], stream: []))
        #expect(SplitPlan([0, 5, 1]) == SplitPlan(flags: 0, lengths: [2], stream: []))
    }

    @Test func splitInvarianceFailsWhenTheTranscriptDependsOnTheCuts() {
        let stream = Array("abcdef".utf8)
        let invariant = SplitInvariance.check(stream, lengths: [2]) { pieces in [pieces.joined().count] }
        #expect(invariant == nil)
        let variant = SplitInvariance.check(stream, lengths: [2]) { pieces in [pieces.count] }
        #expect(variant?.description.contains("split [2]") == true)
        let perByte = SplitInvariance.check(stream, lengths: []) { pieces in [pieces.count > 3] }
        #expect(perByte?.description.contains("one byte at a time") == true)
    }
}

/// A response parser that reports one response per call, claiming `overclaim` more bytes than it was given.
struct OverclaimingParser: ResponseStreamParser {
    var statusCode = 200
    var keepAlive = true
    var malformedReason: StaticString = ""
    var overclaim = 1
    init() {}
    mutating func feed(_ bytes: UnsafeRawBufferPointer, headRequest: Bool) -> (
        consumed: Int, event: HTTPResponseParser.Event
    ) {
        (bytes.count + overclaim, .response)
    }
    mutating func finishAtEndOfStream() -> HTTPResponseParser.Event { .needMoreData }
}

/// A response parser that forgets everything between calls: a response only when one call sees all of it.
struct ForgetfulParser: ResponseStreamParser {
    var statusCode = 0
    var keepAlive = true
    var malformedReason: StaticString = ""
    init() {}
    mutating func feed(_ bytes: UnsafeRawBufferPointer, headRequest: Bool) -> (
        consumed: Int, event: HTTPResponseParser.Event
    ) {
        var real = HTTPResponseParser()
        let step = real.parse(bytes, headRequest: headRequest)
        statusCode = real.statusCode
        return step.event == .response ? (step.consumed, .response) : (bytes.count, .needMoreData)
    }
    mutating func finishAtEndOfStream() -> HTTPResponseParser.Event { .needMoreData }
}

@Suite struct ResponseCheckerTests {
    static let response = Array("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".utf8)

    @Test func theRealParserKeepsThePropertiesOnAPipelinedStream() {
        let input = SplitPlan(flags: 0, lengths: [3, 1], stream: Self.response + Self.response).encoded
        #expect(ResponseParserCheck.check(input, parser: HTTPResponseParser.self) == nil)
    }

    @Test func consumingMoreThanGivenFails() {
        let input = SplitPlan(flags: 0, lengths: [], stream: Self.response).encoded
        let failure = ResponseParserCheck.check(input, parser: OverclaimingParser.self)
        #expect(failure?.description.contains("consumed \(Self.response.count + 1) bytes of the") == true)
    }

    @Test func aParserThatDependsOnTheCutsFails() {
        let input = SplitPlan(flags: 0, lengths: [5], stream: Self.response).encoded
        let failure = ResponseParserCheck.check(input, parser: ForgetfulParser.self)
        #expect(failure?.description.contains("fed split [5]") == true)
    }
}

/// A request parser that claims a head longer than the bytes offered.
struct LongHeadParser: RequestHeadParser {
    let maxHeadBytes: Int
    let maxBodyBytes: Int
    init(maxHeadBytes: Int, maxBodyBytes: Int) {
        self.maxHeadBytes = maxHeadBytes
        self.maxBodyBytes = maxBodyBytes
    }
    mutating func parse(_ buffer: UnsafeBufferPointer<UInt8>) -> HTTPParseOutcome {
        .complete(HTTPRequestHead(method: .get, route: .health, headLength: buffer.count + 1))
    }
    mutating func reset() {}
}

/// A request parser that rejects a head it sees in pieces shorter than 8 bytes, instead of waiting for more.
struct ImpatientParser: RequestHeadParser {
    var real: HTTPRequestParser
    var maxHeadBytes: Int { real.maxHeadBytes }
    var maxBodyBytes: Int { real.maxBodyBytes }
    init(maxHeadBytes: Int, maxBodyBytes: Int) {
        real = HTTPRequestParser(maxHeadBytes: maxHeadBytes, maxBodyBytes: maxBodyBytes)
    }
    mutating func parse(_ buffer: UnsafeBufferPointer<UInt8>) -> HTTPParseOutcome {
        buffer.count < 8 ? .failed(.invalidRequestLine) : real.parse(buffer)
    }
    mutating func reset() { real.reset() }
}

@Suite struct RequestCheckerTests {
    static let requests = Array("GET /health HTTP/1.1\r\n\r\nPOST /login HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}".utf8)

    @Test func theRealParserKeepsThePropertiesOnPipelinedRequests() {
        let input = SplitPlan(flags: 0, lengths: [7, 2], stream: Self.requests).encoded
        #expect(RequestParserCheck.check(input, parser: HTTPRequestParser.self) == nil)
    }

    @Test func aHeadLongerThanTheBytesOfferedFails() {
        let input = SplitPlan(flags: 0, lengths: [], stream: Self.requests).encoded
        let failure = RequestParserCheck.check(input, parser: LongHeadParser.self)
        #expect(failure?.description.contains("longer than the \(Self.requests.count) bytes offered") == true)
    }

    @Test func aParserThatDependsOnTheCutsFails() {
        let input = SplitPlan(flags: 0, lengths: [], stream: Self.requests).encoded
        let failure = RequestParserCheck.check(input, parser: ImpatientParser.self)
        #expect(failure?.description.contains("one byte at a time") == true)
    }
}
