/// Parsers for the Linux `/proc` files a process is measured from: `/proc/PID/statm` and `/proc/PID/status`
/// (memory, threads, context switches) and `/proc/PID/stat` (CPU time). They take text (or its bytes) so that
/// tests use fixtures and other systems compile them; a field that is missing or malformed comes back `nil`,
/// never a crash. MemProbe's `MemorySampler` and `ProcessSampler` read through them.
public enum ProcText {
    /// The fields of `/proc/PID/status` the toolkit reads; memory in bytes.
    public struct Status: Sendable, Hashable {
        /// `VmRSS`: resident set size.
        public var residentBytes: Int?
        /// `VmHWM`: peak resident set size ("high water mark").
        public var peakResidentBytes: Int?
        /// `RssAnon`: resident anonymous memory (heap, stacks, anonymous mappings).
        public var anonymousResidentBytes: Int?
        /// `Threads`: the threads of the process.
        public var threads: Int?
        /// `voluntary_ctxt_switches`: times the process gave up the CPU (waiting for I/O, a lock, a sleep).
        public var voluntaryContextSwitches: Int?
        /// `nonvoluntary_ctxt_switches`: times the scheduler took the CPU away (its time slice ran out).
        public var involuntaryContextSwitches: Int?

        /// Creates a status from its fields.
        public init(
            residentBytes: Int? = nil, peakResidentBytes: Int? = nil, anonymousResidentBytes: Int? = nil,
            threads: Int? = nil, voluntaryContextSwitches: Int? = nil, involuntaryContextSwitches: Int? = nil
        ) {
            self.residentBytes = residentBytes
            self.peakResidentBytes = peakResidentBytes
            self.anonymousResidentBytes = anonymousResidentBytes
            self.threads = threads
            self.voluntaryContextSwitches = voluntaryContextSwitches
            self.involuntaryContextSwitches = involuntaryContextSwitches
        }
    }

    /// The fields of `/proc/PID/stat` the toolkit reads.
    public struct Stat: Sendable, Hashable {
        /// `utime` (field 14): CPU time in user mode, in clock ticks (`sysconf(_SC_CLK_TCK)`, 100 per second).
        public var userTicks: Int
        /// `stime` (field 15): CPU time in the kernel on the process's behalf, in clock ticks.
        public var systemTicks: Int
        /// `num_threads` (field 20).
        public var threads: Int
        /// `state` (field 3): `R` running, `S` sleeping, `Z` zombie (exited, not yet waited for), …
        public var state: Character

        /// Whether the process has exited: a zombie (`Z`) or dead (`X`) entry.
        public var hasExited: Bool { state == "Z" || state == "X" }

        /// Creates a stat from its fields.
        public init(userTicks: Int, systemTicks: Int, threads: Int, state: Character = "R") {
            self.state = state
            self.userTicks = userTicks
            self.systemTicks = systemTicks
            self.threads = threads
        }
    }

    /// The resident set size from the text of `/proc/PID/statm` (its second field, in pages).
    /// - Complexity: O(*n*) in the length of `text`.
    public static func residentBytes(statm text: String, pageSize: Int) -> Int? {
        residentBytes(statmBytes: text.utf8, pageSize: pageSize)
    }

    /// `residentBytes(statm:pageSize:)` over a buffer a sampler read into, without making a `String`.
    public static func residentBytes(statmBuffer bytes: UnsafeRawBufferPointer, pageSize: Int) -> Int? {
        residentBytes(statmBytes: bytes, pageSize: pageSize)
    }

    /// The fields of the text of `/proc/PID/status`.
    /// - Complexity: O(*n*) in the length of `text`.
    public static func status(_ text: String) -> Status {
        status(bytes: text.utf8)
    }

    /// `status(_:)` over a buffer a sampler read into, without making a `String`.
    public static func status(buffer bytes: UnsafeRawBufferPointer) -> Status {
        status(bytes: bytes)
    }

    /// The fields of the text of `/proc/PID/stat`; `nil` when the text is not a stat line. The command name
    /// (field 2, in parentheses) may hold spaces and parentheses: the fields are counted after its last `)`.
    /// - Complexity: O(*n*) in the length of `text`.
    public static func stat(_ text: String) -> Stat? {
        Array(text.utf8).withUnsafeBytes { stat(buffer: $0) }
    }

