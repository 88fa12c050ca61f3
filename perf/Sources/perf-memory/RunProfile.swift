import SuiteSupport

/// How long each spec runs: `full` (the default) for numbers to quote, `quick` for `make perf` and CI.
enum RunProfile: String, SuiteProfile, Sendable {
    case quick
    case full

    /// Iterations per spec: quick is the bar (a 64 B/iteration leak caught within 50,000); full
    /// runs ten times longer, so that slower leaks reach the checks' floors.
    var iterations: Int {
        switch self {
        case .quick: return 50_000
        case .full: return 500_000
        }
    }

    /// Samples per run: the interval between samples is `iterations / samplesPerRun`.
    static let samplesPerRun = 100
}
