import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An incremental HTTP/1.x response parser that never buffers or allocates.
///
/// Feed it bytes as they arrive, in pieces of any size; it keeps its place between calls. It reads what
/// a load generator needs: the status code, whether the connection stays open, and where each response
/// ends (`Content-Length`, chunked, or close-delimited bodies; interim `1xx` responses are skipped).
/// Headers it does not need are skipped with `memchr`, bodies are skipped by length.
///
/// ```swift
/// var parser = HTTPResponseParser()
/// var offset = 0
/// while offset < buffer.count {
///     let step = parser.parse(UnsafeRawBufferPointer(rebasing: buffer[offset...]), headRequest: false)
///     offset += step.consumed
///     if step.event == .response { print(parser.statusCode) } else { break }
/// }
/// ```
public struct HTTPResponseParser: Sendable {
    /// What `parse` found.
    public enum Event: UInt8, Sendable {
        /// Every byte was consumed and the current response is not complete yet.
        case needMoreData
        /// A response ended after `consumed` bytes; read `statusCode` and `keepAlive`.
        case response
        /// The bytes are not a valid response; `malformedReason` says why. Start a new connection.
        case malformed
        /// The stream ended in the middle of a response (only from `finishAtEndOfStream`).
        case truncated
    }

    /// The result of one `parse` call.
    public struct Step: Sendable, Equatable {
        /// Bytes consumed from the buffer given.
        public var consumed: Int
        /// What was found.
        public var event: Event
    }

    /// The most bytes of status line and headers accepted before a response is called malformed.
    public static let maximumHeaderBytes = 65_536

    /// The status code of the last complete response (or of the one in progress).
    public internal(set) var statusCode = 0
    /// Whether the connection may carry another response after the last complete one.
    public internal(set) var keepAlive = true
    /// Why the last `.malformed` event was returned.
    public internal(set) var malformedReason: StaticString = ""

    var state = State.statusPrefix
    var position = 0
    var headerBytes = 0
    var minorVersion = 1
    var contentLength: UInt64 = 0
    var hasContentLength = false
    var chunked = false
    var closeRequested = false
    var keepAliveRequested = false
    var candidates: UInt8 = 0
    var tokenState = 0
    var remaining: UInt64 = 0
    var sawDigit = false

    /// Creates a parser waiting for the first byte of a response.
    public init() {}

    /// Whether the parser is between responses (no byte of a response has been read).
    public var isIdle: Bool { state == .statusPrefix && position == 0 }

    enum State: UInt8 {
        case statusPrefix, statusMinor, statusSpace, statusCode, statusAfterCode, skipStatusLine
        case lineStart, lineEndLF, headerName, skipName, skipLine
        case valueContentLength, valueTransferEncoding, valueConnection
        case bodyFixed, bodyUntilClose
        case chunkSize, chunkExtension, chunkSizeLF, chunkData, chunkDataCR, chunkDataLF
        case trailerLineStart, trailerEndLF, skipTrailer
    }

    static let contentLengthMask: UInt8 = 1
    static let transferEncodingMask: UInt8 = 2
    static let connectionMask: UInt8 = 4