    /// `stat(_:)` over a buffer a sampler read into, without allocating (`ProcText+Bytes.swift`).
    public static func stat(buffer bytes: UnsafeRawBufferPointer) -> Stat? {
        statFields(bytes)
    }

    static func residentBytes<Bytes: Collection<UInt8>>(statmBytes bytes: Bytes, pageSize: Int) -> Int? {
        var fieldIndex = 0
        var value = 0
        var inNumber = false
        for byte in bytes {
            if let digit = decimalDigit(byte) {
                guard let next = appending(digit, to: value) else { return nil }
                value = next
                inNumber = true
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") {
                if inNumber {
                    if fieldIndex == 1 { return scaled(value, by: pageSize) }
                    fieldIndex += 1
                    value = 0
                    inNumber = false
                }
            } else {
                return nil
            }
        }
        return inNumber && fieldIndex == 1 ? scaled(value, by: pageSize) : nil
    }

    static func status<Bytes: Collection<UInt8>>(bytes: Bytes) -> Status {
        var result = Status()
        var lineStart = bytes.startIndex
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let line = bytes[lineStart..<lineEnd]
            if let (key, value) = keyAndValue(line) {
                switch key {
                case .vmRSS: result.residentBytes = scaled(value, by: 1024)
                case .vmHWM: result.peakResidentBytes = scaled(value, by: 1024)
                case .rssAnon: result.anonymousResidentBytes = scaled(value, by: 1024)
                case .threads: result.threads = value
                case .voluntary: result.voluntaryContextSwitches = value
                case .involuntary: result.involuntaryContextSwitches = value
                }
            }
            lineStart = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
        }
        return result
    }

    private enum StatusKey: CaseIterable {
        case vmRSS, vmHWM, rssAnon, threads, voluntary, involuntary

        var name: StaticString {
            switch self {
            case .vmRSS: return "VmRSS"
            case .vmHWM: return "VmHWM"
            case .rssAnon: return "RssAnon"
            case .threads: return "Threads"
            case .voluntary: return "voluntary_ctxt_switches"
            case .involuntary: return "nonvoluntary_ctxt_switches"
            }
        }

        /// Memory lines end in ` kB`; counts have no unit.
        var inKilobytes: Bool {
            switch self {
            case .vmRSS, .vmHWM, .rssAnon: return true
            case .threads, .voluntary, .involuntary: return false
            }
        }
    }

    /// `Key:   1234 kB` (memory) or `Key:\t1234` (counts) → the key, if it is one of ours, and 1234; `nil`
    /// for any other line.
    private static func keyAndValue<Line: Collection<UInt8>>(_ line: Line) -> (StatusKey, Int)? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let name = line[line.startIndex..<colon]
        guard let key = StatusKey.allCases.first(where: { matches(name, $0.name) }) else { return nil }
        var value = 0
        var digits = 0
        var rest = line[line.index(after: colon)...].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        while let byte = rest.first, let digit = decimalDigit(byte) {
            guard let next = appending(digit, to: value) else { return nil }
            value = next
            digits += 1
            rest = rest.dropFirst()
        }
        guard digits > 0 else { return nil }
        let unit = rest.drop { $0 == UInt8(ascii: " ") }
        guard key.inKilobytes ? unit.elementsEqual("kB".utf8) : unit.isEmpty else { return nil }
        return (key, value)
    }

    private static func matches<Name: Collection<UInt8>>(_ name: Name, _ expected: StaticString) -> Bool {
        expected.withUTF8Buffer { name.elementsEqual($0) }
    }

    private static func decimalDigit(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }

    /// `value * 10 + digit`, or `nil` on overflow.
    private static func appending(_ digit: Int, to value: Int) -> Int? {
        let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
        guard !overflow else { return nil }
        let (sum, carry) = shifted.addingReportingOverflow(digit)
        return carry ? nil : sum
    }

    private static func scaled(_ value: Int, by factor: Int) -> Int? {
        let (product, overflow) = value.multipliedReportingOverflow(by: factor)
        return overflow ? nil : product
    }
}
