import LoadGen
import MemProbe
import PerfSupport

extension ServiceSoak {
    /// The outcome: the samples (a bounded series), MemProbe's report on them, the load, and whether a signal
    /// cut the soak short.
    struct Outcome {
        var scenario: String
        var pool: Bool
        var rate: Double
        /// The samples, at most `ServiceSoak.sampleCapacity` points however long the soak ran.
        var samples: BoundedSeries<Sample>
        var report: LeakReport
        var load: LoadResult
        /// The length the soak was asked for.
        var plannedDuration: Duration
        /// The signal that stopped the soak early (SIGINT, SIGTERM); `nil` for a soak that ran its length.
        var interruption: Int32?

        /// Whether a signal stopped the soak before its planned end: the verdict covers only what was sampled.
        var partial: Bool { interruption != nil }

        /// The kept points, oldest first (merged samples once the soak outgrew the series).
        var points: [Sample] { samples.points }

        /// The RSS series' analysis (the same four checks as the deciding series; here it must not grow).
        var residentAnalysis: SignalAnalysis? { report.analysis(of: .residentBytes) }

        /// RSS flat: MemProbe's checks on it find no steady growth.
        var residentIsFlat: Bool { residentAnalysis.map { !$0.indicatesLeak } ?? false }

        /// The points after MemProbe's warmup.
        var analysed: ArraySlice<Sample> { points[report.warmupSampleCount...] }

        /// The least-squares slope of RSS over time after the warmup, in bytes per second.
        var residentSlopePerSecond: Double? {
            let fitted = analysed.compactMap { point in point.residentBytes.map { (point.seconds.mean, $0.mean) } }
            return LinearFit(x: fitted.map(\.0), y: fitted.map(\.1))?.slope
        }

        /// The pools' counters between the first analysed point and the last.
        var poolWindow: [String: MetricsScrape.PoolCounts] {
            guard let first = analysed.first, let last = analysed.last else { return [:] }
            var window: [String: MetricsScrape.PoolCounts] = [:]
            for (name, counts) in last.pools { window[name] = counts.since(first.pools[name] ?? .init()) }
            return window
        }

        /// Hits over takes of every pool after the warmup; `nil` for the plain allocator.
        var hitRate: Double? {
            guard pool else { return nil }
            return poolWindow.values.reduce(MetricsScrape.PoolCounts()) {
                MetricsScrape.PoolCounts(hits: $0.hits + $1.hits, misses: $0.misses + $1.misses)
            }.hitRate
        }

        /// Passed: the soak ran its length, no leak and RSS flat. A partial soak never passes.
        var passed: Bool { !partial && report.verdict == .noLeak && residentIsFlat }

        /// The exit status: 0 passed, 1 a leak or growing RSS, 128 + the signal's number for a partial soak.
        var exitStatus: Int32 {
            if let interruption { return Interruption.exitStatus(for: interruption) }
            return passed ? 0 : 1
        }
    }
}
