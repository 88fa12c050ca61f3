import SuiteSupport

extension CaseRun {
    /// The runs as an aligned table, one line per case.
    static func table(_ runs: [CaseRun]) -> String {
        var table = TextTable([
            ("case", .left), ("model", .left), ("per", .left), ("mean", .right), ("p50", .right), ("p99", .right),
            ("allocs/op", .right), ("VMs made/op", .right), ("VMs alive", .right), ("heap B/op", .right),
            ("live allocs/op", .right),
        ])
        for run in runs {
            let measurement = run.measurement
            let percentiles = measurement.percentiles
            table.append([
                run.name, run.parameters["model"] ?? "", run.workload == .churn ? "tick" : "cycle",
                microseconds(measurement.meanNanoseconds), microseconds(percentiles.p50),
                microseconds(percentiles.p99),
                measurement.allocationsPerOperation.map { $0.fixed(2) } ?? "n/a",
                measurement.viewModelsCreatedPerOperation.fixed(2), String(run.viewModelsAlive),
                run.heapSlope.map { $0.signedFixed(1) } ?? "n/a",
                run.liveAllocationSlope.map { $0.signedFixed(4) } ?? "n/a",
            ])
        }
        return table.rendered()
    }

    private static func microseconds(_ nanoseconds: Double) -> String {
        "\((nanoseconds / 1000).fixed(1)) µs"
    }
}
