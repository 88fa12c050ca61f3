public import PerfResult
import PerfSupport

/// How honest a run's printed uncertainty is: given several independent runs of the same suite, each measured
/// in forks, how often each run's figure falls inside the 95 % interval (`RepeatInterval`) that each *other* run
/// reported. An honest interval is hit about 95 % of the time; a within-process interval is hit far less.
public struct RepeatCoverage: Sendable, Hashable {
    /// One metric that a run's figure missed: the run, the result, the figure and the interval it missed.
    public struct Miss: Sendable, Hashable {
        /// The run whose figure missed (1-based, in the order given).
        public var run: Int
        /// The run whose interval it missed (1-based).
        public var intervalOf: Int
        /// The result's name.
        public var result: String
        /// The figure.
        public var value: Double
        /// The interval's ends.
        public var lower: Double
        /// The interval's ends.
        public var upper: Double
    }

    /// The checks made: every ordered pair of runs, for every result holding `metric` with fork samples.
    public var checks: Int
    /// The checks whose figure fell inside the other run's interval.
    public var hits: Int
    /// The misses, in order.
    public var misses: [Miss]

    /// The fraction of checks that hit; 0 without checks.
    public var coverage: Double { checks == 0 ? 0 : Double(hits) / Double(checks) }

    /// Measures the coverage of `metric` over `runs` (reports of one suite, each from a run with forks).
    /// - Complexity: O(*r*² × *n*) for *r* runs of *n* results.
    public init(runs: [Report], metric: String = "nsPerOp") {
        checks = 0
        hits = 0
        misses = []
        for (index, run) in runs.enumerated() {
            for (otherIndex, other) in runs.enumerated() where otherIndex != index {
                for result in run.results {
                    guard let figure = result[metric]?.value,
                        let samples = other.result(named: result.name)?[metric]?.samples,
                        let interval = RepeatInterval(samples)
                    else { continue }
                    checks += 1
                    if interval.contains(figure) {
                        hits += 1
                    } else {
                        misses.append(
                            Miss(
                                run: index + 1, intervalOf: otherIndex + 1, result: result.name, value: figure,
                                lower: interval.lower, upper: interval.upper))
                    }
                }
            }
        }
    }
}
