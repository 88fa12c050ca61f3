import PerfSupport

/// String lexing: UTF-8 validation and unescaping.
extension JSONReader {
    /// Scans a string starting at its opening quote; appends the unescaped bytes to `output` when `keep`.
    ///
    /// Runs of plain bytes are appended in one copy, so an unescaped ASCII string costs one pass and one append.
    mutating func scanString(appendingTo output: inout [UInt8], keep: Bool) -> Bool {
        guard peek() == UInt8(ascii: "\"") else { return failAt(offset, "expected a string") }
        var index = offset + 1
        var runStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if keep { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                offset = index + 1
                return true
            }
            if byte == UInt8(ascii: "\\") {
                if keep { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                guard let next = unescape(at: index, into: &output, keep: keep) else { return false }
                index = next
                runStart = index
                continue
            }
            if byte < 0x20 { return failAt(index, "control character in a string; escape it") }
            if byte < 0x80 {
                index += 1
                continue
            }
            guard let length = utf8SequenceLength(at: index) else { return false }
            index += length
        }
        return failAt(bytes.count, "unexpected end of input")
    }

    /// Decodes the escape at `index` (a backslash); returns the index after it.
    private mutating func unescape(at index: Int, into output: inout [UInt8], keep: Bool) -> Int? {
        guard index + 1 < bytes.count else {
            _ = failAt(bytes.count, "unexpected end of input")
            return nil
        }
        let simple: UInt8
        switch bytes[index + 1] {
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = .lf
        case UInt8(ascii: "r"): simple = .cr
        case UInt8(ascii: "t"): simple = .tab
        case UInt8(ascii: "u"): return unescapeUnicode(at: index, into: &output, keep: keep)
        default:
            _ = failAt(index, "invalid escape sequence")
            return nil
        }
        if keep { output.append(simple) }
        return index + 2
    }

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`; lone surrogates are rejected.
    private mutating func unescapeUnicode(at index: Int, into output: inout [UInt8], keep: Bool) -> Int? {
        guard let high = hexQuad(at: index + 2) else { return nil }
        var scalar = UInt32(high)
        var next = index + 6
        if high >= 0xD800 && high <= 0xDBFF {
            guard next + 1 < bytes.count, bytes[next] == UInt8(ascii: "\\"), bytes[next + 1] == UInt8(ascii: "u"),
                let low = hexQuad(at: next + 2), low >= 0xDC00 && low <= 0xDFFF
            else {
                if error == nil { _ = failAt(index, "unpaired surrogate in a \\u escape") }
                return nil
            }
            scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            next += 6
        } else if high >= 0xDC00 && high <= 0xDFFF {
            _ = failAt(index, "unpaired surrogate in a \\u escape")
            return nil
        }
        if keep { JSONReader.appendUTF8(scalar, to: &output) }
        return next
    }

    /// Four hex digits at `index`.
    private mutating func hexQuad(at index: Int) -> UInt16? {
        var value: UInt16 = 0
        for position in index..<(index + 4) {
            guard position < bytes.count else {
                _ = failAt(bytes.count, "unexpected end of input")
                return nil
            }
            guard let digit = ASCII.hexValue(bytes[position]) else {
                _ = failAt(position, "invalid \\u escape; expected four hex digits")
                return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    /// The length of the well-formed UTF-8 sequence at `index` (Unicode Table 3-7), or `nil` after failing.
    private mutating func utf8SequenceLength(at index: Int) -> Int? {
        let lead = bytes[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            secondRange = 0x80...0x9F
        case 0xF0:
            length = 4
            secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            secondRange = 0x80...0x8F
        default:
            _ = failAt(index, "invalid UTF-8")
            return nil
        }
        for position in (index + 1)..<(index + length) {
            guard position < bytes.count else {
                _ = failAt(bytes.count, "unexpected end of input")
                return nil
            }
            let range = position == index + 1 ? secondRange : 0x80...0xBF
            guard range.contains(bytes[position]) else {
                _ = failAt(position, "invalid UTF-8")
                return nil
            }
        }
        return length
    }

    /// Appends the UTF-8 encoding of a scalar value (not a surrogate).
    static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
