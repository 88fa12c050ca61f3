public import Pooling

extension ViewModelPoolStats {
    /// The same counters as Pooling's `PoolStats`, so that view-model pools are reported with the other
    /// pools: `PoolStats.prometheusText(_:)` and `PoolStats.metrics` (PerfResult metrics).
    ///
    /// `hits` = `reused`, `misses` = `created`, `dropped` = `discarded`, `inUseHighWaterMark` =
    /// `peakLive`; `released` and `idle` are the same, so `PoolStats`' identity
    /// `created == inUse + idle + dropped` is this type's.
    public func poolStats(name: String) -> PoolStats {
        PoolStats(
            pool: name, hits: reused, misses: created, released: released, dropped: discarded, idle: idle,
            inUseHighWaterMark: peakLive)
    }
}
