import PerfResult

/// The aligned table the runner prints, one row per measurement as soon as it is measured.
///
/// Widths are fixed before the first row (the name column from every selected name, the numeric
/// columns from their headers and typical values), so rows stream and still line up. Optional
/// columns appear when a task declares a throughput, and for each metric the probes report
/// (`allocs/op`, `bytes/op`, ...).
struct ResultTable {
    private struct Column {
        let header: String
        let width: Int
        let cell: (Measurement) -> String
    }

    private let nameWidth: Int
    private let columns: [Column]

    /// - Parameters:
    ///   - names: Every name that may get a row.
    ///   - probeMetricKeys: The metric keys the probes report, in order.
    ///   - showsThroughput: Whether any task declares a throughput.
    init(names: [String], probeMetricKeys: [String], showsThroughput: Bool) {
        nameWidth = max(4, names.map(\.count).max() ?? 0)
        var columns = [
            Column(header: "ops/s", width: 14) { NumberFormat.rate($0.statistics.opsPerSecond) },
            Column(header: "ns/op p50", width: 11) { NumberFormat.nanoseconds($0.statistics.p50) },
            Column(header: "±rme", width: 8) { "±" + NumberFormat.percent($0.statistics.rme) },
            Column(header: "p99", width: 11) { NumberFormat.nanoseconds($0.statistics.p99) },
            Column(header: "samples", width: 7) { NumberFormat.grouped($0.usedSamples.count) },
            Column(header: "batch", width: 13) { NumberFormat.grouped($0.batch) },
        ]
        for key in probeMetricKeys {
            let header = ResultTable.header(forProbeMetric: key)
            columns.append(
                Column(header: header, width: max(header.count, 9)) { measurement in
                    measurement.probeMetrics.first { $0.key == key }.map { NumberFormat.count($0.value) } ?? "-"
                })
        }
        if showsThroughput {
            columns.append(Column(header: "throughput", width: 13) { ResultTable.throughput($0) })
        }
        columns.append(
            Column(header: "clean", width: 5) { NumberFormat.fixed($0.cleanFraction * 100, decimals: 0) + "%" })
        columns.append(
            Column(header: "1st call", width: 10) { NumberFormat.duration(nanoseconds: $0.coldStartNanoseconds) })
        self.columns = columns
    }

    /// The header line.
    func header() -> String {
        line(name: "name", cells: columns.map(\.header), note: "note")
    }

    /// The row of `measurement`, with its findings' labels in the note column.
    func row(_ measurement: Measurement) -> String {
        line(
            name: measurement.name, cells: columns.map { $0.cell(measurement) },
            note: measurement.findings.map(\.label).joined(separator: ", "))
    }

    private func line(name: String, cells: [String], note: String) -> String {
        var text = name + String(repeating: " ", count: max(0, nameWidth - name.count))
        for (column, cell) in zip(columns, cells) {
            text += "  " + String(repeating: " ", count: max(0, column.width - cell.count)) + cell
        }
        if !note.isEmpty { text += "  " + note }
        return text
    }

    private static func header(forProbeMetric key: String) -> String {
        switch key {
        case "allocsPerOp": return "allocs/op"
        case "bytesPerOp": return "bytes/op"
        default: return key
        }
    }

    private static func throughput(_ measurement: Measurement) -> String {
        guard let throughput = measurement.throughput else { return "-" }
        let rate = throughput.perSecond(atNanosecondsPerOperation: measurement.statistics.p50)
        switch throughput {
        case .bytes: return NumberFormat.siRate(rate, unit: "B/s")
        case .elements: return NumberFormat.siRate(rate, unit: "elem/s")
        }
    }
}
