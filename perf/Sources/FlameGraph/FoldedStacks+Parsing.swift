extension FoldedStacks {
    /// Reads folded stacks: one `frame;frame;... count` a line, as written by ``foldedText``,
    /// `heaptrack_print -F` or other stack collapsers.
    ///
    /// Empty lines are skipped, and so are lines with a count of 0. Frames may contain spaces: the count is
    /// what follows the last one. A `;` before the count (as `heaptrack_print -F` writes) is ignored.
    /// - Throws: ``FlameGraphError/malformedFoldedLine(line:text:)`` for a line without a positive integer
    ///   count or without frames.
    /// - Complexity: O(length of `text`).
    public init(parsing text: String) throws(FlameGraphError) {
        self.init()
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isLineBreak) {
            lineNumber += 1
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            guard let space = line.lastIndex(of: " "),
                let count = Int(line[line.index(after: space)...]), count >= 0,
                space > line.startIndex
            else {
                throw .malformedFoldedLine(line: lineNumber, text: String(line))
            }
            var frames = line[..<space].split(separator: ";", omittingEmptySubsequences: false)
            // heaptrack_print -F ends every stack with a `;` (Perl's split drops trailing empty fields).
            while frames.last?.isEmpty == true { frames.removeLast() }
            guard !frames.isEmpty else { throw .malformedFoldedLine(line: lineNumber, text: String(line)) }
            if count == 0 { continue }
            add(folded: frames.map { Self.frameName($0) }.joined(separator: ";"), count: count)
        }
    }

    /// True when `text` looks like folded stacks rather than `perf script` output: none of its first 50
    /// non-empty lines starts with white space (perf's frame lines do) and each ends with a space and a count.
    public static func looksFolded(_ text: Substring) -> Bool {
        var seen = 0
        var start = text.startIndex
        while start < text.endIndex, seen < 50 {
            let end = text[start...].firstIndex(where: \.isLineBreak) ?? text.endIndex
            let line = text[start..<end]
            start = end < text.endIndex ? text.index(after: end) : end
            if line.allSatisfy({ $0 == " " }) { continue }
            guard line.first != "\t", line.first != " ", let space = line.lastIndex(of: " "),
                Int(line[line.index(after: space)...]) != nil
            else { return false }
            seen += 1
        }
        return seen > 0
    }
}

extension Character {
    /// `\n` or `\r\n` (one character in Swift).
    var isLineBreak: Bool { self == "\n" || self == "\r\n" }
}
