import MemProbe
import PerfResult

extension SpecRun {
    /// The heap in use at each sample, in iteration order; `nil` when a sample lacks it.
    var heapSeries: [Double]? {
        let values = report.samples.compactMap(\.memory.heapInUseBytes)
        guard !values.isEmpty, values.count == report.samples.count else { return nil }
        return values.map(Double.init)
    }

    /// The run as a PerfResult result named `memory/<spec>`: the leak check's metrics
    /// (`liveAllocsSlopePerIter`, `heapSlopeBytesPerIter`, `heapGrowthRatio`, `peakRssBytes`,
    /// `leakDetected`), `heapBytes` (the heap at the last sample, with every sample's heap as its series),
    /// then the workload's own.
    /// - Throws: `PerfResultError` if a name or key is invalid (a programming error in a spec).
    func result() throws(PerfResultError) -> Result {
        var metrics = report.metrics
        if let heap = heapSeries, let last = heap.last {
            metrics.append(try Metric(key: "heapBytes", value: last, unit: .bytes, better: .lower, samples: heap))
        }
        metrics += workloadMetrics
        return try Result(name: "memory/\(spec.name)", parameters: parameters, metrics: metrics)
    }
}
