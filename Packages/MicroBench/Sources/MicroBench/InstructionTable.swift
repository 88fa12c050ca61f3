import PerfSupport

/// The columns of the `--instructions` table, one row per task: instructions, L1 misses and last-level
/// misses per operation (medians over the windows), and whether the windows agreed.
struct InstructionTable {
    private let table: TextTable

    /// - Parameter names: Every name that may get a row.
    init(names: [String]) {
        table = TextTable([
            .left("name", minimumWidth: max(4, names.map(\.count).max() ?? 0)),
            .right("instructions/op", minimumWidth: 17), .right("L1 misses/op", minimumWidth: 12),
            .right("LL misses/op", minimumWidth: 12), .right("windows", minimumWidth: 14),
        ])
    }

    /// The header line.
    func header() -> String {
        table.headerLine()
    }

    /// The row of `count`.
    func row(_ count: InstructionCount) -> String {
        let spread = count.instructionSpread
        let cells = [
            count.name,
            Self.perOperation(InstructionCount.median(count.instructionsPerOperation)),
            Self.perOperation(InstructionCount.median(count.l1MissesPerOperation)),
            Self.perOperation(InstructionCount.median(count.lastLevelMissesPerOperation)),
            spread == 0 ? "\(count.windows.count) identical" : "spread " + NumberText.percent(spread * 100),
        ]
        return table.line(cells.map { TextTable.Cell($0) })
    }

    /// A per-operation count: whole numbers grouped (`12,345`), small fractions with three decimals
    /// (`0.030`), others with two (`1,234.56`).
    static func perOperation(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return NumberText.grouped(Int64(value)) }
        return NumberText.fixed(value, decimals: abs(value) < 10 ? 3 : 2, grouping: true)
    }
}
