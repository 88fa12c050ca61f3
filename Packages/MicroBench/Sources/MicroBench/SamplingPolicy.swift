import PerfSupport

/// How long a task is warmed up and measured, and how its samples are sized and filtered.
///
/// The defaults follow the harness's contract: 0.1 s of warmup, then 0.5 s of samples per task, each
/// sample at least 1 ms long (never under 100 µs), at least 30 samples and 5,000 operations where the
/// hard limit of four budgets allows. `PERF_PROFILE=quick` (or `--quick`) uses `quick`.
public struct SamplingPolicy: Sendable, Hashable {
    /// Time spent running the task before any sample is kept (calibration of the batch happens here).
    public var warmup: Duration
    /// Time spent taking samples; extended up to `4 ×` when the minimums are not yet reached.
    public var timeBudget: Duration
    /// The duration each sample aims for; the batch size is chosen to reach it.
    public var targetSample: Duration
    /// The shortest sample the budget may shrink the target to.
    public var sampleFloor: Duration
    /// Clean samples wanted before the run may stop.
    public var minimumSamples: Int
    /// Clean operations wanted before the run may stop.
    public var minimumOperations: Int
    /// A sample whose off-CPU share, `(wall − cpu) / wall`, exceeds this is marked preempted.
    public var preemptionThreshold: Double
    /// An upper bound on samples per task (10,000 by default: ten seconds of 1 ms samples), so that
    /// memory and report size stay bounded whatever the clocks say.
    public var maximumSamples: Int

    /// Creates a policy; every duration must be positive.
    public init(
        warmup: Duration = .milliseconds(100), timeBudget: Duration = .milliseconds(500),
        targetSample: Duration = .milliseconds(1), sampleFloor: Duration = .microseconds(100),
        minimumSamples: Int = 30, minimumOperations: Int = 5_000, preemptionThreshold: Double = 0.1,
        maximumSamples: Int = 10_000
    ) {
        precondition(warmup >= .zero && timeBudget > .zero, "warmup must be ≥ 0 and timeBudget > 0")
        precondition(targetSample > .zero && sampleFloor > .zero, "sample durations must be positive")
        precondition(
            minimumSamples >= 1 && minimumOperations >= 1 && maximumSamples >= minimumSamples,
            "need minimumSamples ≥ 1, minimumOperations ≥ 1 and maximumSamples ≥ minimumSamples")
        precondition(preemptionThreshold > 0 && preemptionThreshold < 1, "preemptionThreshold is a share in (0, 1)")
        self.warmup = warmup
        self.timeBudget = timeBudget
        self.targetSample = targetSample
        self.sampleFloor = sampleFloor
        self.minimumSamples = minimumSamples
        self.minimumOperations = minimumOperations
        self.preemptionThreshold = preemptionThreshold
        self.maximumSamples = maximumSamples
    }

    /// The default profile (`PERF_PROFILE=full` or unset): 0.1 s warmup, 0.5 s per task.
    public static let full = SamplingPolicy()

    /// The quick profile (`PERF_PROFILE=quick`, `--quick`): 0.02 s warmup, 0.1 s per task.
    public static let quick = SamplingPolicy(warmup: .milliseconds(20), timeBudget: .milliseconds(100))

    /// The sample length the sampler aims for: `targetSample`, shortened so that `minimumSamples`
    /// fit in the budget, but never below `sampleFloor`.
    public var effectiveSampleNanoseconds: UInt64 {
        let budgetShare = timeBudget.nanosecondsClamped / UInt64(minimumSamples)
        return max(sampleFloor.nanosecondsClamped, min(targetSample.nanosecondsClamped, budgetShare))
    }
}
