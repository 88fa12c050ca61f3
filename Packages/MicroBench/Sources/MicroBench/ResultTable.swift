import PerfResult
import PerfSupport

/// The columns of the table the runner prints, one row per measurement as soon as it is measured.
///
/// Widths are fixed before the first row (the name column from every selected name, the numeric
/// columns from their headers and typical values), so rows stream and still line up. Optional
/// columns appear when a task declares a throughput, and for each metric the probes report
/// (`allocs/op`, `bytes/op`, ...).
struct ResultTable {
    private let table: TextTable
    private let cells: [(Measurement) -> String]

    /// - Parameters:
    ///   - names: Every name that may get a row.
    ///   - probeMetricKeys: The metric keys the probes report, in order.
    ///   - showsThroughput: Whether any task declares a throughput.
    init(names: [String], probeMetricKeys: [String], showsThroughput: Bool) {
        var columns: [(TextTable.Column, (Measurement) -> String)] = [
            (.right("ops/s", minimumWidth: 14), { NumberText.operationsPerSecond($0.statistics.opsPerSecond) }),
            (.right("ns/op p50", minimumWidth: 11), { NumberText.nanoseconds($0.statistics.p50) }),
            (.right("±rme", minimumWidth: 8), { "±" + NumberText.percent($0.statistics.rme) }),
            (.right("p99", minimumWidth: 11), { NumberText.nanoseconds($0.statistics.p99) }),
            (.right("samples", minimumWidth: 7), { NumberText.grouped($0.usedSamples.count) }),
            (.right("batch", minimumWidth: 13), { NumberText.grouped($0.batch) }),
        ]
        for key in probeMetricKeys {
            columns.append(
                (
                    .right(ResultTable.header(forProbeMetric: key), minimumWidth: 9),
                    { measurement in
                        measurement.probeMetrics.first { $0.key == key }.map(ResultTable.cell(forProbeMetric:)) ?? "-"
                    }
                ))
        }
        if showsThroughput {
            columns.append((.right("throughput", minimumWidth: 13), ResultTable.throughput))
        }
        columns.append(
            (.right("clean", minimumWidth: 5), { NumberText.fixed($0.cleanFraction * 100, decimals: 0) + "%" }))
        columns.append(
            (.right("1st call", minimumWidth: 10), { NumberText.duration(nanoseconds: $0.coldStartNanoseconds) }))
        let nameWidth = max(4, names.map(\.count).max() ?? 0)
        table = TextTable([.left("name", minimumWidth: nameWidth)] + columns.map(\.0) + [.left("note")])
        cells = columns.map(\.1)
    }

    /// The header line.
    func header() -> String {
        table.headerLine()
    }

    /// The row of `measurement`, with its findings' labels in the note column.
    func row(_ measurement: Measurement) -> String {
        let note = measurement.findings.map(\.label).joined(separator: ", ")
        return table.line(([measurement.name] + cells.map { $0(measurement) } + [note]).map { TextTable.Cell($0) })
    }

    private static func throughput(_ measurement: Measurement) -> String {
        guard let throughput = measurement.throughput else { return "-" }
        let rate = throughput.perSecond(atNanosecondsPerOperation: measurement.statistics.p50)
        switch throughput {
        case .bytes: return NumberText.si(rate, unit: "B/s")
        case .elements: return NumberText.si(rate, unit: "elem/s")
        }
    }
}
