import Testing

@testable import LoadGen

/// What feeding a byte stream to the parser produced.
private struct Parsed: Equatable {
    var responses: [Response] = []
    var end: HTTPResponseParser.Event = .needMoreData
    var reason = ""

    struct Response: Equatable {
        var status: Int
        var keepAlive: Bool
    }
}

/// Feeds `chunks` in order, then ends the stream when `close` is set.
private func feed(_ chunks: [[UInt8]], head: Bool = false, close: Bool = false) -> Parsed {
    var parser = HTTPResponseParser()
    var parsed = Parsed()
    for chunk in chunks {
        var offset = 0
        while offset < chunk.count {
            let step = chunk.withUnsafeBytes {
                parser.parse(UnsafeRawBufferPointer(rebasing: $0[offset...]), headRequest: head)
            }
            offset += step.consumed
            switch step.event {
            case .response:
                parsed.responses.append(.init(status: parser.statusCode, keepAlive: parser.keepAlive))
            case .needMoreData:
                #expect(offset == chunk.count)
            case .malformed, .truncated:
                parsed.end = step.event
                parsed.reason = "\(parser.malformedReason)"
                return parsed
            }
        }
    }
    if close {
        let event = parser.finishAtEndOfStream()
        if event == .response {
            parsed.responses.append(.init(status: parser.statusCode, keepAlive: parser.keepAlive))
        } else {
            parsed.end = event
        }
    }
    return parsed
}

/// Every way of cutting `bytes` in two, plus one byte at a time.
private func splits(_ bytes: [UInt8]) -> [[[UInt8]]] {
    var result = (0...bytes.count).map { [Array(bytes[..<$0]), Array(bytes[$0...])] }
    result.append(bytes.map { [$0] })
    return result
}

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

private let contentLength =
    "HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Length: 6\r\nContent-Type: text/plain\r\n\r\nhello\n"
private let chunked =
    "HTTP/1.1 201 Created\r\ntransfer-ENCODING: gzip, chunked\r\n\r\n3;ext=1\r\nhel\r\n3\r\nlo\n\r\n0\r\nTrailer: x\r\n\r\n"
private let closing = "HTTP/1.1 503 Unavailable\r\nConnection: close\r\nContent-Length: 2\r\n\r\nno"
private let closeDelimited = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end"

@Suite struct HTTPResponseParserTests {
    @Test func contentLengthResponseIsParsedAtEverySplit() {
        for chunks in splits(bytes(contentLength)) {
            #expect(feed(chunks) == Parsed(responses: [.init(status: 200, keepAlive: true)]))
        }
    }

    @Test func chunkedResponseWithExtensionsAndTrailersIsParsedAtEverySplit() {
        for chunks in splits(bytes(chunked)) {
            #expect(feed(chunks) == Parsed(responses: [.init(status: 201, keepAlive: true)]))
        }
    }

    @Test func pipelinedResponsesAreSeparatedAtEverySplit() {
        let stream = bytes(contentLength + chunked + "HTTP/1.1 100 Continue\r\n\r\n" + contentLength + closing)
        let expected = Parsed(responses: [
            .init(status: 200, keepAlive: true), .init(status: 201, keepAlive: true),
            .init(status: 200, keepAlive: true), .init(status: 503, keepAlive: false),
        ])
        for chunks in splits(stream) { #expect(feed(chunks) == expected) }
    }

    @Test func closeDelimitedBodyCompletesOnlyAtEndOfStream() {
        for chunks in splits(bytes(closeDelimited)) {
            #expect(feed(chunks) == Parsed())
            #expect(feed(chunks, close: true) == Parsed(responses: [.init(status: 200, keepAlive: false)]))
        }
    }

    @Test func endOfStreamInsideAResponseIsTruncation() {
        let text = bytes(contentLength)
        for cut in 1..<text.count {
            #expect(feed([Array(text[..<cut])], close: true).end == .truncated)
        }
        #expect(feed([], close: true) == Parsed())
    }

    @Test func headResponseHasNoBodyDespiteContentLength() {
        let head = bytes("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\n") + bytes(contentLength)
        var parser = HTTPResponseParser()
        let first = head.withUnsafeBytes { parser.parse($0, headRequest: true) }
        #expect(first.event == .response)
        #expect(first.consumed == 38)
    }

    @Test func noContentAndNotModifiedHaveNoBody() {
        let stream = bytes("HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 304 Not Modified\r\nContent-Length: 9\r\n\r\n")
        for chunks in splits(stream) {
            #expect(
                feed(chunks)
                    == Parsed(responses: [.init(status: 204, keepAlive: true), .init(status: 304, keepAlive: true)]))
        }
    }

    @Test func http10KeepsAliveOnlyWhenAsked() {
        let stream = bytes(
            "HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n"
                + "HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n")
        #expect(
            feed([stream])
                == Parsed(responses: [.init(status: 200, keepAlive: true), .init(status: 200, keepAlive: false)]))
    }

    @Test func malformedResponsesAreRejectedWithTheReasonAtEverySplit() {
        let cases: [(String, String)] = [
            ("HTTX/1.1 200 OK\r\n\r\n", "the response does not start with HTTP/1."),
            ("HTTP/2.0 200 OK\r\n\r\n", "the response does not start with HTTP/1."),
            ("HTTP/1.1 2x0 OK\r\n\r\n", "the status code is not three digits"),
            ("HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n", "Content-Length is not a number"),
            (
                "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
                "two Content-Length headers disagree"
            ),
            ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "a chunk size is not hexadecimal"),
            ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabX", "chunk data is not followed by CRLF"),
            ("HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n", "a header line has no colon"),
        ]
        for (text, reason) in cases {
            for chunks in splits(bytes(text)) {
                let parsed = feed(chunks)
                #expect(parsed.end == .malformed, "\(text)")
                #expect(parsed.reason == reason)
            }
        }
    }

    @Test func endlessHeadersAreMalformed() {
        let stream = bytes("HTTP/1.1 200 OK\r\nX-Filler: ") + [UInt8](repeating: UInt8(ascii: "a"), count: 70_000)
        let parsed = feed([stream])
        #expect(parsed.end == .malformed)
        #expect(parsed.reason == "the status line and headers exceed 65536 bytes")
    }

    @Test func chunkedWinsOnlyAsTheLastCoding() {
        let text = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\nbody"
        #expect(feed([bytes(text)], close: true) == Parsed(responses: [.init(status: 200, keepAlive: false)]))
    }
}
