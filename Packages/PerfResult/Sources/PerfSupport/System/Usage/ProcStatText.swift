/// The fields of `/proc/PID/stat` (Linux) that the toolkit reads.
///
/// The second field, the command name in parentheses, may itself hold spaces and parentheses, so fields are
/// counted from the last `)`.
public enum ProcStatText {
    /// `num_threads`, the 20th field: the threads of the process now; `nil` when the text is malformed.
    /// - Complexity: O(*n*) in the length of `text`.
    public static func threadCount(_ text: String) -> Int? {
        Array(text.utf8).withUnsafeBytes { threadCount(bytes: $0) }
    }

    /// `threadCount(_:)` over the bytes of a `ProcFile`'s buffer, without allocating.
    public static func threadCount(bytes: UnsafeRawBufferPointer) -> Int? {
        let end = bytes.count
        var close = end - 1
        while close >= 0 && bytes[close] != UInt8(ascii: ")") { close -= 1 }
        guard close >= 0 else { return nil }
        // After ") " come fields 3 (state) … ; num_threads is field 20, the 18th of them.
        var index = close + 1
        var skipped = 0
        while skipped < 17 {
            while index < end && bytes[index] == UInt8(ascii: " ") { index += 1 }
            index = ProcText.index(of: UInt8(ascii: " "), in: bytes, from: index, to: end)
            guard index < end else { return nil }
            skipped += 1
        }
        guard let count = ProcText.unsigned(bytes, from: index, to: end), count <= UInt64(Int.max) else { return nil }
        return Int(count)
    }
}
