import SuiteSupport

/// How long the suite runs: `full` (the default) for numbers to quote, `quick` for `make perf` and CI.
enum RunProfile: String, SuiteProfile, Sendable {
    case quick
    case full

    /// Ticks of each churn case: the 10,000, or 2,000 in quick.
    var ticks: Int {
        switch self {
        case .quick: return 2_000
        case .full: return 10_000
        }
    }

    /// Mount/unmount cycles of each mount case: the 10,000, or 2,000 in quick.
    var cycles: Int {
        switch self {
        case .quick: return 2_000
        case .full: return 10_000
        }
    }
}
