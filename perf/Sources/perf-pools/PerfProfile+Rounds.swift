import MicroBench
import PerfSupport

/// How long a run takes, per profile: `full` (the default) for numbers to quote, `quick` for `make perf` and CI.
///
/// Every selected case is measured once per round, in turn, so that drift on a shared machine hits
/// both sides of a ratio alike; each bar is the median of its per-round ratios, and those ratios are
/// the samples the regression gate tests (its Mann–Whitney U test wants at least five a side).
extension PerfProfile {
    /// Rounds per run.
    var rounds: Int {
        switch self {
        case .quick: 5
        case .full: 10
        }
    }

    /// MicroBench's policy for one single-thread case in one round. MicroBench may extend the budget up
    /// to four times when preemption leaves too few clean samples, which bounds a round.
    var samplingPolicy: SamplingPolicy {
        switch self {
        case .quick: SamplingPolicy(warmup: .milliseconds(10), timeBudget: .milliseconds(60))
        case .full: SamplingPolicy(warmup: .milliseconds(40), timeBudget: .milliseconds(250))
        }
    }

    /// The measured window of one threads case in one round.
    var threadWindow: Duration {
        switch self {
        case .quick: .milliseconds(150)
        case .full: .milliseconds(400)
        }
    }
}
