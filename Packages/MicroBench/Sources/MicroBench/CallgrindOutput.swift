/// The costs in a callgrind output file: one `Part` per dump, each with its event totals.
///
/// Callgrind writes a part each time its statistics are dumped (a client request, the end of the
/// program); `--combine-dumps=yes` puts every part in one file. Only what instruction counting needs
/// is kept: each part's description of its trigger, its event names and its total per event. The
/// totals come from the part's `totals:` line, or, when there is none, from the sum of its cost lines
/// (the inclusive cost line after each `calls=` line left out, as callgrind's format specifies).
///
/// ```swift
/// let output = try CallgrindOutput.parse(text, path: "callgrind.out")
/// for part in output.parts where part.trigger == "Client Request: window 0" {
///     print(part["Ir"] ?? 0)  // instructions executed while collection was on
/// }
/// ```
public struct CallgrindOutput: Equatable, Sendable {
    /// One dump: the costs collected since the previous one.
    public struct Part: Equatable, Sendable {
        /// The part number (`part: N`), 1 for a file of one dump.
        public var number: Int
        /// What caused the dump, from `desc: Trigger: …`, e.g. `Client Request: window 0` or
        /// `Program termination`.
        public var trigger: String?
        /// The event names, from `events:`, e.g. `Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw`.
        public var events: [String]
        /// The total of each event, in the order of `events`.
        public var totals: [UInt64]

        /// Creates a part.
        public init(number: Int, trigger: String?, events: [String], totals: [UInt64]) {
            self.number = number
            self.trigger = trigger
            self.events = events
            self.totals = totals
        }

        /// The total of the event named `event`, or `nil` when the part has no such event.
        /// - Complexity: O(*e*) in the number of events.
        public subscript(event: String) -> UInt64? {
            events.firstIndex(of: event).map { totals[$0] }
        }
    }

    /// The parts, in file order.
    public var parts: [Part]

    /// Creates an output from its parts.
    public init(parts: [Part]) {
        self.parts = parts
    }

    /// Parses the text of a callgrind output file (format version 1).
    ///
    /// - Parameters:
    ///   - text: The whole file.
    ///   - path: The file's name, for error messages.
    /// - Throws: `MicroBenchError.invalidCallgrindOutput` with the line number and the reason: an
    ///   empty file, another format version, a cost line before `events:`, a count that is not a
    ///   whole number, a part with no `events:`.
    /// - Complexity: O(*n*) in the length of the text.
    public static func parse(_ text: String, path: String) throws(MicroBenchError) -> CallgrindOutput {
        var parser = Parser(path: path)
        var lineNumber = 0
        // "\r\n" is one Character, a newline like "\n".
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            try parser.consume(line, at: lineNumber)
        }
        return try parser.finish(lines: lineNumber)
    }
}

extension CallgrindOutput {
    /// The state of one pass over the lines.
    private struct Parser {
        let path: String
        var parts: [Part] = []
        var sawContent = false
        /// The part being read; `nil` before the first header or cost line.
        var number: Int?
        /// Whether the part being read has a trigger, a cost or totals (a `part:` line after headers
        /// alone renumbers the part instead of closing an empty one).
        var partHasContent = false
        var trigger: String?
        var events: [String] = []
        var positions = 1
        var declaredTotals: [UInt64]?
        var summedTotals: [UInt64] = []
        /// The next cost line is the inclusive cost of a call (it follows `calls=`): not summed.
        var skipNextCost = false

        init(path: String) {
            self.path = path
        }

        mutating func consume(_ line: Substring, at lineNumber: Int) throws(MicroBenchError) {
            guard let first = line.first else { return }
            if first == "#" { return }
            sawContent = true
            if first.isNumber || first == "+" || first == "-" || first == "*" {
                try cost(line, at: lineNumber)
                return
            }
            guard let separator = line.firstIndex(where: { $0 == ":" || $0 == "=" }) else {
                throw error(lineNumber, "unexpected line '\(line.prefix(60))'")
            }
            let key = line[..<separator]
            let value = line[line.index(after: separator)...].drop { $0 == " " }
            if line[separator] == "=" {
                if key == "calls" { skipNextCost = true }
                return
            }
            switch key {
            case "version":
                guard value == "1" else { throw error(lineNumber, "format version \(value) is not supported (only 1)") }
            case "part":
                guard let next = Int(value) else { throw error(lineNumber, "part '\(value)' is not a number") }
                if number != nil && partHasContent { try closePart(at: lineNumber) }
                number = next
            case "desc":
                startPartIfNeeded()
                if value.hasPrefix("Trigger:") {
                    trigger = String(value.dropFirst("Trigger:".count).drop { $0 == " " })
                    partHasContent = true
                }
            case "positions":
                startPartIfNeeded()
                positions = max(1, value.split(separator: " ").count)
            case "events":
                startPartIfNeeded()
                events = value.split(separator: " ").map(String.init)
                summedTotals = Array(repeating: 0, count: events.count)
            case "totals":
                startPartIfNeeded()
                declaredTotals = try counts(value.split(separator: " ")[...], at: lineNumber)
                partHasContent = true
            default:
                break // creator, pid, cmd, thread, summary, event definitions: not needed
            }
        }

        private mutating func startPartIfNeeded() {
            if number == nil { number = parts.count + 1 }
        }

        private mutating func cost(_ line: Substring, at lineNumber: Int) throws(MicroBenchError) {
            startPartIfNeeded()
            partHasContent = true
            guard !events.isEmpty else { throw error(lineNumber, "a cost line comes before the 'events:' line") }
            if skipNextCost {
                skipNextCost = false
                return
            }
            let values = try counts(line.split(separator: " ").dropFirst(positions), at: lineNumber)
            for (index, value) in values.enumerated() {
                let (sum, overflow) = summedTotals[index].addingReportingOverflow(value)
                guard !overflow else { throw error(lineNumber, "the costs overflow 64 bits") }
                summedTotals[index] = sum
            }
        }

        /// The whole numbers in `fields`, padded with zeros to the number of events (callgrind leaves
        /// trailing zeros out).
        private func counts(_ fields: ArraySlice<Substring>, at lineNumber: Int) throws(MicroBenchError) -> [UInt64] {
            guard fields.count <= events.count else {
                throw error(lineNumber, "\(fields.count) counts for \(events.count) events")
            }
            var values = Array(repeating: UInt64(0), count: events.count)
            for (index, field) in fields.enumerated() {
                guard let value = UInt64(field) else { throw error(lineNumber, "'\(field)' is not a whole number") }
                values[index] = value
            }
            return values
        }

        private mutating func closePart(at lineNumber: Int) throws(MicroBenchError) {
            guard let number else { return }
            guard !events.isEmpty else { throw error(lineNumber, "part \(number) has no 'events:' line") }
            parts.append(
                Part(number: number, trigger: trigger, events: events, totals: declaredTotals ?? summedTotals))
            self.number = nil
            partHasContent = false
            trigger = nil
            declaredTotals = nil
            summedTotals = Array(repeating: 0, count: events.count)
            skipNextCost = false
        }

        mutating func finish(lines: Int) throws(MicroBenchError) -> CallgrindOutput {
            guard sawContent else { throw error(lines, "the file is empty") }
            try closePart(at: lines)
            return CallgrindOutput(parts: parts)
        }

        private func error(_ lineNumber: Int, _ reason: String) -> MicroBenchError {
            .invalidCallgrindOutput(path: path, line: lineNumber, reason: reason)
        }
    }
}