    /// Parses as much of `bytes` as belongs to the current response.
    ///
    /// - Parameter headRequest: whether the response answers a `HEAD` request (it then has no body
    ///   whatever its headers say); read when the headers end.
    /// - Returns: the bytes consumed and the event: `.response` stops right after the end of one response
    ///   (call again with the rest), `.needMoreData` consumed everything, `.malformed` stops at the
    ///   offending byte.
    /// - Complexity: O(*n*) in the bytes consumed; header lines that are not needed and bodies are
    ///   skipped without a per-byte loop.
    public mutating func parse(_ bytes: UnsafeRawBufferPointer, headRequest: Bool) -> Step {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), !bytes.isEmpty else {
            return Step(consumed: 0, event: .needMoreData)
        }
        let count = bytes.count
        var index = 0
        while index < count {
            if state.rawValue < State.bodyFixed.rawValue {
                // Status line and headers: bounded so that garbage cannot keep the parser reading forever.
                headerBytes += 1
                if headerBytes > HTTPResponseParser.maximumHeaderBytes {
                    return fail(at: index, "the status line and headers exceed 65536 bytes")
                }
            }
            let byte = base[index]
            switch state {
            case .statusPrefix:
                guard byte == HTTPResponseParser.statusPrefixByte(position) else {
                    return fail(at: index, "the response does not start with HTTP/1.")
                }
                position += 1
                if position == HTTPResponseParser.statusPrefixLength { state = .statusMinor }
            case .statusMinor:
                guard byte == UInt8(ascii: "0") || byte == UInt8(ascii: "1") else {
                    return fail(at: index, "the HTTP version is not 1.0 or 1.1")
                }
                minorVersion = Int(byte - UInt8(ascii: "0"))
                state = .statusSpace
            case .statusSpace:
                guard byte == UInt8(ascii: " ") else { return fail(at: index, "no space after the HTTP version") }
                statusCode = 0
                position = 0
                state = .statusCode
            case .statusCode:
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                    return fail(at: index, "the status code is not three digits")
                }
                statusCode = statusCode * 10 + Int(byte - UInt8(ascii: "0"))
                position += 1
                if position == 3 { state = .statusAfterCode }
            case .statusAfterCode:
                if byte == UInt8(ascii: " ") {
                    state = .skipStatusLine
                } else if byte == UInt8(ascii: "\r") {
                    state = .skipStatusLine
                } else if byte == UInt8(ascii: "\n") {
                    state = .lineStart
                } else {
                    return fail(at: index, "the status code is not three digits")
                }
            case .skipStatusLine, .skipLine, .skipTrailer:
                let rest = count - index
                let newline = memchr(base + index, Int32(UInt8(ascii: "\n")), rest)
                // The bytes after `index` this step skips (through the LF, if found): past the limit, fail at the
                // byte that crosses it, as the byte-by-byte states do, however the stream was split.
                let skipped = newline.map { UnsafeRawPointer($0) - UnsafeRawPointer(base + index) } ?? rest - 1
                if state != .skipTrailer, headerBytes + skipped > HTTPResponseParser.maximumHeaderBytes {
                    let offending = index + HTTPResponseParser.maximumHeaderBytes - headerBytes + 1
                    return fail(at: offending, "the status line and headers exceed 65536 bytes")
                }
                guard newline != nil else {
                    headerBytes += skipped
                    index = count
                    continue
                }
                headerBytes += skipped
                index += skipped
                state = state == .skipTrailer ? .trailerLineStart : .lineStart
            case .lineStart:
                if byte == UInt8(ascii: "\r") {
                    state = .lineEndLF
                } else if byte == UInt8(ascii: "\n") {
                    if let step = headersEnded(at: index + 1, headRequest: headRequest) { return step }
                } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: ":") {
                    return fail(at: index, "a header line starts with whitespace or a colon")
                } else {
                    position = 0
                    candidates =
                        HTTPResponseParser.contentLengthMask | HTTPResponseParser.transferEncodingMask
                        | HTTPResponseParser.connectionMask
                    state = .headerName
                    headerBytes -= 1 // the byte is read again, and counted again, as the name's first
                    continue
                }
            case .lineEndLF:
                guard byte == UInt8(ascii: "\n") else { return fail(at: index, "a CR is not followed by LF") }
                if let step = headersEnded(at: index + 1, headRequest: headRequest) { return step }
            case .headerName:
                if byte == UInt8(ascii: ":") {
                    state = valueState()
                    tokenState = 0
                    sawDigit = false
                    if state == .valueContentLength, hasContentLength {
                        // A repeated Content-Length must repeat the value; keep the first to compare.
                        remaining = contentLength
                        contentLength = 0
                    } else {
                        remaining = .max
                    }
                } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                    return fail(at: index, "a header line has no colon")
                } else {
                    matchName(byte | 0x20)
                    position += 1
                    if candidates == 0 { state = .skipName }
                }
            case .skipName:
                // A header the parser does not need: its name still has to end with a colon.
                if byte == UInt8(ascii: ":") {
                    state = .skipLine
                } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                    return fail(at: index, "a header line has no colon")
                }
            case .valueContentLength:
                if let failure = contentLengthByte(byte, at: index) { return failure }
            case .valueTransferEncoding:
                transferEncodingByte(byte)
                if byte == UInt8(ascii: "\n") {
                    chunked = tokenState == HTTPResponseParser.chunkedLength
                    state = .lineStart
                }
            case .valueConnection:
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") {
                    finishConnectionToken()
                    tokenState = 0
                    if byte == UInt8(ascii: "\n") { state = .lineStart }
                } else {
                    connectionTokenByte(byte | 0x20)
                }
            case .bodyFixed:
                let available = UInt64(count - index)
                if available >= remaining {
                    index += Int(remaining)
                    remaining = 0
                    return complete(at: index)
                }
                remaining -= available
                index = count
                continue
            case .bodyUntilClose:
                index = count
                continue
            case .chunkSize:
                guard let digit = ASCII.hexValue(byte) else {
                    if !sawDigit { return fail(at: index, "a chunk size is not hexadecimal") }
                    if byte == UInt8(ascii: "\r") {
                        state = .chunkSizeLF
                    } else if byte == UInt8(ascii: "\n") {
                        chunkSizeEnded()
                    } else if byte == UInt8(ascii: ";") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                        state = .chunkExtension
                    } else {
                        return fail(at: index, "a chunk size is not hexadecimal")
                    }
                    index += 1
                    continue
                }
                guard remaining >> 60 == 0 else { return fail(at: index, "a chunk size is too large") }
                remaining = remaining << 4 | UInt64(digit)
                sawDigit = true
            case .chunkExtension:
                if byte == UInt8(ascii: "\n") {
                    chunkSizeEnded()
                } else if byte == UInt8(ascii: "\r") {
                    state = .chunkSizeLF
                }
            case .chunkSizeLF:
                guard byte == UInt8(ascii: "\n") else { return fail(at: index, "a CR is not followed by LF") }
                chunkSizeEnded()
            case .chunkData:
                let available = UInt64(count - index)
                if available >= remaining {
                    index += Int(remaining)
                    remaining = 0
                    state = .chunkDataCR
                } else {
                    remaining -= available
                    index = count
                }
                continue
            case .chunkDataCR:
                if byte == UInt8(ascii: "\r") {
                    state = .chunkDataLF
                } else if byte == UInt8(ascii: "\n") {
                    startChunkSize()
                } else {
                    return fail(at: index, "chunk data is not followed by CRLF")
                }
            case .chunkDataLF:
                guard byte == UInt8(ascii: "\n") else { return fail(at: index, "chunk data is not followed by CRLF") }
                startChunkSize()
            case .trailerLineStart:
                if byte == UInt8(ascii: "\r") {
                    state = .trailerEndLF
                } else if byte == UInt8(ascii: "\n") {
                    return complete(at: index + 1)
                } else {
                    state = .skipTrailer
                    continue
                }
            case .trailerEndLF:
                guard byte == UInt8(ascii: "\n") else { return fail(at: index, "a CR is not followed by LF") }
                return complete(at: index + 1)
            }
            index += 1
        }
        return Step(consumed: count, event: .needMoreData)
    }

    /// Tells the parser that the stream ended (the peer closed the connection).
    ///
    /// - Returns: `.response` when a close-delimited body was in progress (it is now complete),
    ///   `.needMoreData` when the parser was between responses, `.truncated` otherwise.
    public mutating func finishAtEndOfStream() -> Event {
        if state == .bodyUntilClose {
            keepAlive = false
            reset()
            return .response
        }
        if isIdle { return .needMoreData }
        reset()
        return .truncated
    }

    /// Forgets any response in progress, ready for a new connection.
    public mutating func reset() {
        state = .statusPrefix
        position = 0
        headerBytes = 0
        minorVersion = 1
        contentLength = 0
        hasContentLength = false
        chunked = false
        closeRequested = false
        keepAliveRequested = false
        remaining = 0
        sawDigit = false
    }
}
