public import PerfResult

extension PoolStats {
    /// The snapshot as PerfResult metrics, for a suite to add to its results.
    ///
    /// `hitRate` (ratio, higher is better) uses the shared key; the counts are the suite's own keys, unit
    /// `count`: `poolHits` and `poolReturns` (higher is better), `poolMisses`, `poolCreated`,
    /// `poolDiscards`, `poolIdle`, `poolInUse` and `poolInUseHighWaterMark` (lower is better: each costs
    /// allocations or retained memory).
    public var metrics: [Metric] {
        func count(_ key: String, _ value: Int, _ better: Metric.Direction) -> Metric {
            // The keys below are constant camelCase strings, so the initializer cannot throw.
            try! Metric(key: key, value: Double(value), unit: .count, better: better)
        }
        return [
            .hitRate(hitRate),
            count("poolHits", hits, .higher),
            count("poolMisses", misses, .lower),
            count("poolCreated", created, .lower),
            count("poolReturns", released, .higher),
            count("poolDiscards", dropped, .lower),
            count("poolIdle", idle, .lower),
            count("poolInUse", inUse, .lower),
            count("poolInUseHighWaterMark", inUseHighWaterMark, .lower),
        ]
    }
}
