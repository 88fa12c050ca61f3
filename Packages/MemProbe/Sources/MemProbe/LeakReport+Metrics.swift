public import PerfResult

extension LeakReport {
    /// The report as PerfResult metrics: `liveAllocsSlopePerIter`, `heapSlopeBytesPerIter`,
    /// `heapGrowthRatio`, `peakRssBytes` (each when its series exists) and `leakDetected` (1 for a leak,
    /// 0 for none; absent when inconclusive).
    public var metrics: [Metric] {
        var metrics: [Metric] = []
        if let live = analysis(of: .liveAllocations) {
            metrics.append(.liveAllocsSlopePerIter(finite(live.fit.slope)))
        }
        if let heap = analysis(of: .heapBytes) {
            metrics.append(.heapSlopeBytesPerIter(finite(heap.fit.slope)))
            metrics.append(.heapGrowthRatio(finite(heap.growthRatio)))
        }
        if let peak = peakResidentBytes {
            metrics.append(.peakRssBytes(Double(peak)))
        }
        switch verdict {
        case .leak, .noLeak:
            // The key is valid camelCase, so the constructor cannot throw.
            metrics.append(try! Metric(key: "leakDetected", value: isLeak ? 1 : 0, unit: .count, better: .lower))
        case .inconclusive:
            break
        }
        return metrics
    }

    private func finite(_ value: Double) -> Double {
        value.isFinite ? value : 0
    }
}
