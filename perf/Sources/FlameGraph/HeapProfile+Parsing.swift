/// Reading the text `heaptrack_print` writes.
extension HeapProfile {
    /// Reads the totals and the backtraces of `PEAK MEMORY CONSUMERS` and `MOST CALLS TO ALLOCATION FUNCTIONS`
    /// from the text of `heaptrack_print -f FILE`.
    ///
    /// An entry is a header such as `1.19M consumed over 7470 calls from:` or `7470 calls with 1.19M peak
    /// consumption from:`, then its frames at four spaces, each with `at file:line` and `in library` lines at
    /// six. The merged entry at the top of each ranking (`... calls from` without a colon) and every other
    /// section are skipped. Lines it does not know are ignored, so text from another heaptrack version yields
    /// what it can rather than an error.
    /// - Complexity: O(length of `text`).
    public init(heaptrackPrint text: String) {
        var totals = Totals()
        var entries: [Entry] = []
        var ranking: Ranking?
        var current: Entry?
        func finish() {
            if let entry = current { entries.append(entry) }
            current = nil
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = line.hasSuffix("\r") ? line.dropLast() : line[...]
            totals.read(line)
            if Self.isSectionTitle(line) {
                finish()
                ranking = Self.ranking(titled: line)
                continue
            }
            if let ranking, let header = Self.entryHeader(line, ranking: ranking) {
                finish()
                current = Entry(ranking: ranking, peakBytes: header.peakBytes, calls: header.calls, frames: [])
            } else if current != nil, line.hasPrefix("    "), !line.hasPrefix("      ") {
                current?.frames.append(Frame(function: Self.trimmed(line), location: ""))
            } else if current != nil, line.hasPrefix("      at "), let last = current?.frames.indices.last {
                current?.frames[last].location = String(Self.trimmed(line).dropFirst(3))
            } else if !line.hasPrefix(" ") {
                finish()
            }
        }
        finish()
        self.init(totals: totals, entries: entries)
    }

    /// Bytes from heaptrack's rounded sizes: `512B`, `1.19M`, `36.86K`, `2G` (powers of 1024); 0 for
    /// anything else.
    public static func bytes(_ text: some StringProtocol) -> Double {
        let units: [Character: Double] = [
            "B": 1, "K": 1024, "M": 1024 * 1024, "G": 1024 * 1024 * 1024, "T": 1024 * 1024 * 1024 * 1024,
        ]
        var number = Substring(text)
        var scale = 1.0
        if let last = number.last, let unit = units[last] {
            scale = unit
            number = number.dropLast()
        }
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let value = Double(number)
        else { return 0 }
        return value * scale
    }

    private static func isSectionTitle(_ line: Substring) -> Bool {
        guard line.count >= 2, let first = line.first, first.isASCII, first.isUppercase else { return false }
        return line.allSatisfy { $0 == " " || ($0.isASCII && $0.isUppercase) }
    }

    private static func ranking(titled title: Substring) -> Ranking? {
        switch title {
        case "PEAK MEMORY CONSUMERS": return .peakMemory
        case "MOST CALLS TO ALLOCATION FUNCTIONS": return .calls
        default: return nil
        }
    }

    /// `SIZE consumed over N calls from:` (peak memory) or `N calls with SIZE peak consumption from:` (calls).
    private static func entryHeader(_ line: Substring, ranking: Ranking) -> (peakBytes: Double, calls: Int)? {
        let words = line.split(separator: " ", omittingEmptySubsequences: false)
        switch ranking {
        case .peakMemory:
            guard words.count == 6, words[1] == "consumed", words[2] == "over", words[4] == "calls",
                words[5] == "from:", !words[0].isEmpty, let calls = digits(words[3])
            else { return nil }
            return (bytes(words[0]), calls)
        case .calls:
            guard words.count == 7, words[1] == "calls", words[2] == "with", words[4] == "peak",
                words[5] == "consumption", words[6] == "from:", !words[3].isEmpty, let calls = digits(words[0])
            else { return nil }
            return (bytes(words[3]), calls)
        }
    }

    static func digits(_ text: some StringProtocol) -> Int? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    private static func trimmed(_ line: Substring) -> String {
        String(line.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}

extension HeapProfile.Totals {
    /// Takes the total `line` states, if it is one of heaptrack's total lines.
    fileprivate mutating func read(_ line: Substring) {
        func after(_ prefix: String) -> Substring? {
            guard line.hasPrefix(prefix) else { return nil }
            let rest = line.dropFirst(prefix.count)
            let word = rest.prefix { !$0.isWhitespace }
            return word.isEmpty ? nil : word
        }
        if let word = after("peak heap memory consumption: ") {
            peakHeap = String(word)
        } else if let word = after("peak RSS (including heaptrack overhead): ") {
            peakRSS = String(word)
        } else if let word = after("total memory leaked: ") {
            leaked = String(word)
        } else if let word = after("temporary memory allocations: ") {
            if let count = HeapProfile.digits(word.prefix { $0.isNumber }) { temporaryAllocations = count }
        } else if let word = after("total runtime: ") {
            let seconds = word.prefix { $0.isNumber || $0 == "." }
            if !seconds.isEmpty, word.dropFirst(seconds.count).first == "s" { runtimeSeconds = String(seconds) }
        } else if line.hasPrefix("calls to allocation functions: ") {
            let words = line.dropFirst("calls to allocation functions: ".count).split(separator: " ")
            guard words.count >= 2, let calls = HeapProfile.digits(words[0]), words[1].hasPrefix("("),
                words[1].hasSuffix("/s)"), let rate = HeapProfile.digits(words[1].dropFirst().dropLast(3))
            else { return }
            allocationCalls = calls
            allocationCallsPerSecond = rate
        }
    }
}
