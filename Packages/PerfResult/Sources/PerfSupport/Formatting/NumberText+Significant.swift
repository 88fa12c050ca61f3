#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension NumberText {
    /// A value with `digits` significant digits and no trailing zeros, for values of any size: `41.5`,
    /// `41.51`, `0.0001234`, `65536`, `1235`, `24.1M`, `2.5G`, `1.234e-5`.
    ///
    /// From a million up the value is divided by 10⁶, 10⁹ or 10¹² and marked `M`, `G` or `T`; a whole number
    /// from 1,000 up prints all its digits (`65536`, not `65540`), other values from 10⁴ up may show more than
    /// `digits` digits but no decimals; below 10⁻⁴ scientific notation (`1.234e-5`). No grouping.
    /// - Precondition: `digits` is in `1...15`.
    /// - Complexity: O(*d*) in the number of digits.
    public static func significant(_ value: Double, digits: Int = 4) -> String {
        precondition((1...15).contains(digits), "NumberText.significant needs 1 to 15 digits, got \(digits)")
        if let symbol = nonFinite(value, signed: false) { return symbol }
        let magnitude = value.magnitude
        if magnitude == 0 { return "0" }
        let sign = value < 0 ? "-" : ""
        for (limit, suffix) in [(1e12, "T"), (1e9, "G"), (1e6, "M")] where magnitude >= limit {
            return sign + significantDigits(magnitude / limit, digits) + suffix
        }
        if magnitude >= 1000 && magnitude == magnitude.rounded() { return sign + fixed(magnitude, decimals: 0) }
        if magnitude < 1e-4 { return sign + scientific(magnitude, digits: digits) }
        return sign + significantDigits(magnitude, digits)
    }

    /// A p-value with at most four decimals, `<0.0001` below that: `<0.0001`, `0.0079`, `0.063`, `1`.
    /// - Complexity: O(1).
    public static func pValue(_ p: Double) -> String {
        if let symbol = nonFinite(p, signed: false) { return symbol }
        return p < 0.0001 ? "<0.0001" : fixed(p, decimals: 4, trimmingZeros: true)
    }

    /// A positive finite `magnitude` with `digits` significant digits, trailing zeros trimmed.
    private static func significantDigits(_ magnitude: Double, _ digits: Int) -> String {
        let integerDigits = Int(log10(magnitude).rounded(.down)) + 1
        return fixed(magnitude, decimals: min(18, max(0, digits - integerDigits)), trimmingZeros: true)
    }

    /// A positive finite `magnitude` as `m.mmme±x` with `digits` significant digits, trailing zeros trimmed:
    /// `1.234e-5`, `1.5e20`.
    static func scientific(_ magnitude: Double, digits: Int) -> String {
        var exponent = Int(log10(magnitude).rounded(.down))
        var mantissa = magnitude
        // Repeated steps of ten rather than one power: 10^|exponent| overflows for subnormal magnitudes.
        for _ in 0..<abs(exponent) { mantissa = exponent > 0 ? mantissa / 10 : mantissa * 10 }
        var text = fixed(mantissa, decimals: digits - 1, trimmingZeros: true)
        if text.hasPrefix("10") { // 9.9996 rounds up to 10
            text = fixed(mantissa / 10, decimals: digits - 1, trimmingZeros: true)
            exponent += 1
        }
        return "\(text)e\(exponent)"
    }
}
