import PerfSupport

/// A 32-byte session token, held as four words so that it hashes and compares without allocating.
public struct SessionToken: Hashable, Sendable {
    /// The token bytes, little-endian in four words.
    public var words: (UInt64, UInt64, UInt64, UInt64)

    /// Reads a token from exactly 32 bytes.
    public init(bytes: UnsafeBufferPointer<UInt8>) {
        precondition(bytes.count == 32, "a session token is 32 bytes")
        func word(_ index: Int) -> UInt64 {
            var value: UInt64 = 0
            for shift in 0..<8 { value |= UInt64(bytes[index * 8 + shift]) << (8 * UInt64(shift)) }
            return value
        }
        words = (word(0), word(1), word(2), word(3))
    }

    /// Parses the 64 lowercase or uppercase hex digits a client got from `/login`; `nil` if malformed.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes = [UInt8](repeating: 0, count: 32)
        for index in 0..<32 {
            guard let high = ASCII.hexValue(digits[2 * index]), let low = ASCII.hexValue(digits[2 * index + 1])
            else { return nil }
            bytes[index] = high << 4 | low
        }
        self = bytes.withUnsafeBufferPointer { SessionToken(bytes: $0) }
    }

    /// Appends the 64 lowercase hex digits of the token.
    public func appendHex(to output: inout [UInt8]) {
        func append(_ word: UInt64) {
            for shift in 0..<8 {
                let byte = UInt8(truncatingIfNeeded: word >> (8 * UInt64(shift)))
                output.append(JSONWriter.hexDigit(byte >> 4))
                output.append(JSONWriter.hexDigit(byte & 0x0F))
            }
        }
        append(words.0)
        append(words.1)
        append(words.2)
        append(words.3)
    }

    public static func == (left: SessionToken, right: SessionToken) -> Bool {
        left.words == right.words
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}
