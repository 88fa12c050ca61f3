import Testing

@testable import DemoService

@Suite struct HTTPRequestParserTests {
    static let maxHead = 256
    static let maxBody = 1000

    static func parse(_ bytes: [UInt8]) -> HTTPParseOutcome {
        var parser = HTTPRequestParser(maxHeadBytes: maxHead, maxBodyBytes: maxBody)
        return bytes.withUnsafeBufferPointer { parser.parse($0) }
    }

    static func parse(_ text: String) -> HTTPParseOutcome { parse(Array(text.utf8)) }

    static let malformed: [(String, HTTPParseError)] = [
        ("GET /health HTTP/1.1\nHost: x\r\n\r\n", .bareLineFeed),
        ("\nGET /health HTTP/1.1\r\n\r\n", .bareLineFeed),
        ("GET  /health HTTP/1.1\r\n\r\n", .invalidRequestLine),
        ("GET /health HTTP/1.1 \r\n\r\n", .invalidRequestLine),
        ("GET http://host/health HTTP/1.1\r\n\r\n", .invalidRequestLine),
        ("G(T /health HTTP/1.1\r\n\r\n", .invalidRequestLine),
        ("GET /health FTP/1.1\r\n\r\n", .invalidRequestLine),
        ("GET /he\u{7F}lth HTTP/1.1\r\n\r\n", .invalidRequestLine),
        ("\u{0}\u{1}\u{2}\r\n\r\n", .invalidRequestLine),
        ("GET /health HTTP/2.0\r\n\r\n", .unsupportedVersion),
        ("GET /health HTTP/1.2\r\n\r\n", .unsupportedVersion),
        ("GET /health HTTP/1.1\r\nHost : x\r\n\r\n", .invalidHeader),
        ("GET /health HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", .invalidHeader),
        ("GET /health HTTP/1.1\r\nX: a\u{1}b\r\n\r\n", .invalidHeader),
        ("GET /health HTTP/1.1\r\nX: a\rb\r\n\r\n", .invalidHeader),
        ("GET /health HTTP/1.1\r\n: x\r\n\r\n", .invalidHeader),
        ("GET /health HTTP/1.1\r\nNoColon\r\n\r\n", .invalidHeader),
        ("POST /login HTTP/1.1\r\nContent-Length: 1x\r\n\r\n", .invalidContentLength),
        ("POST /login HTTP/1.1\r\nContent-Length: -1\r\n\r\n", .invalidContentLength),
        ("POST /login HTTP/1.1\r\nContent-Length:\r\n\r\n", .invalidContentLength),
        ("POST /login HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\n", .invalidContentLength),
        ("POST /login HTTP/1.1\r\nContent-Length: 99999999999999999999999999\r\n\r\n", .bodyTooLarge(limit: 1000)),
        ("POST /login HTTP/1.1\r\nContent-Length: 1001\r\n\r\n", .bodyTooLarge(limit: 1000)),
        ("POST /login HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", .unsupportedTransferEncoding),
        ("GET /health HTTP/1.1\r\nX: " + String(repeating: "a", count: 300) + "\r\n\r\n", .headTooLarge(limit: 256)),
    ]

    /// 101 header lines in a head well under the byte limit.
    static let tooManyLines = "GET / HTTP/1.1\r\n" + String(repeating: "A:\r\n", count: 101) + "\r\n"

    @Test(arguments: 0..<malformed.count)
    func malformedHeadIsRejectedWithItsError(_ index: Int) {
        let (text, error) = Self.malformed[index]
        #expect(Self.parse(text) == .failed(error), "\(text.debugDescription)")
    }

    @Test(arguments: 0..<malformed.count)
    func malformedHeadSplitAtEveryByteGivesTheSameOutcome(_ index: Int) {
        expectSplitInvariance(Array(Self.malformed[index].0.utf8), maxHead: Self.maxHead)
    }

    @Test func moreThanAHundredHeaderLinesIsTooLargeWhateverTheSplit() {
        var parser = HTTPRequestParser(maxHeadBytes: 2000, maxBodyBytes: Self.maxBody)
        let outcome = Array(Self.tooManyLines.utf8).withUnsafeBufferPointer { parser.parse($0) }
        #expect(outcome == .failed(.headTooLarge(limit: 2000)))
        expectSplitInvariance(Array(Self.tooManyLines.utf8), maxHead: 2000)
    }

    static let valid: [String] = [
        "GET /health HTTP/1.1\r\nHost: x\r\n\r\n",
        "\r\n\r\nGET /health?verbose=1 HTTP/1.0\r\n\r\n",
        "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n",
        "POST /login HTTP/1.1\r\ncontent-length: 5\r\nConnection: x, close\r\nExpect: 100-continue\r\n\r\nhello",
        "DELETE /messages HTTP/1.1\r\nX-Empty:\r\nX-Tab:\tvalue\t\r\n\r\n",
    ]

    @Test(arguments: 0..<valid.count)
    func validHeadSplitAtEveryByteGivesTheSameOutcome(_ index: Int) {
        expectSplitInvariance(Array(Self.valid[index].utf8), maxHead: Self.maxHead)
    }

