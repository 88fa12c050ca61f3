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
    public static func threadCount(bytes buffer: UnsafeRawBufferPointer) -> Int? {
        let bytes = buffer[...]
        var close = bytes.endIndex - 1
        while close >= bytes.startIndex && bytes[close] != UInt8(ascii: ")") { close -= 1 }
        guard close >= bytes.startIndex else { return nil }
        // After ") " come fields 3 (state) … ; num_threads is field 20, the 18th of them.
        var index = close + 1
        for _ in 0..<17 {
            while index < bytes.endIndex && bytes[index] == UInt8(ascii: " ") { index += 1 }
            index = ProcText.index(of: UInt8(ascii: " "), in: bytes, from: index)
            guard index < bytes.endIndex else { return nil }
        }
        guard let count = ProcText.unsigned(bytes[index...]), count <= UInt64(Int.max) else { return nil }
        return Int(count)
    }
}
