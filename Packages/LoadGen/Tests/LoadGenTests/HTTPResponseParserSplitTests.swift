import LoadGen
import Testing

/// Where `HTTPResponseParser` rejects a head over the limit must not depend on how the stream was split; the
/// http-response fuzz target's split-invariance check found that a long header line read in one piece was
/// rejected only after its LF (perf/README.md, "fuzzing").
@Suite struct HTTPResponseParserSplitTests {
    /// Feeds `stream` in pieces of `size` until `.malformed`; returns the stream offset it stopped at.
    static func malformedOffset(_ stream: [UInt8], pieces size: Int) -> Int? {
        var parser = HTTPResponseParser()
        var start = 0
        while start < stream.count {
            let end = min(stream.count, start + size)
            var offset = start
            while offset < end {
                let step = stream[offset..<end].withUnsafeBytes { parser.parse($0, headRequest: false) }
                offset += step.consumed
                if step.event == .malformed { return offset }
                if step.event == .needMoreData { break }
            }
            start = end
        }
        return nil
    }

    @Test(arguments: [1, 100, 4096, 65_536, 1 << 20])
    func aHeadOverTheLimitIsRejectedAtTheByteThatCrossesIt(_ size: Int) {
        let head = Array("HTTP/1.1 200 OK\r\nX-Filler: ".utf8)
        let longLine = head + [UInt8](repeating: UInt8(ascii: "a"), count: 70_000) + Array("\r\n\r\n".utf8)
        #expect(Self.malformedOffset(longLine, pieces: size) == HTTPResponseParser.maximumHeaderBytes)
        let manyLines =
            head + [UInt8](repeating: UInt8(ascii: "a"), count: 65_500) + Array("\r\nX: ".utf8)
            + [UInt8](repeating: UInt8(ascii: "b"), count: 100) + Array("\r\n\r\n".utf8)
        #expect(Self.malformedOffset(manyLines, pieces: size) == HTTPResponseParser.maximumHeaderBytes)
    }
}
