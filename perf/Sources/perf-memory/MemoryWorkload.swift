import PerfResult

/// A workload a leak check runs once per iteration; every run of a spec gets a fresh instance.
protocol MemoryWorkload: AnyObject {
    /// Does one iteration's work: one request, one batch of leases, one record.
    func iteration(_ index: Int)

    /// One line on the workload's state after the run (how full its caches are), for the table.
    var status: String { get }

    /// Metrics of the workload's own beside the leak check's (a pool's hit rate), for the JSON report.
    var metrics: [Metric] { get }
}

extension MemoryWorkload {
    var metrics: [Metric] { [] }
}
