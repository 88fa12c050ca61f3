/// Byte-level pieces of the `/proc` parsers that run at the edges of measured windows (`ProcIOCounters`,
/// `ProcText.stat`). They parse a `ProcFile`'s buffer in place by integer offsets, with no `String`, no `Slice` and
/// no other generic type: unspecialized generic code (any debug build) allocates on each element access.
extension ProcText {
    /// The fields of a `/proc/PID/stat` line in `bytes`: counted after the command name's last `)` (the name may
    /// hold spaces and parentheses), the state (field 3), `utime`, `stime` (14, 15) and `num_threads` (20);
    /// `nil` when one of them is missing or malformed.
    static func statFields(_ bytes: UnsafeRawBufferPointer) -> Stat? {
        let end = bytes.count
        var close = end - 1
        while close >= 0 && bytes[close] != UInt8(ascii: ")") { close -= 1 }
        guard close >= 0 else { return nil }
        var index = close + 1
        var state: UInt8?
        var user: UInt64?
        var system: UInt64?
        var threads: UInt64?
        var field = 3
        while field <= 20 {
            while index < end && bytes[index] == UInt8(ascii: " ") { index += 1 }
            guard index < end && bytes[index] != UInt8(ascii: "\n") else { return nil }
            let fieldEnd = min(
                ProcText.index(of: UInt8(ascii: " "), in: bytes, from: index, to: end),
                ProcText.index(of: UInt8(ascii: "\n"), in: bytes, from: index, to: end))
            switch field {
            case 3: state = bytes[index]
            case 14: user = unsigned(bytes, from: index, to: fieldEnd)
            case 15: system = unsigned(bytes, from: index, to: fieldEnd)
            case 20: threads = unsigned(bytes, from: index, to: fieldEnd)
            default: break
            }
            index = fieldEnd
            field += 1
        }
        guard let state, let user, let system, let threads,
            user <= UInt64(Int.max), system <= UInt64(Int.max), threads <= UInt64(Int.max)
        else { return nil }
        return Stat(
            userTicks: Int(user), systemTicks: Int(system), threads: Int(threads),
            state: Character(UnicodeScalar(state)))
    }

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
