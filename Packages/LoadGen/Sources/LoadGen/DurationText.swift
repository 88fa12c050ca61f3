/// Durations written as text: `250us`, `500ms`, `10s`, `1.5s`, `2m`, `1h`.
public enum DurationText {
    /// Parses a duration: a non-negative decimal number followed by `ns`, `us` (or `µs`), `ms`, `s`, `m`
    /// or `h`.
    /// - Returns: `nil` when `text` is not of that form.
    /// - Complexity: O(*n*) in the length of `text`.
    public static func parse(_ text: String) -> Duration? {
        let units: [(suffix: String, nanoseconds: Double)] = [
            ("ns", 1), ("us", 1e3), ("µs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9),
        ]
        // Longest suffix first, so that `ms` is not read as `m` followed by garbage.
        for (suffix, scale) in units.sorted(by: { $0.suffix.count > $1.suffix.count }) where text.hasSuffix(suffix) {
            let number = text.dropLast(suffix.count)
            guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
                number.filter({ $0 == "." }).count <= 1, number.first != ".", number.last != ".",
                let value = Double(number)
            else { return nil }
            let nanoseconds = value * scale
            guard nanoseconds.isFinite, nanoseconds < 9.2e18 else { return nil }
            return .nanoseconds(Int64(nanoseconds.rounded()))
        }
        return nil
    }

    /// Formats a duration with the largest unit that keeps it short: `250us`, `1.5s`, `2m`.
    public static func format(_ duration: Duration) -> String {
        let nanoseconds = Double(duration.nanosecondsClamped)
        func trimmed(_ value: Double) -> String {
            let rounded = (value * 1000).rounded() / 1000
            if rounded == rounded.rounded() { return String(Int64(rounded)) }
            return String(rounded)
        }
        if nanoseconds >= 3600e9, nanoseconds.truncatingRemainder(dividingBy: 3600e9) == 0 {
            return "\(trimmed(nanoseconds / 3600e9))h"
        }
        if nanoseconds >= 60e9, nanoseconds.truncatingRemainder(dividingBy: 60e9) == 0 {
            return "\(trimmed(nanoseconds / 60e9))m"
        }
        if nanoseconds >= 1e9 { return "\(trimmed(nanoseconds / 1e9))s" }
        if nanoseconds >= 1e6 { return "\(trimmed(nanoseconds / 1e6))ms" }
        if nanoseconds >= 1e3 { return "\(trimmed(nanoseconds / 1e3))us" }
        return "\(Int64(nanoseconds))ns"
    }
}
