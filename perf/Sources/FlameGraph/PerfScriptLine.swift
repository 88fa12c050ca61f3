/// The header line of one `perf script` sample: `comm pid/tid [cpu] time: period event:`.
///
/// The command may contain spaces (`V8 WorkerThread`), so it is everything before the first number-only
/// field. Fields after the time are optional; a sample printed without a call chain carries its only frame
/// on this line, after the event.
struct SampleHeader {
    /// The command (thread) name.
    var command: String
    /// The process id, when perf printed `pid/tid`.
    var process: Substring?
    /// The thread id (or the only id printed).
    var thread: Substring
    /// The event without its modifiers (`cpu-clock` for `cpu-clock:ppp:`), when printed.
    var event: String?
    /// A frame printed on the header line itself (`perf record` without `-g`).
    var inlineFrame: PerfFrameLine?

    init?(_ line: Substring) {
        var fields: [Substring] = []
        var index = line.startIndex
        while index < line.endIndex {
            while index < line.endIndex, line[index] == " " || line[index] == "\t" { index = line.index(after: index) }
            guard index < line.endIndex else { break }
            let start = index
            while index < line.endIndex, line[index] != " ", line[index] != "\t" { index = line.index(after: index) }
            fields.append(line[start..<index])
        }
        guard fields.count >= 2,
            let idField = fields.indices.dropFirst().first(where: { Self.isProcessField(fields[$0]) })
        else { return nil }
        command = String(line[line.startIndex..<fields[idField].startIndex].trimmingTrailingSpaces)
        if let slash = fields[idField].firstIndex(of: "/") {
            process = fields[idField][..<slash]
            thread = fields[idField][fields[idField].index(after: slash)...]
        } else {
            thread = fields[idField]
        }

        // After the ids: [cpu], time:, period, event:, then maybe one frame.
        var next = idField + 1
        if next < fields.count, fields[next].hasPrefix("[") { next += 1 }
        guard next < fields.count, fields[next].hasSuffix(":"), fields[next].dropLast().allSatisfy(\.isTimeDigit)
        else { return }
        next += 1
        if next < fields.count, fields[next].allSatisfy(\.isNumber) { next += 1 }
        guard next < fields.count, fields[next].hasSuffix(":") else { return }
        event = String(fields[next].dropLast().prefix { $0 != ":" })
        next += 1
        if next < fields.count {
            inlineFrame = PerfFrameLine(line[fields[next].startIndex...])
        }
    }

    /// `1234` or `1234/1240`.
    private static func isProcessField(_ field: Substring) -> Bool {
        let parts = field.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count <= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }
}

/// One frame line of a call chain: `address symbol+offset (dso)`.
struct PerfFrameLine {
    /// The symbol without its offset; empty when perf printed none.
    var symbol: Substring
    /// The object file in parentheses: a path, `[kernel.kallsyms]`, `inlined` or `[unknown]`.
    var dso: Substring?
    /// A kernel function.
    var isKernel: Bool
    /// A function perf found inlined at this address (DWARF call graphs).
    var isInlined: Bool
    /// No symbol was found.
    var isUnknown: Bool

    init?(_ line: Substring) {
        let text = line.drop { $0 == " " || $0 == "\t" }
        let addressEnd = text.firstIndex { $0 == " " || $0 == "\t" } ?? text.endIndex
        let address = text[..<addressEnd]
        guard !address.isEmpty, address.allSatisfy(\.isHexDigit) else { return nil }
        var rest = text[addressEnd...].drop { $0 == " " || $0 == "\t" }.trimmingTrailingSpaces
        dso = nil
        if rest.hasSuffix(")"), let open = Self.openingParenthesis(of: rest) {
            dso = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
            rest = rest[..<open].trimmingTrailingSpaces
        }
        symbol = Self.removingOffset(rest)
        isInlined = dso == "inlined"
        if let dso {
            isKernel = dso.hasPrefix("[kernel") || dso.hasPrefix("[guest.kernel")
        } else {
            isKernel = address.count == 16 && address.hasPrefix("ffff")
        }
        isUnknown = symbol.isEmpty || symbol == "[unknown]"
    }

    /// The frame as it appears in a folded stack.
    var foldedName: String {
        var name: String
        if isUnknown {
            if let dso, dso != "[unknown]", !dso.isEmpty, !isInlined {
                let file = dso.split(separator: "/").last.map(String.init) ?? String(dso)
                name = file.hasPrefix("[") ? file : "[\(file)]"
            } else {
                name = "[unknown]"
            }
        } else {
            name = String(symbol)
        }
        if isKernel { name += FrameKind.kernelSuffix }
        if isInlined { name += FrameKind.inlinedSuffix }
        return name
    }

    /// The `(` that matches the final `)`, so that `(/tmp/a (deleted))` stays one object name.
    private static func openingParenthesis(of text: Substring) -> Substring.Index? {
        var depth = 0
        let bytes = text.utf8
        var index = bytes.endIndex
        while index > bytes.startIndex {
            index = bytes.index(before: index)
            if bytes[index] == UInt8(ascii: ")") { depth += 1 }
            if bytes[index] == UInt8(ascii: "(") {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    /// `symbol+0x1c` without `+0x1c`; a `+` that is part of the name (`operator+`) stays.
    private static func removingOffset(_ symbol: Substring) -> Substring {
        guard let plus = symbol.lastIndex(of: "+") else { return symbol }
        let offset = symbol[symbol.index(after: plus)...]
        guard offset.hasPrefix("0x"), offset.count > 2, offset.dropFirst(2).allSatisfy(\.isHexDigit) else {
            return symbol
        }
        return symbol[..<plus]
    }
}

extension Substring {
    /// The text without trailing spaces and tabs.
    fileprivate var trimmingTrailingSpaces: Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}

extension Character {
    /// 0-9 only (not other scripts' digits).
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
    /// A character of a perf timestamp: digits and the decimal point.
    fileprivate var isTimeDigit: Bool { isASCIIDigit || self == "." }
}
