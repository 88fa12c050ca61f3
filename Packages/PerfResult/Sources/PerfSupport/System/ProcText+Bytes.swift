/// Byte-level pieces of the `/proc` parsers that run at the edges of measured windows (`ProcIOCounters`,
/// `ProcStatText`). They parse a `ProcFile`'s buffer in place by integer offsets, with no `String`, no `Slice` and
/// no other generic type: unspecialized generic code (any debug build) allocates on each element access.
extension ProcText {
    /// The unsigned decimal number in `bytes[start..<end]` after any spaces and tabs, ending at `end` or at a
    /// space, tab or newline; `nil` when there is none, it is malformed, or it overflows.
    static func unsigned(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> UInt64? {
        var index = start
        while index < end && (bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")) {
            index += 1
        }
        var value: UInt64 = 0
        var digits = 0
        while index < end {
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

    /// Whether `bytes[start..<end]` spell `expected`.
    static func equals(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int, _ expected: StaticString)
        -> Bool
    {
        guard end - start == expected.utf8CodeUnitCount else { return false }
        let pointer = expected.utf8Start
        var offset = 0
        while offset < end - start {
            guard bytes[start + offset] == pointer[offset] else { return false }
            offset += 1
        }
        return true
    }

    /// The offset of the first `byte` in `bytes[from..<end]`, or `end`.
    static func index(of byte: UInt8, in bytes: UnsafeRawBufferPointer, from: Int, to end: Int) -> Int {
        var index = from
        while index < end && bytes[index] != byte { index += 1 }
        return index
    }
}
