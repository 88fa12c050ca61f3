import PerfSupport

extension PerfProfile {
    /// Iterations per spec: quick is the bar (a 64 B/iteration leak caught within 50,000); full
    /// runs ten times longer, so that slower leaks reach the checks' floors.
    var iterations: Int {
        switch self {
        case .quick: 50_000
        case .full: 500_000
        }
    }
}
