import MemProbe

extension SpecRun {
    /// Whether this run is the leak its spec is built to have, caught: a pass, not a finding.
    var isExpectedLeak: Bool { report.isLeak && spec.expectsLeak && injection == nil }

    /// Whether the spec is built to leak and this run did not catch it.
    var missedExpectedLeak: Bool { spec.expectsLeak && !report.isLeak }

    /// Whether this run makes the suite exit 1: a leak other than the one its spec is built to have (a leak in
    /// a healthy spec, or any injected leak: `--inject-leak` runs must exit 1), or the built-in leak missed.
    var failsSuite: Bool { (report.isLeak && !isExpectedLeak) || missedExpectedLeak }

    /// The verdict in a word or two, and whether the spec expected it.
    var verdictText: String {
        switch report.verdict {
        case .leak: return isExpectedLeak ? "LEAK (expected: the spec leaks by design)" : "LEAK"
        case .noLeak: return "no leak" + (missedExpectedLeak ? " (MISSED: the spec leaks by design)" : "")
        case .inconclusive: return "INCONCLUSIVE" + (missedExpectedLeak ? " (MISSED: the spec leaks by design)" : "")
        }
    }
}
