/// Byte-level pieces the `/proc` parsers share. They parse a `ProcFile`'s buffer in place: no `String`, no
/// generics left unspecialized across modules, no allocation.
enum ProcText {
    typealias Bytes = Slice<UnsafeRawBufferPointer>

    /// The unsigned decimal number in `bytes` after any spaces and tabs, ending at the end or at a space, tab or
    /// newline; `nil` when there is none, it is malformed, or it overflows.
    static func unsigned(_ bytes: Bytes) -> UInt64? {
        var index = bytes.startIndex
        while index < bytes.endIndex && (bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")) {
            index += 1
        }
        var value: UInt64 = 0
        var digits = 0
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") { break }
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = shifted.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflow && !carry else { return nil }
            value = sum
            digits += 1
            index += 1
        }
        return digits > 0 ? value : nil
    }

    /// Whether `bytes` spell `expected`.
    static func equals(_ bytes: Bytes, _ expected: StaticString) -> Bool {
        guard bytes.count == expected.utf8CodeUnitCount else { return false }
        var pointer = expected.utf8Start
        for byte in bytes {
            guard byte == pointer.pointee else { return false }
            pointer += 1
        }
        return true
    }

    /// The index of the first `byte` in `bytes` at or after `from`, or `bytes.endIndex`.
    static func index(of byte: UInt8, in bytes: Bytes, from: Int) -> Int {
        var index = from
        while index < bytes.endIndex && bytes[index] != byte { index += 1 }
        return index
    }
}