    /// Offering any prefix first, then the whole input, gives the whole input's outcome; a prefix alone gives
    /// `.incomplete` or that same outcome.
    func expectSplitInvariance(_ bytes: [UInt8], maxHead: Int) {
        var reference = HTTPRequestParser(maxHeadBytes: maxHead, maxBodyBytes: Self.maxBody)
        let expected = bytes.withUnsafeBufferPointer { reference.parse($0) }
        for split in 0...bytes.count {
            var parser = HTTPRequestParser(maxHeadBytes: maxHead, maxBodyBytes: Self.maxBody)
            let first = Array(bytes[0..<split]).withUnsafeBufferPointer { parser.parse($0) }
            #expect(first == .incomplete || first == expected, "prefix of \(split) bytes gave \(first)")
            if first == .incomplete {
                #expect(bytes.withUnsafeBufferPointer { parser.parse($0) } == expected, "split at \(split)")
            }
        }
        var byteByByte = HTTPRequestParser(maxHeadBytes: maxHead, maxBodyBytes: Self.maxBody)
        var outcome = HTTPParseOutcome.incomplete
        for end in 1...bytes.count where outcome == .incomplete {
            outcome = Array(bytes[0..<end]).withUnsafeBufferPointer { byteByByte.parse($0) }
        }
        #expect(outcome == expected, "fed one byte at a time")
    }

    @Test func simpleGetIsParsedWithKeepAlive() {
        #expect(
            Self.parse("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
                == .complete(HTTPRequestHead(method: .get, route: .health, headLength: 33)))
    }

    @Test func leadingEmptyLinesAreSkippedAndHttp10ClosesByDefault() {
        #expect(
            Self.parse("\r\n\r\nGET /health?verbose=1 HTTP/1.0\r\n\r\n")
                == .complete(
                    HTTPRequestHead(method: .get, route: .health, isHTTP11: false, keepAlive: false, headLength: 38)))
    }

    @Test func http10KeepAliveIsHonoured() {
        guard case .complete(let head) = Self.parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") else {
            Issue.record("not complete")
            return
        }
        #expect(head.keepAlive && !head.isHTTP11 && head.route == .unknown)
    }

    @Test func postHeadCarriesLengthCloseAndExpectContinue() {
        let text =
            "POST /login HTTP/1.1\r\ncontent-length: 5\r\nConnection: x, close\r\nExpect: 100-continue\r\n\r\nhello"
        #expect(
            Self.parse(text)
                == .complete(
                    HTTPRequestHead(
                        method: .post, route: .login, contentLength: 5, keepAlive: false, expectsContinue: true,
                        headLength: text.utf8.count - 5)))
    }

    @Test func unknownMethodsAndPathsAreStillParsed() {
        guard case .complete(let head) = Self.parse("DELETE /messages/1 HTTP/1.1\r\n\r\n") else {
            Issue.record("not complete")
            return
        }
        #expect(head.method == .other && head.route == .unknown)
    }

    @Test func pipelinedRequestsAreParsedOneAfterAnother() {
        let first = "POST /messages HTTP/1.1\r\nContent-Length: 2\r\n\r\n[]"
        let second = "GET /health HTTP/1.1\r\n\r\n"
        let bytes = Array((first + second).utf8)
        var parser = HTTPRequestParser(maxHeadBytes: Self.maxHead, maxBodyBytes: Self.maxBody)
        guard case .complete(let head) = bytes.withUnsafeBufferPointer({ parser.parse($0) }) else {
            Issue.record("first request not complete")
            return
        }
        #expect(head.route == .messages && head.contentLength == 2)
        parser.reset()
        let rest = Array(bytes[(head.headLength + head.contentLength)...])
        #expect(
            rest.withUnsafeBufferPointer { parser.parse($0) }
                == .complete(HTTPRequestHead(method: .get, route: .health, headLength: second.utf8.count)))
    }

    @Test func aHeadWithoutItsEmptyLineIsIncomplete() {
        #expect(Self.parse("GET /health HTTP/1.1\r\nHost: x\r\n") == .incomplete)
        #expect(Self.parse("") == .incomplete)
        #expect(Self.parse("\r") == .incomplete)
    }

    @Test func errorsMapToTheirStatusAndMessage() {
        #expect(HTTPParseError.headTooLarge(limit: 8192).status == .requestHeaderFieldsTooLarge)
        #expect(
            HTTPParseError.headTooLarge(limit: 8192).description
                == "request head exceeds 8192 bytes or 100 header lines")
        #expect(HTTPParseError.bodyTooLarge(limit: 10).status == .contentTooLarge)
        #expect(HTTPParseError.bodyTooLarge(limit: 10).description == "request body exceeds 10 bytes")
        #expect(HTTPParseError.unsupportedVersion.status == .httpVersionNotSupported)
        #expect(HTTPParseError.unsupportedTransferEncoding.status == .notImplemented)
        #expect(HTTPParseError.bareLineFeed.description == "a line ends with a bare LF; HTTP/1.1 lines end with CRLF")
        #expect(HTTPParseError.invalidHeader.status == .badRequest)
    }

    @Test func aParserWithoutRoomForARequestLineIsProgrammerMisuse() async {
        await #expect(processExitsWith: .failure) {
            _ = HTTPRequestParser(maxHeadBytes: 4, maxBodyBytes: 0)
        }
    }
}
