#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers as the tables print them, without Foundation's formatters: four significant digits,
/// `M`/`G`/`T` above a million, no trailing zeros.
public enum ValueFormat {
    /// A value with four significant digits: `41.5`, `65536`, `0.00123`, `24.1M`, `1.5e-7`.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "-∞") }
        let magnitude = abs(value)
        let sign = value < 0 ? "-" : ""
        if magnitude == 0 { return "0" }
        for (limit, suffix) in [(1e12, "T"), (1e9, "G"), (1e6, "M")] where magnitude >= limit {
            return sign + significant(magnitude / limit, digits: 4) + suffix
        }
        if magnitude >= 1000 && magnitude == magnitude.rounded() { return sign + fixed(magnitude, decimals: 0) }
        if magnitude < 1e-4 { return sign + scientific(magnitude) }
        return sign + significant(magnitude, digits: 4)
    }

    /// A relative change as a signed percentage with one decimal: `+12.5 %`, `-3.0 %`, `0.0 %`.
    public static func change(_ fraction: Double) -> String {
        guard fraction.isFinite else { return fraction > 0 ? "+∞" : "-∞" }
        let rounded = fixed(abs(fraction) * 100, decimals: 1, trimZeros: false)
        if rounded == "0.0" { return "0.0 %" }
        return (fraction > 0 ? "+" : "-") + rounded + " %"
    }

    /// A percentage number without the sign or unit, at most one decimal: `10`, `12.5`.
    public static func percentNumber(_ percent: Double) -> String {
        fixed(percent, decimals: 1)
    }

    /// A p-value: `<0.0001`, `0.0079`, `0.063`, `1`.
    public static func pValue(_ p: Double) -> String {
        p < 0.0001 ? "<0.0001" : fixed(p, decimals: 4)
    }

    /// `value` rounded to `decimals` places, trailing zeros (and a bare point) removed unless asked to keep.
    static func fixed(_ value: Double, decimals: Int, trimZeros: Bool = true) -> String {
        let sign = value < 0 ? "-" : ""
        var scale: Double = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9.0e18 else { return sign + scientific(abs(value)) }
        let units = UInt64(scaled)
        let whole = units / UInt64(scale)
        var text = String(whole)
        if decimals > 0 {
            var fraction = String(units % UInt64(scale))
            fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
            if trimZeros { while fraction.last == "0" { fraction.removeLast() } }
            if !fraction.isEmpty { text += "." + fraction }
        }
        return (units == 0 ? "" : sign) + text
    }

    private static func significant(_ magnitude: Double, digits: Int) -> String {
        let integerDigits = Int(log10(magnitude).rounded(.down)) + 1
        return fixed(magnitude, decimals: max(0, digits - integerDigits))
    }

    private static func scientific(_ magnitude: Double) -> String {
        let exponent = Int(log10(magnitude).rounded(.down))
        var mantissa = magnitude
        for _ in 0..<abs(exponent) { mantissa = exponent > 0 ? mantissa / 10 : mantissa * 10 }
        var text = fixed(mantissa, decimals: 3)
        var shown = exponent
        if text.hasPrefix("10") { // 9.9996 rounds up to 10
            text = fixed(mantissa / 10, decimals: 3)
            shown += 1
        }
        return "\(text)e\(shown)"
    }
}
