/// The pieces of `HTTPResponseParser.parse` that run once per header line, chunk or response.
extension HTTPResponseParser {
    static let statusPrefixLength = 7
    static let chunkedLength = 7

    @inline(__always)
    static func statusPrefixByte(_ index: Int) -> UInt8 {
        ("HTTP/1." as StaticString).utf8Start[index]
    }

    /// The lowercase header name of a candidate bit, and its length.
    @inline(__always)
    static func candidateName(_ mask: UInt8) -> (name: StaticString, length: Int) {
        switch mask {
        case contentLengthMask: return ("content-length", 14)
        case transferEncodingMask: return ("transfer-encoding", 17)
        default: return ("connection", 10)
        }
    }

    /// Narrows the candidate header names with the next lowercased byte of a name.
    @inline(__always)
    mutating func matchName(_ lower: UInt8) {
        var mask: UInt8 = 1
        while mask <= HTTPResponseParser.connectionMask {
            if candidates & mask != 0 {
                let (name, length) = HTTPResponseParser.candidateName(mask)
                if position >= length || name.utf8Start[position] != lower { candidates &= ~mask }
            }
            mask <<= 1
        }
    }

    /// The state that reads the value of the header whose name just ended, or `skipLine`.
    mutating func valueState() -> State {
        var mask: UInt8 = 1
        while mask <= HTTPResponseParser.connectionMask {
            if candidates & mask != 0, HTTPResponseParser.candidateName(mask).length == position {
                switch mask {
                case HTTPResponseParser.contentLengthMask:
                    return .valueContentLength
                case HTTPResponseParser.transferEncodingMask:
                    return .valueTransferEncoding
                default:
                    candidates = 3
                    return .valueConnection
                }
            }
            mask <<= 1
        }
        return .skipLine
    }

    mutating func contentLengthByte(_ byte: UInt8, at index: Int) -> Step? {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"):
            if sawDigit { tokenState = 1 }
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            if tokenState == 1 { return fail(at: index, "Content-Length is not a number") }
            guard contentLength <= (UInt64.max - 9) / 10 else { return fail(at: index, "Content-Length is too large") }
            contentLength = contentLength * 10 + UInt64(byte - UInt8(ascii: "0"))
            sawDigit = true
        case UInt8(ascii: "\r"):
            break
        case UInt8(ascii: "\n"):
            guard sawDigit else { return fail(at: index, "Content-Length is empty") }
            if hasContentLength, remaining != contentLength {
                return fail(at: index, "two Content-Length headers disagree")
            }
            hasContentLength = true
            state = .lineStart
        default:
            return fail(at: index, "Content-Length is not a number")
        }
        return nil
    }

    /// Tracks whether the last coding of a Transfer-Encoding value is `chunked`
    /// (`tokenState`: letters of "chunked" matched in the current coding, −1 when it cannot match).
    @inline(__always)
    mutating func transferEncodingByte(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: ","):
            tokenState = 0
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
            if tokenState > 0 && tokenState < HTTPResponseParser.chunkedLength { tokenState = -1 }
        default:
            if tokenState >= 0, tokenState < HTTPResponseParser.chunkedLength,
                ("chunked" as StaticString).utf8Start[tokenState] == byte | 0x20
            {
                tokenState += 1
            } else {
                tokenState = -1
            }
        }
    }

    /// Matches a lowercased byte of a Connection token against `close` (bit 1) and `keep-alive` (bit 2).
    @inline(__always)
    mutating func connectionTokenByte(_ lower: UInt8) {
        // Space, and tab after `| 0x20` (0x29), separate nothing inside a token: skip them.
        if lower == UInt8(ascii: " ") || lower == 0x29 { return }
        if candidates & 1 != 0, tokenState >= 5 || ("close" as StaticString).utf8Start[tokenState] != lower {
            candidates &= ~1
        }
        if candidates & 2 != 0, tokenState >= 10 || ("keep-alive" as StaticString).utf8Start[tokenState] != lower {
            candidates &= ~2
        }
        tokenState += 1
    }

    mutating func finishConnectionToken() {
        if candidates & 1 != 0, tokenState == 5 { closeRequested = true }
        if candidates & 2 != 0, tokenState == 10 { keepAliveRequested = true }
        candidates = 3
    }

    /// The headers ended just before `index`: decides how the body is delimited.
    mutating func headersEnded(at index: Int, headRequest: Bool) -> Step? {
        if statusCode >= 100, statusCode < 200, statusCode != 101 {
            // An interim response: the real one follows on the same connection.
            reset()
            return nil
        }
        keepAlive = minorVersion == 1 ? !closeRequested : keepAliveRequested && !closeRequested
        if headRequest || statusCode == 204 || statusCode == 304 || statusCode == 101 {
            if statusCode == 101 { keepAlive = false }
            return complete(at: index)
        }
        if chunked {
            startChunkSize()
            return nil
        }
        if hasContentLength {
            if contentLength == 0 { return complete(at: index) }
            remaining = contentLength
            state = .bodyFixed
            return nil
        }
        keepAlive = false
        state = .bodyUntilClose
        return nil
    }

    mutating func startChunkSize() {
        state = .chunkSize
        remaining = 0
        sawDigit = false
    }

    mutating func chunkSizeEnded() {
        state = remaining == 0 ? .trailerLineStart : .chunkData
    }

    mutating func complete(at index: Int) -> Step {
        reset()
        return Step(consumed: index, event: .response)
    }

    mutating func fail(at index: Int, _ reason: StaticString) -> Step {
        malformedReason = reason
        reset()
        return Step(consumed: index, event: .malformed)
    }
}
