/// Numbers for tables, without Foundation's formatters.
enum NumberText {
    /// `value` with exactly `decimals` digits after the point, e.g. `fixed(3.14159, 2)` is `3.14`.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e18 else { return String(value) }
        let whole = UInt64(scaled)
        let unit = UInt64(scale)
        var text = String(whole / unit)
        if decimals > 0 {
            let fraction = String(whole % unit)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return (value < 0 && scaled > 0 ? "-" : "") + text
    }

    /// A latency in nanoseconds as milliseconds with three decimals.
    static func milliseconds(_ nanoseconds: Double) -> String {
        fixed(nanoseconds / 1e6, 3)
    }

    /// Bytes with a binary-free decimal unit: `1.85 MB`.
    static func bytes(_ value: Double) -> String {
        let units = ["B", "kB", "MB", "GB", "TB"]
        var scaled = value
        var index = 0
        while scaled >= 1000, index < units.count - 1 {
            scaled /= 1000
            index += 1
        }
        return "\(fixed(scaled, index == 0 ? 0 : 2)) \(units[index])"
    }

    /// Left-aligned columns separated by two spaces.
    static func columns(_ rows: [[String]]) -> [String] {
        let widths = (0..<(rows.map(\.count).max() ?? 0)).map { column in
            rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        return rows.map { row in
            var line = ""
            for (column, cell) in row.enumerated() {
                line +=
                    column + 1 == row.count
                    ? cell : cell + String(repeating: " ", count: widths[column] - cell.count + 2)
            }
            return line
        }
    }
}
