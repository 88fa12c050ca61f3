import MemProbe
import PerfResult
import ViewModelPool

extension CaseRun {
    /// The case as a PerfResult result: time per operation (a tick or a cycle) with the leak check's
    /// batches as samples, allocations, view models, the leak check's slopes and, for pooled cases,
    /// the pool's hit rate.
    func result() throws(PerfResultError) -> Result {
        let measurement = measurement
        let percentiles = measurement.percentiles
        var metrics: [Metric] = [
            .nsPerOp(measurement.meanNanoseconds, samples: measurement.batchMeans),
            .p50Ns(percentiles.p50), .p99Ns(percentiles.p99),
        ]
        if let allocations = measurement.allocationsPerOperation, let bytes = measurement.bytesPerOperation {
            metrics.append(.allocsPerOp(allocations))
            metrics.append(.bytesPerOp(bytes))
        }
        metrics.append(
            try Metric(
                key: "viewModelAllocsPerOp", value: measurement.viewModelsCreatedPerOperation, unit: .count,
                better: .lower))
        metrics.append(
            try Metric(key: "viewModelsAlive", value: Double(viewModelsAlive), unit: .count, better: .lower))
        // Peak RSS is the process's, not the case's: left out.
        metrics.append(contentsOf: measurement.leak.metrics.filter { $0.key != "peakRssBytes" })
        if let poolStats { metrics.append(.hitRate(poolStats.hitRate)) }
        return try Result(name: name, parameters: parameters, metrics: metrics)
    }

    /// Whether the leak check found steady growth.
    var leaked: Bool { measurement.leak.isLeak }

    /// The live-allocation slope per operation, when the counter counted.
    var liveAllocationSlope: Double? {
        measurement.leak.analysis(of: .liveAllocations)?.fit.slope
    }

    /// The heap-bytes slope per operation.
    var heapSlope: Double? {
        measurement.leak.analysis(of: .heapBytes)?.fit.slope
    }
}
