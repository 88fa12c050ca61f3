/// Formats seconds since midnight as `HH:MM:SS` into a byte buffer, without allocating.
enum TimeText {
    /// The capacity the row models reserve for the text.
    static let capacity = 32

    static func format(_ timestamp: Int, into text: inout [UInt8]) {
        text.removeAll(keepingCapacity: true)
        let seconds = ((timestamp % 86_400) + 86_400) % 86_400
        appendTwoDigits(seconds / 3600, to: &text)
        text.append(UInt8(ascii: ":"))
        appendTwoDigits(seconds / 60 % 60, to: &text)
        text.append(UInt8(ascii: ":"))
        appendTwoDigits(seconds % 60, to: &text)
    }

    private static func appendTwoDigits(_ value: Int, to text: inout [UInt8]) {
        text.append(UInt8(ascii: "0") + UInt8(value / 10))
        text.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
