import PerfResult
import PerfSupport

/// The text a run prints: one row per case (MicroBench's columns), then the bars.
struct PoolsTable {
    /// A figure column: at least as wide as MicroBench's, so that the tables of both line up alike.
    private struct Column {
        let header: String
        let width: Int
        let cell: (PoolsRun.Record, Result) -> String
    }

    private let run: PoolsRun
    private let results: [Result]
    private let columns: [Column]

    init(run: PoolsRun) {
        self.run = run
        results = run.results()
        func metric(_ key: String, _ format: @escaping (Double) -> String) -> (PoolsRun.Record, Result) -> String {
            { _, result in result[key].map { format($0.value) } ?? "-" }
        }
        columns = [
            Column(
                header: "ops/s", width: 14,
                cell: metric("opsPerSec") { NumberText.fixed($0, decimals: 0, grouping: true) }),
            Column(header: "ns/op p50", width: 10, cell: metric("nsPerOp", NumberText.nanoseconds)),
            Column(header: "±rme", width: 7, cell: metric("rme") { "±" + NumberText.fixed($0, decimals: 2) + "%" }),
            Column(header: "p99", width: 10, cell: metric("p99Ns", NumberText.nanoseconds)),
            Column(header: "samples", width: 7) { _, result in
                result["nsPerOp"]?.samples.map { NumberText.grouped($0.count) } ?? "-"
            },
            Column(header: "allocs/op", width: 9, cell: metric("allocsPerOp", NumberText.count)),
            Column(header: "bytes/op", width: 9, cell: metric("bytesPerOp", NumberText.count)),
            Column(header: "hits", width: 7, cell: metric("hitRate") { NumberText.fixed($0 * 100, decimals: 1) + "%" }),
            Column(header: "clean", width: 5) { record, _ in
                guard case let .single(single) = record else { return "-" }
                return NumberText.fixed(single.cleanFraction * 100, decimals: 0) + "%"
            },
        ]
    }

    /// The header and one row per case, then the notes explained.
    var lines: [String] {
        var table = TextTable(
            [.left("name")] + columns.map { .right($0.header, minimumWidth: $0.width) } + [.left("note")])
        for (record, result) in zip(run.records, results) {
            let note = Self.notes(of: record).map(\.label).joined(separator: ", ")
            table.append([record.name] + columns.map { $0.cell(record, result) } + [note])
        }
        var lines = table.rendered().split(separator: "\n").map(String.init)
        let notes = Self.uniqueNotes(run.records.flatMap(Self.notes))
        if !notes.isEmpty {
            lines.append("")
            lines.append("notes:")
            for note in notes {
                let names = run.records.filter { Self.notes(of: $0).contains(note) }.map(\.name)
                lines.append("  \(note.label): \(note.explanation) (\(names.joined(separator: ", ")))")
            }
        }
        return lines
    }

    /// The bars and references, each ratio with its per-round range and its verdict, then a summary.
    var barLines: [String] {
        let outcomes = run.outcomes()
        guard !outcomes.isEmpty else {
            return ["bars: none evaluated (each needs both of its cases; see --list)"]
        }
        let rounds = outcomes.map(\.ratios.count).max() ?? 0
        var table = TextTable([
            .left("bar"), .right("ratio"), .left("per-round range"), .left("limit"), .left("verdict"), .left("about"),
        ])
        for outcome in outcomes {
            let bar = outcome.bar
            let range =
                "(\(NumberText.ratio(outcome.ratios.min() ?? 0)) – \(NumberText.ratio(outcome.ratios.max() ?? 0)))"
            var limit = "-"
            if let barLimit = bar.limit { limit = (bar.isReference ? "ref " : "bar ") + barLimit.text }
            let verdict = outcome.met.map { $0 ? "met" : "NOT MET" } ?? ""
            table.append([bar.label, NumberText.ratio(outcome.ratio), range, limit, verdict, bar.note])
        }
        var lines = ["bars: ratios measured in this run, the median of \(rounds) per-round ratios (range in brackets)"]
        lines += table.rendered(indent: "  ").split(separator: "\n").map(String.init)
        let bars = outcomes.filter { !$0.bar.isReference && $0.met != nil }
        let met = bars.count { $0.met == true }
        var summary = "\(met) of \(bars.count) bar\(bars.count == 1 ? "" : "s") met"
        let skipped = Bar.all.filter { !$0.isReference }.count - bars.count
        if skipped > 0 { summary += "; \(skipped) not evaluated (a case filtered out)" }
        lines.append(summary)
        return lines
    }

    /// The notes of a record's row: MicroBench's findings, and a pool that missed.
    static func notes(of record: PoolsRun.Record) -> [Note] {
        var notes: [Note] = []
        var hitRate: Double?
        switch record {
        case let .single(record):
            notes = uniqueNotes(record.rounds.flatMap(\.findings))
            hitRate = record.hitRate
        case let .threads(record):
            notes.append(
                Note(
                    label: "fixed window",
                    explanation: "the threads start together and run for one fixed window per round; ops/s is the "
                        + "total over the threads, ns/op the wall time per operation on each thread, samples the rounds"
                ))
            hitRate = record.hitRate
        }
        if let hitRate, hitRate < 0.99 {
            notes.append(
                Note(
                    label: "pool missed",
                    explanation: "under 99 % of acquisitions were hits: the row times allocations, not the pool's "
                        + "hit path"))
        }
        return notes
    }

    private static func uniqueNotes(_ notes: [Note]) -> [Note] {
        var seen: Set<Note> = []
        return notes.filter { seen.insert($0).inserted }
    }
}
