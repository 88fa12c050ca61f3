import PerfResult
import PerfSupport

extension VerifyRow {
    /// The row as a PerfResult result: `ours` and `reference` in the row's unit, `passed` 1 or 0 (absent when
    /// skipped), and the verdict, bar and note as parameters so the file says everything the table does.
    func result() throws -> Result {
        var metrics: [Metric] = []
        let direction: Metric.Direction = .lower
        if let ours { metrics.append(try Metric(key: "ours", value: ours, unit: unit, better: direction)) }
        if let reference {
            metrics.append(try Metric(key: "reference", value: reference, unit: unit, better: direction))
        }
        if verdict != .skip {
            metrics.append(try Metric(key: "passed", value: verdict == .pass ? 1 : 0, unit: .count, better: .higher))
        }
        return try Result(name: name, metrics: metrics)
    }

    /// The report of `rows`: suite `verify`.
    static func report(_ rows: [VerifyRow], environment: Environment) throws -> Report {
        try Report(suite: "verify", environment: environment, results: rows.map { try $0.result() })
    }

    /// The table `perf-verify` prints: one line per row, the verdict first.
    static func table(_ rows: [VerifyRow]) -> String {
        var table = TextTable([
            .left("verdict"), .left("check"), .right("ours"), .right("reference"), .left("bar"), .left("note"),
        ])
        for row in rows {
            table.append([
                row.verdict.rawValue.uppercased(), row.name, row.ours.map { row.text($0) } ?? "-",
                row.reference.map { row.text($0) } ?? "-", row.bar, row.note,
            ])
        }
        return table.rendered()
    }

    /// A figure in the row's unit, for the table.
    func text(_ value: Double) -> String {
        switch unit {
        case .count: NumberText.fixed(value, decimals: value == value.rounded() ? 0 : 2, grouping: true)
        case .bytes: NumberText.fixed(value, decimals: 0, grouping: true) + " B"
        case .ratio: NumberText.fixed(value, decimals: 3) + "×"
        default: NumberText.fixed(value, decimals: value < 10 ? 3 : 1) + " " + unit.rawValue
        }
    }
}
