/// Words as a POSIX shell reads them back, for the command lines that messages and files show a person to
/// copy and run: `heaptrack /path/to/bench --filter 'a b'`.
public enum ShellText {
    /// `word` unchanged when it is only ASCII letters, digits and `/._=,:+-@%`, which no shell splits or
    /// expands; otherwise in single quotes, each `'` inside written `'\''`. The empty word is `''`.
    /// - Complexity: O(*n*) in the length of `word`.
    public static func quoted(_ word: String) -> String {
        let plain =
            !word.isEmpty
            && word.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || "/._=,:+-@%".utf8.contains(byte)
            }
        if plain { return word }
        return "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
