extension NumberText {
    /// A time in nanoseconds, without unit, with the precision that fits its size: `0.93`, `24.92`,
    /// `6,718.6`, `1,234,567` (two decimals below 1,000, one below 100,000, none above; grouped). The `ns/op`
    /// columns print with it.
    /// - Complexity: O(*d*) in the number of digits.
    public static func nanoseconds(_ value: Double) -> String {
        let magnitude = value.magnitude
        if magnitude < 1_000 { return fixed(value, decimals: 2) }
        return fixed(value, decimals: magnitude < 100_000 ? 1 : 0, grouping: true)
    }

    /// A duration in the largest unit of which it has at least one: `850 ns`, `1.25 µs`, `3.40 ms`, `1.20 s`
    /// (whole nanoseconds, else two decimals). A value that would round to 1,000 of a unit takes the next one.
    /// - Complexity: O(*d*) in the number of digits.
    public static func duration(nanoseconds value: Double) -> String {
        scaled(value, base: 1000, units: [(1, "ns", 0), (1e3, "µs", 2), (1e6, "ms", 2), (1e9, "s", 2)])
    }

    /// `duration(nanoseconds:)` of a `Duration`: `1.20 s`.
    /// - Complexity: O(*d*) in the number of digits.
    public static func duration(_ duration: Duration) -> String {
        self.duration(nanoseconds: duration.secondsDouble * 1e9)
    }

    /// A byte count in binary units: `96 B`, `89.3 KiB`, `1.50 MiB`, `2.25 GiB`, `1.10 TiB` (whole bytes, one
    /// decimal for KiB, two above). A value that would round to 1,024 of a unit takes the next one.
    /// - Parameter signed: `+` before a positive count that does not print as zero, for growth: `+57.2 KiB`.
    /// - Complexity: O(*d*) in the number of digits.
    public static func bytes(_ value: Double, signed: Bool = false) -> String {
        scaled(
            value, base: 1024, signed: signed,
            units: [(1, "B", 0), (0x1p10, "KiB", 1), (0x1p20, "MiB", 2), (0x1p30, "GiB", 2), (0x1p40, "TiB", 2)])
    }

    /// A rate (or any quantity) with an SI prefix and three significant digits: `1.52 GB/s`, `45.6 Melem/s`,
    /// `812 elem/s` for `unit` `B/s` and `elem/s`. Prefixes `k`, `M`, `G`, `T` (powers of 1,000).
    /// - Complexity: O(*d*) in the number of digits.
    public static func si(_ value: Double, unit: String) -> String {
        if let symbol = nonFinite(value, signed: false) { return symbol }
        let prefixes: [(scale: Double, prefix: String)] = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"), (1, "")]
        let magnitude = value.magnitude
        var index = prefixes.firstIndex { magnitude >= $0.scale } ?? prefixes.count - 1
        // 999.6 k prints as 1.00 M rather than 1000 k.
        if index > 0 && magnitude / prefixes[index].scale >= 999.5 { index -= 1 }
        let (scale, prefix) = prefixes[index]
        return threeSignificant(value / scale) + " " + prefix + unit
    }

    /// Operations per second as the MicroBench table prints them: grouped whole numbers from 1,000 up
    /// (`40,123,457`), two decimals below (`12.50`), and `>1e15` from 10¹⁵ up, beyond any real operation
    /// (a body the optimizer emptied).
    /// - Complexity: O(*d*) in the number of digits.
    public static func operationsPerSecond(_ value: Double) -> String {
        if let symbol = nonFinite(value, signed: false) { return symbol }
        if value >= 1e15 { return ">1e15" }
        return value.magnitude >= 1_000 ? fixed(value, decimals: 0, grouping: true) : fixed(value, decimals: 2)
    }

    /// A count that is usually whole (allocations per operation): `3`, `65,568`, else two decimals: `2.50`.
    /// - Complexity: O(*d*) in the number of digits.
    public static func count(_ value: Double) -> String {
        if value.isFinite && value == value.rounded() && value.magnitude < 1e15 { return grouped(Int64(value)) }
        return fixed(value, decimals: 2, grouping: true)
    }

    /// A value already in percent, with three significant digits and no space: `0.31%`, `12.5%`, `100%`.
    /// - Complexity: O(1).
    public static func percent(_ percent: Double) -> String {
        if let symbol = nonFinite(percent, signed: false) { return symbol }
        return threeSignificant(percent) + "%"
    }

    /// A relative change given as a fraction, in percent with one decimal and a sign: `+12.5 %` for `0.125`,
    /// `-3.0 %`, and `0.0 %` for a change that rounds to zero.
    /// - Complexity: O(1).
    public static func change(_ fraction: Double) -> String {
        if let symbol = nonFinite(fraction, signed: true) { return symbol }
        return fixed(fraction * 100, decimals: 1, signed: true) + " %"
    }

    /// Two decimals below 10, one below 100, none above, judged after rounding (`9.996` prints `10.0`).
    private static func threeSignificant(_ value: Double) -> String {
        let magnitude = value.magnitude
        return fixed(value, decimals: magnitude < 9.995 ? 2 : magnitude < 99.95 ? 1 : 0)
    }

    /// `value` in the largest of `units` (ascending) of which it has at least one; the next unit when it would
    /// print as `base` of the chosen one.
    private static func scaled(
        _ value: Double, base: Double, signed: Bool = false, units: [(scale: Double, suffix: String, decimals: Int)]
    ) -> String {
        if let symbol = nonFinite(value, signed: signed) { return symbol }
        let magnitude = value.magnitude
        var index = units.lastIndex { magnitude >= $0.scale } ?? 0
        if index + 1 < units.count {
            var power: Double = 1
            for _ in 0..<units[index].decimals { power *= 10 }
            if (magnitude / units[index].scale * power).rounded(.toNearestOrAwayFromZero) / power >= base {
                index += 1
            }
        }
        let unit = units[index]
        return fixed(value / unit.scale, decimals: unit.decimals, signed: signed) + " " + unit.suffix
    }
}
