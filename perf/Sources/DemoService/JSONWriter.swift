/// Appends JSON fragments to a byte buffer: the service's responses are built by hand, without Foundation.
enum JSONWriter {
    /// Appends `bytes` as a JSON string literal, quoted and escaped.
    ///
    /// The bytes must be valid UTF-8 (the reader guarantees it for anything decoded from a request).
    /// - Complexity: O(*n*); plain runs are appended in one copy.
    static func appendString(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            appendEscape(byte, to: &output)
            runStart = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        output.append(UInt8(ascii: "\""))
    }

    /// Appends a Swift string as a JSON string literal.
    static func appendString(_ string: String, to output: inout [UInt8]) {
        var copy = string
        copy.withUTF8 { appendString($0, to: &output) }
    }

    /// Appends literal ASCII text (punctuation, keys known to need no escaping).
    @inline(__always)
    static func appendRaw(_ text: StaticString, to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends a non-negative integer in decimal.
    static func appendInteger(_ value: Int, to output: inout [UInt8]) {
        precondition(value >= 0, "appendInteger writes non-negative integers only")
        appendDecimal(UInt64(value), to: &output)
    }

    /// Appends an unsigned integer in decimal without allocating.
    static func appendDecimal(_ value: UInt64, to output: inout [UInt8]) {
        guard value >= 10 else {
            output.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits: (UInt64, UInt64) = (0, 0)
        var count = 0
        var remaining = value
        withUnsafeMutableBytes(of: &digits) { scratch in
            while remaining > 0 {
                scratch[count] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { output.append(scratch[index]) }
        }
    }

    /// `{"error":"<message>"}`: the body of every error response.
    static func appendError(_ message: String, to output: inout [UInt8]) {
        appendRaw("{\"error\":", to: &output)
        appendString(message, to: &output)
        output.append(UInt8(ascii: "}"))
    }

    /// The lowercase hex digit of a value below 16.
    @inline(__always)
    static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    private static func appendEscape(_ byte: UInt8, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
        case .lf: output.append(UInt8(ascii: "n"))
        case .cr: output.append(UInt8(ascii: "r"))
        case .tab: output.append(UInt8(ascii: "t"))
        case 0x08: output.append(UInt8(ascii: "b"))
        case 0x0C: output.append(UInt8(ascii: "f"))
        default:
            appendRaw("u00", to: &output)
            output.append(hexDigit(byte >> 4))
            output.append(hexDigit(byte & 0x0F))
        }
    }
}
