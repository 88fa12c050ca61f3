import PerfSupport

/// How long the suite runs, per profile: `full` (the default) for numbers to quote, `quick` for `make perf` and CI.
extension PerfProfile {
    /// Ticks of each churn case: the 10,000, or 2,000 in quick.
    var ticks: Int {
        switch self {
        case .quick: 2_000
        case .full: 10_000
        }
    }

    /// Mount/unmount cycles of each mount case: the 10,000, or 2,000 in quick.
    var cycles: Int {
        switch self {
        case .quick: 2_000
        case .full: 10_000
        }
    }
}
