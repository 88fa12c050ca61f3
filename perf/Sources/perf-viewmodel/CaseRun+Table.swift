import PerfSupport

extension CaseRun {
    /// The runs as an aligned table, one line per case.
    static func table(_ runs: [CaseRun]) -> String {
        var table = TextTable([
            .left("case"), .left("model"), .left("per"), .right("mean"), .right("p50"), .right("p99"),
            .right("allocs/op"), .right("VMs made/op"), .right("VMs alive"), .right("heap B/op"),
            .right("live allocs/op"),
        ])
        for run in runs {
            let measurement = run.measurement
            let percentiles = measurement.percentiles
            table.append([
                run.name, run.parameters["model"] ?? "", run.workload == .churn ? "tick" : "cycle",
                microseconds(measurement.meanNanoseconds), microseconds(percentiles.p50),
                microseconds(percentiles.p99),
                measurement.allocationsPerOperation.map { NumberText.fixed($0, decimals: 2) } ?? "n/a",
                NumberText.fixed(measurement.viewModelsCreatedPerOperation, decimals: 2), String(run.viewModelsAlive),
                run.heapSlope.map { NumberText.fixed($0, decimals: 1, signed: true) } ?? "n/a",
                run.liveAllocationSlope.map { NumberText.fixed($0, decimals: 4, signed: true) } ?? "n/a",
            ])
        }
        return table.rendered(indent: "  ")
    }

    /// Microseconds with one decimal, so that the column's figures line up by their point: `12.3 µs`.
    private static func microseconds(_ nanoseconds: Double) -> String {
        NumberText.fixed(nanoseconds / 1000, decimals: 1) + " µs"
    }
}
