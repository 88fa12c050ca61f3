/// Numbers with units, as people type them on command lines and in scenario files: durations (`250ms`, `10s`,
/// `2m`), counts and rates with SI suffixes (`20k`, `1.5M`), and byte sizes (`64KiB`, `512KB`, `1GiB`).
///
/// Every parser accepts a plain decimal number before the unit (`1.5s`, no sign, no exponent, no spaces) and
/// returns `nil` for anything else, so callers can say what was expected.
public enum UnitText {
    /// A duration: a non-negative decimal number followed by `ns`, `us` (or `µs`), `ms`, `s`, `m` or `h`, or
    /// several such parts from the largest unit down, added up (`1h30m`, `2m30s`, `1s500ms`).
    /// - Complexity: O(*n*) in the length of `text`.
    public static func duration(_ text: String) -> Duration? {
        let scales: [String: Double] = ["ns": 1, "us": 1e3, "µs": 1e3, "ms": 1e6, "s": 1e9, "m": 60e9, "h": 3600e9]
        var rest = Substring(text)
        var nanoseconds = 0.0
        var previousScale = Double.infinity
        repeat {
            let digits = rest.prefix(while: isNumberCharacter)
            let unit = rest.dropFirst(digits.count).prefix { !isNumberCharacter($0) }
            guard let (number, unitText) = split(String(digits + unit)), let scale = scales[unitText],
                scale < previousScale
            else { return nil }
            nanoseconds += number * scale
            previousScale = scale
            rest = rest.dropFirst(digits.count + unit.count)
        } while !rest.isEmpty
        nanoseconds.round()
        guard nanoseconds < 9.2e18 else { return nil }
        return .nanoseconds(Int64(nanoseconds))
    }

    /// A duration in seconds when `text` is a plain number (`0.5`), else as `duration(_:)` reads it.
    /// - Complexity: O(*n*) in the length of `text`.
    public static func seconds(_ text: String) -> Duration? {
        if let (number, unit) = split(text), unit.isEmpty {
            let nanoseconds = (number * 1e9).rounded()
            return nanoseconds < 9.2e18 ? .nanoseconds(Int64(nanoseconds)) : nil
        }
        return duration(text)
    }

    /// A count or rate with an optional SI suffix: `250`, `20k` (20,000), `1.5M`, `2G`; `K` is read as `k`.
    /// - Complexity: O(*n*) in the length of `text`.
    public static func count(_ text: String) -> Double? {
        guard let (number, unit) = split(text) else { return nil }
        let scales: [String: Double] = ["": 1, "k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9]
        guard let scale = scales[unit] else { return nil }
        let value = number * scale
        return value.isFinite ? value : nil
    }

    /// A byte size: a plain number of bytes, or with `B`, decimal `kB`/`KB`/`MB`/`GB` (powers of 1000) or binary
    /// `KiB`/`MiB`/`GiB` (powers of 1024); `k`, `K`, `M`, `G` alone are decimal. The result must be whole.
    /// - Complexity: O(*n*) in the length of `text`.
    public static func bytes(_ text: String) -> Int? {
        guard let (number, unit) = split(text) else { return nil }
        let scales: [String: Double] = [
            "": 1, "B": 1, "k": 1e3, "K": 1e3, "kB": 1e3, "KB": 1e3, "M": 1e6, "MB": 1e6, "G": 1e9, "GB": 1e9,
            "KiB": 1024, "MiB": 1_048_576, "GiB": 1_073_741_824,
        ]
        guard let scale = scales[unit] else { return nil }
        let value = number * scale
        guard value < 9.2e18, value == value.rounded() else { return nil }
        return Int(value)
    }

    /// A duration written with the largest unit that keeps it short and exact to a thousandth: `250us`,
    /// `1.5s`, `2m`, `1h`; what `duration(_:)` reads back.
    /// - Complexity: O(1).
    public static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let nanoseconds = Double(max(seconds, 0)) * 1e9 + Double(max(attoseconds, 0)) / 1e9
        let units: [(String, Double)] = [("h", 3600e9), ("m", 60e9)]
        for (unit, scale) in units where nanoseconds >= scale && nanoseconds.truncatingRemainder(dividingBy: scale) == 0
        {
            return NumberText.plain(nanoseconds / scale) + unit
        }
        if nanoseconds >= 1e9 { return NumberText.plain(thousandths(nanoseconds / 1e9)) + "s" }
        if nanoseconds >= 1e6 { return NumberText.plain(thousandths(nanoseconds / 1e6)) + "ms" }
        if nanoseconds >= 1e3 { return NumberText.plain(thousandths(nanoseconds / 1e3)) + "us" }
        return NumberText.plain(nanoseconds) + "ns"
    }

    private static func thousandths(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }

    /// The decimal number at the start of `text` and the unit after it; `nil` unless the number is plain
    /// (digits with at most one inner point) and the unit is letters (or `µ`).
    private static func split(_ text: String) -> (Double, String)? {
        let digits = text.prefix(while: isNumberCharacter)
        let unit = text.dropFirst(digits.count)
        guard !digits.isEmpty, digits.first != ".", digits.last != ".", digits.filter({ $0 == "." }).count <= 1,
            unit.allSatisfy({ $0.isLetter }), let number = Double(digits), number.isFinite
        else { return nil }
        return (number, String(unit))
    }

    /// Whether `character` belongs to a plain decimal number: an ASCII digit or the point.
    private static func isNumberCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isNumber || character == ".")
    }
}
