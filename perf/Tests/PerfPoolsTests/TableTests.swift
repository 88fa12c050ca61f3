import PerfSupport
import Testing

@testable import perf_pools

/// The printed table and bars of a synthetic run.
@Suite struct TableTests {
    @Test func everyCaseGetsOneRowUnderTheHeader() {
        let lines = PoolsTable(run: SyntheticRun.complete).lines
        #expect(lines[0].hasPrefix("name"))
        for column in ["ops/s", "ns/op p50", "±rme", "p99", "samples", "allocs/op", "bytes/op", "hits", "clean"] {
            #expect(lines[0].contains(column), "\(column)")
        }
        let rows = lines.dropFirst().prefix(PoolCase.names.count)
        #expect(rows.map { String($0.prefix { $0 != " " }) } == PoolCase.names)
        let allocRow = lines.first { $0.hasPrefix("object/alloc ") }!
        #expect(allocRow.contains("24,691,358")) // 1e9 / 40.5
        #expect(allocRow.contains("40.50"))
        #expect(lines.contains { $0.hasPrefix("  fixed window: ") })
        #expect(lines[0].hasSuffix("clean  note"))
        #expect(allocRow.hasSuffix("100%"))
    }

    @Test func theBarsSayWhichAreMetAndWhichAreReferences() {
        let lines = PoolsTable(run: SyntheticRun.complete).barLines
        #expect(lines[0] == "bars: ratios measured in this run, the median of 3 per-round ratios (range in brackets)")
        let object = lines.first { $0.contains("object/pool ÷ object/alloc") }!
        #expect(object.contains("0.10×") && object.contains("bar ≤ 0.50×") && object.contains(" met "))
        let reserve = lines.first { $0.contains("buffer64k/pool ÷ buffer64k/reserve") }!
        #expect(reserve.contains("ref ≤ 0.050×") && reserve.contains("NOT MET"))
        let scaling = lines.first { $0.contains("threads2/pool ÷ threads1/pool ") && !$0.contains("CPU") }!
        #expect(scaling.contains("1.90×") && scaling.contains("bar ≥ 1.60×") && scaling.contains(" met "))
        #expect(lines.last == "4 of 4 bars met")
    }

    @Test func aBarBelowItsLimitIsNotMetAndCounted() {
        var run = SyntheticRun.complete
        run.records[9] = .threads(SyntheticRun.threads("threads2/pool", threads: 2, operations: [100, 105, 95]))
        let lines = PoolsTable(run: run).barLines
        let scaling = lines.first { $0.contains("threads2/pool ÷ threads1/pool ") && !$0.contains("CPU") }!
        #expect(scaling.contains("1.00×") && scaling.contains("NOT MET"))
        #expect(lines.last == "3 of 4 bars met")
    }

    @Test func barsWhoseCasesWereFilteredOutAreCountedAsNotEvaluated() {
        var run = SyntheticRun.complete
        run.records.removeAll { $0.name.hasPrefix("threads") || $0.name == "object/alloc" }
        #expect(PoolsTable(run: run).barLines.last == "2 of 2 bars met; 2 not evaluated (a case filtered out)")
        let none = PoolsRun(records: [run.records[0]])
        #expect(PoolsTable(run: none).barLines == ["bars: none evaluated (each needs both of its cases; see --list)"])
    }

    @Test func aPoolThatMissedIsFlaggedInItsRow() {
        var run = SyntheticRun.complete
        run.records[1] = .single(SyntheticRun.single("object/pool", [[40]], allocs: 1, bytes: 64, hitRate: 0.5))
        let lines = PoolsTable(run: run).lines
        #expect(lines.first { $0.hasPrefix("object/pool ") }!.hasSuffix("pool missed"))
        #expect(lines.contains { $0.hasPrefix("  pool missed: ") && $0.hasSuffix("(object/pool)") })
    }

    @Test func ratiosKeepTwoDecimalsAndThreeBelowATenth() {
        #expect(NumberText.ratio(0.1349) == "0.13×")
        #expect(NumberText.ratio(0.0234) == "0.023×")
        #expect(NumberText.ratio(1.9) == "1.90×")
        #expect(NumberText.ratio(1234.5) == "1,234.50×")
        #expect(NumberText.ratio(-0.0004) == "0.000×")
    }
}
