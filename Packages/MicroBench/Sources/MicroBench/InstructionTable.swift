/// The aligned table of `--instructions`, one row per task: instructions, L1 misses and last-level
/// misses per operation (medians over the windows), and whether the windows agreed.
struct InstructionTable {
    private let nameWidth: Int
    private static let headers = ["instructions/op", "L1 misses/op", "LL misses/op", "windows"]
    private static let widths = [17, 12, 12, 14]

    /// - Parameter names: Every name that may get a row.
    init(names: [String]) {
        nameWidth = max(4, names.map(\.count).max() ?? 0)
    }

    /// The header line.
    func header() -> String {
        line("name", Self.headers)
    }

    /// The row of `count`.
    func row(_ count: InstructionCount) -> String {
        let spread = count.instructionSpread
        return line(
            count.name,
            [
                Self.perOperation(InstructionCount.median(count.instructionsPerOperation)),
                Self.perOperation(InstructionCount.median(count.l1MissesPerOperation)),
                Self.perOperation(InstructionCount.median(count.lastLevelMissesPerOperation)),
                spread == 0 ? "\(count.windows.count) identical" : "spread " + NumberFormat.percent(spread * 100),
            ])
    }

    /// A per-operation count: whole numbers grouped (`12,345`), small fractions with three decimals
    /// (`0.030`), others with two (`1,234.56`).
    static func perOperation(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return NumberFormat.grouped(Int64(value)) }
        return NumberFormat.fixed(value, decimals: abs(value) < 10 ? 3 : 2, grouping: true)
    }

    private func line(_ name: String, _ cells: [String]) -> String {
        var text = name + String(repeating: " ", count: max(0, nameWidth - name.count))
        for (width, cell) in zip(Self.widths, cells) {
            text += "  " + String(repeating: " ", count: max(0, width - cell.count)) + cell
        }
        return text
    }
}
