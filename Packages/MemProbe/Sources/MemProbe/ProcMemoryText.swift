/// Parsers for the `/proc` files memory is read from. They take text (or its bytes) so that tests use
/// fixtures; a field that is missing or malformed comes back `nil`, never a crash.
public enum ProcMemoryText {
    /// The fields of `/proc/PID/status` that describe memory, in bytes.
    public struct Status: Sendable, Hashable {
        /// `VmRSS`: resident set size.
        public var residentBytes: Int?
        /// `VmHWM`: peak resident set size ("high water mark").
        public var peakResidentBytes: Int?
        /// `RssAnon`: resident anonymous memory (heap, stacks, anonymous mappings).
        public var anonymousResidentBytes: Int?

        /// Creates a status from its fields.
        public init(residentBytes: Int? = nil, peakResidentBytes: Int? = nil, anonymousResidentBytes: Int? = nil) {
            self.residentBytes = residentBytes
            self.peakResidentBytes = peakResidentBytes
            self.anonymousResidentBytes = anonymousResidentBytes
        }
    }

    /// The resident set size from the text of `/proc/PID/statm` (its second field, in pages).
    /// - Complexity: O(*n*) in the length of `text`.
    public static func residentBytes(statm text: String, pageSize: Int) -> Int? {
        residentBytes(statmBytes: text.utf8, pageSize: pageSize)
    }

    /// The memory fields of the text of `/proc/PID/status`.
    /// - Complexity: O(*n*) in the length of `text`.
    public static func status(_ text: String) -> Status {
        status(bytes: text.utf8)
    }

    /// `residentBytes(statm:pageSize:)` over bytes, so that a sample parses a stack buffer without
    /// making a `String`.
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
            if let (key, kilobytes) = keyAndKilobytes(line) {
                switch key {
                case .vmRSS: result.residentBytes = scaled(kilobytes, by: 1024)
                case .vmHWM: result.peakResidentBytes = scaled(kilobytes, by: 1024)
                case .rssAnon: result.anonymousResidentBytes = scaled(kilobytes, by: 1024)
                }
            }
            lineStart = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
        }
        return result
    }

    private enum StatusKey: CaseIterable {
        case vmRSS, vmHWM, rssAnon

        var name: StaticString {
            switch self {
            case .vmRSS: return "VmRSS"
            case .vmHWM: return "VmHWM"
            case .rssAnon: return "RssAnon"
            }
        }
    }

    /// `Key:   1234 kB` → the key, if it is one of ours, and 1234; `nil` for any other line.
    private static func keyAndKilobytes<Line: Collection<UInt8>>(_ line: Line) -> (StatusKey, Int)? {
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
        guard unit.elementsEqual("kB".utf8) else { return nil }
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
