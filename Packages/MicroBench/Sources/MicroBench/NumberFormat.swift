/// Number formatting for the table, without Foundation: fixed decimals, thousands separators,
/// adaptive time units and SI rates.
enum NumberFormat {
    /// `value` rounded to `decimals` places, with `,` between thousands when `grouping` is set.
    static func fixed(_ value: Double, decimals: Int, grouping: Bool = false) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return "\(value)" }
        let units = Int64(scaled)
        let whole = units / Int64(scale)
        let fraction = units % Int64(scale)
        var text = grouping ? grouped(whole) : String(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return (value < 0 && units != 0 ? "-" : "") + text
    }

    /// An integer with `,` between thousands: `1,234,567`.
    static func grouped<Integer: BinaryInteger>(_ value: Integer) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// Nanoseconds with precision that fits their size: `0.93`, `24.92`, `1,234.5`, `1,234,567`.
    static func nanoseconds(_ value: Double) -> String {
        if abs(value) < 1_000 { return fixed(value, decimals: 2) }
        if abs(value) < 100_000 { return fixed(value, decimals: 1, grouping: true) }
        return fixed(value, decimals: 0, grouping: true)
    }

    /// A duration in the largest unit under 1,000 of it: `850 ns`, `1.25 µs`, `3.40 ms`, `1.20 s`.
    static func duration(nanoseconds value: Double) -> String {
        if value < 1_000 { return fixed(value, decimals: 0) + " ns" }
        if value < 1e6 { return fixed(value / 1e3, decimals: 2) + " µs" }
        if value < 1e9 { return fixed(value / 1e6, decimals: 2) + " ms" }
        return fixed(value / 1e9, decimals: 2) + " s"
    }

    /// Operations per second: grouped whole numbers from 1,000 up, two decimals below, `>1e15` above
    /// what a real operation reaches (a body the optimizer emptied).
    static func rate(_ value: Double) -> String {
        if value >= 1e15 { return ">1e15" }
        return value >= 1_000 ? fixed(value, decimals: 0, grouping: true) : fixed(value, decimals: 2)
    }

    /// A percentage: `0.31%`, `12.5%`, `100%`.
    static func percent(_ value: Double) -> String {
        if value < 10 { return fixed(value, decimals: 2) + "%" }
        if value < 100 { return fixed(value, decimals: 1) + "%" }
        return fixed(value, decimals: 0) + "%"
    }

    /// A rate with an SI prefix and `unit`: `1.52 GB/s`, `45.6 Melem/s`, `812 elem/s`.
    static func siRate(_ value: Double, unit: String) -> String {
        let prefixes: [(Double, String)] = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]
        for (scale, prefix) in prefixes where value >= scale {
            return threeSignificant(value / scale) + " " + prefix + unit
        }
        return threeSignificant(value) + " " + unit
    }

    /// A count that is usually whole (allocations per operation): `3`, else `2.50`.
    static func count(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? grouped(Int64(value)) : fixed(value, decimals: 2)
    }

    private static func threeSignificant(_ value: Double) -> String {
        if value < 10 { return fixed(value, decimals: 2) }
        if value < 100 { return fixed(value, decimals: 1) }
        return fixed(value, decimals: 0)
    }
}
