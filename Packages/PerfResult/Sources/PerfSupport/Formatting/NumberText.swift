/// Numbers as text for tables and messages, without Foundation: every style of the toolkit, each once.
///
/// Rules that hold for every function here:
///
/// - **Not finite**: NaN prints `n/a`, +∞ prints `∞` (`+∞` in the signed forms), −∞ prints `-∞`: the bare
///   symbol, without unit, suffix or decimals, whatever the style.
/// - **Rounding**: half away from zero, of the value times the power of ten (`0.125` → `0.13`; a decimal that
///   binary cannot hold exactly may land a hair below its half, as `2.675` → `2.67`).
/// - **Zero has no sign**: a value that rounds to zero prints without `-` or `+` (`-0.004` → `0.00`).
/// - **Grouping**, where asked for, puts `,` between thousands of the whole part: `1,234,567.89`.
/// - **Signed** forms put `+` before a positive value that does not print as zero.
public enum NumberText {
    /// `value` with exactly `decimals` digits after the point: `fixed(1234.5, decimals: 2)` is `1234.50`.
    ///
    /// A value too large to print digit by digit at this precision (2⁶⁴ or more once scaled) prints in
    /// scientific notation, as `significant` does below 10⁻⁴: `1.5e20`.
    /// - Parameters:
    ///   - grouping: `,` between thousands of the whole part: `1,234.50`.
    ///   - signed: `+` before a positive value that does not print as zero: `+0.05`.
    ///   - trimmingZeros: drops trailing zeros of the fraction, and the point when nothing is left: `12.5`, `10`.
    /// - Precondition: `decimals` is in `0...18`.
    /// - Complexity: O(*d*) in the number of digits.
    public static func fixed(
        _ value: Double, decimals: Int, grouping: Bool = false, signed: Bool = false, trimmingZeros: Bool = false
    ) -> String {
        precondition((0...18).contains(decimals), "NumberText.fixed needs 0 to 18 decimals, got \(decimals)")
        if let symbol = nonFinite(value, signed: signed) { return symbol }
        var scale: Double = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value.magnitude * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 0x1p64 else {
            return sign(of: value, signed: signed, printsZero: false) + scientific(value.magnitude, digits: 4)
        }
        let units = UInt64(scaled)
        let unit = UInt64(scale)
        var text = grouping ? groupedDigits(units / unit) : String(units / unit)
        if decimals > 0 {
            var fraction = String(units % unit)
            fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
            if trimmingZeros {
                while fraction.last == "0" { fraction.removeLast() }
            }
            if !fraction.isEmpty { text += "." + fraction }
        }
        return sign(of: value, signed: signed, printsZero: units == 0) + text
    }

    /// The plain text of a number as a person would type it, for help texts, messages and files: `20000`, `0.5`,
    /// `1.25` (at most six decimals, trailing zeros dropped).
    /// - Complexity: O(*d*) in the number of digits.
    public static func plain(_ value: Double) -> String {
        fixed(value, decimals: 6, trimmingZeros: true)
    }

    /// An integer with `,` between thousands: `1,234,567`, `-12,345`.
    /// - Complexity: O(*d*) in the number of digits.
    public static func grouped<Integer: BinaryInteger>(_ value: Integer) -> String {
        (value < 0 ? "-" : "") + groupedDigits(value.magnitude)
    }

    /// The text of a value that is not finite (the rule above), or `nil` for a finite one.
    static func nonFinite(_ value: Double, signed: Bool) -> String? {
        if value.isNaN { return "n/a" }
        if value == .infinity { return signed ? "+∞" : "∞" }
        if value == -.infinity { return "-∞" }
        return nil
    }

    /// The sign a value prints with: none when it prints as zero.
    static func sign(of value: Double, signed: Bool, printsZero: Bool) -> String {
        if printsZero { return "" }
        if value < 0 { return "-" }
        return signed && value > 0 ? "+" : ""
    }

    private static func groupedDigits<Magnitude: BinaryInteger>(_ magnitude: Magnitude) -> String {
        let digits = String(magnitude)
        var text = ""
        text.reserveCapacity(digits.count + digits.count / 3)
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
