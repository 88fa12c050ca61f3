public import PerfResult
import PerfSupport

/// Measures one task: cold start, warmup with batch calibration, then samples until the budget and
/// the minimums are met, then statistics over the clean samples.
///
/// Every decision reads `clocks`, so with a fake pair the whole procedure is deterministic:
///
/// 1. **Cold start.** Setup runs, then one operation is timed alone: the first call.
/// 2. **Warmup.** Batches grow (2 × … 100 × per step) until one lasts the target sample time
///    (`SamplingPolicy.effectiveSampleNanoseconds`), then run until the warmup budget is spent (or
///    `maximumSamples` windows). The batch is sized from the fastest warmup window, so that every
///    sample lasts at least the target.
/// 3. **Samples.** Batches of that size, each with probes around it, until the time budget is spent
///    *and* the clean samples reach `minimumSamples` and `minimumOperations`; at most four budgets.
/// 4. **Counting windows.** Probes that disturb timing (`Probe.disturbsTiming`, e.g. MemProbe's ARC probe)
///    never bracket a sample: they count after the samples in three pairs of untimed windows (the batch,
///    then twice the batch), and report the difference per operation, so a window's fixed cost cancels.
/// 5. **Allocation sites** (`--allocation-sites N`): one more untimed window with a site recorder on
///    (`Sampler+AllocationSites.swift`).
/// 6. **Statistics** of the clean samples' ns/op, and findings: optimized away, at the harness floor,
///    short run, mostly off-CPU.
public struct Sampler {
    /// The largest batch the calibration will try (2³²): bounds the samples of a body the optimizer
    /// emptied, and keeps a sample of a real 0.3 ns operation near one second.
    public static let maximumBatch = 1 << 32

    /// Budgets, sample sizing and filtering.
    public var policy: SamplingPolicy
    /// The clocks every window and deadline reads.
    public var clocks: Clocks
    /// Probes bracketing each sample window (not cold start or warmup); unavailable ones are skipped.
    public var probes: [any Probe]
    /// The harness floor in ns/op, when known; closure-form results within 1.5 × of it are marked.
    public var harnessFloor: Double?
    /// With `--allocation-sites`: the recorder and the frames per site of each task's site window.
    var siteRecording: SiteRecording?

    /// Creates a sampler.
    public init(policy: SamplingPolicy, clocks: Clocks = .system, probes: [any Probe] = [], harnessFloor: Double? = nil)
    {
        self.policy = policy
        self.clocks = clocks
        self.probes = probes.filter { $0.availability == .available }
        self.harnessFloor = harnessFloor
    }

    /// Measures every task of `suite`, in registration order.
    /// - Complexity: O(budget) per task, bounded by four time budgets plus warmup and one operation.
    public func measure(_ suite: Suite) -> [Measurement] {
        suite.tasks().map(measure)
    }

    func measure(_ task: BenchTask) -> Measurement {
        let prepared = task.prepare()
        defer { prepared.finish() }
        let meter = Meter(clocks: clocks)
        prepared.runBatch(1, meter)
        let coldStart = Double(meter.wallNanoseconds)
        let batch = warmUp(prepared, meter)
        let (samples, timedProbeWindows) = takeSamples(prepared, meter, batch: batch)
        let probeWindows = timedProbeWindows + countingWindows(prepared, meter, batch: batch)
        let sites = recordSites(prepared, meter, batch: batch)

        let clean = samples.filter { !$0.isPreempted }
        let mostlyOffCPU = clean.isEmpty || clean.count * 4 < samples.count
        let used = mostlyOffCPU ? samples : clean
        let statistics = Statistics(used.map(\.nanosecondsPerOperation))
        let usedOperations = used.reduce(0) { $0 + $1.iterations }

        var findings: [Finding] = []
        if statistics.p50 < 0.3 {
            findings.append(.probablyOptimizedAway)
        } else if task.form == .closure, let floor = harnessFloor, statistics.p50 <= floor * 1.5 {
            findings.append(.atHarnessFloor(floor: floor))
        }
        if used.count < policy.minimumSamples || usedOperations < policy.minimumOperations {
            findings.append(
                .shortRun(
                    samples: used.count, operations: usedOperations, wantedSamples: policy.minimumSamples,
                    wantedOperations: policy.minimumOperations))
        }
        if mostlyOffCPU && clocks.threadCPU != nil {
            findings.append(.mostlyOffCPU(cleanFraction: Double(clean.count) / Double(samples.count)))
        }
        var measurement = Measurement(
            name: task.name, parameters: task.parameters, throughput: task.throughput, batch: batch,
            samples: samples, usedSamples: used, statistics: statistics, coldStartNanoseconds: coldStart,
            probeMetrics: Self.medians(probeWindows), findings: findings)
        measurement.limits = task.limits
        measurement.allocationSites = sites
        return measurement
    }

    /// Warms up and returns the batch size for the samples.
    private func warmUp(_ prepared: PreparedTask, _ meter: Meter) -> Int {
        let target = policy.effectiveSampleNanoseconds
        let end = clocks.wall() &+ policy.warmup.nanosecondsClamped
        var iterations = 1
        var calibrated = false
        var fastest = Double.infinity
        var windows = 0
        while windows < policy.maximumSamples { // the clocks end warmup; the count only bounds it
            prepared.runBatch(iterations, meter)
            let elapsed = meter.wallNanoseconds
            if !calibrated {
                if elapsed < target && iterations < Self.maximumBatch {
                    iterations = Self.nextBatch(after: iterations, took: elapsed, target: target)
                    continue
                }
                calibrated = true
            }
            windows += 1
            fastest = min(fastest, Double(elapsed) / Double(iterations))
            if clocks.wall() >= end { break }
        }
        guard fastest > 0, fastest.isFinite else { return iterations }
        let sized = (Double(target) / fastest).rounded(.up)
        return Int(min(max(sized, 1), Double(Self.maximumBatch)))
    }

    /// The next calibration batch: aimed at the target, growing at least 2 × and at most 100 ×.
    static func nextBatch(after iterations: Int, took elapsed: UInt64, target: UInt64) -> Int {
        let growth = elapsed == 0 ? 100 : min(100, max(2, Double(target) / Double(elapsed) * 1.05))
        return min(Int((Double(iterations) * growth).rounded(.up)), maximumBatch)
    }

    /// The probes that may bracket a timed window.
    private var timedProbes: [any Probe] { probes.filter { !$0.disturbsTiming } }
    /// The probes that count in windows of their own (`disturbsTiming`).
    private var countingProbes: [any Probe] { probes.filter(\.disturbsTiming) }

    /// The metrics of the counting probes, one array per pair of untimed windows (none when no probe
    /// disturbs timing). `medians` takes each key over the windows that report it, so these and the timed
    /// windows' metrics simply concatenate.
    ///
    /// Each pair is a window of `batch` operations and one of `2 × batch`; a metric's figure is
    /// `2 m₂ − m₁` — the second window's count minus the first's, divided by `batch` — so that what a window
    /// costs once, whatever the batch (the harness's own retain of the body's closure), cancels and an exact
    /// count per operation stays exact whatever batch the timing chose.
    private func countingWindows(_ prepared: PreparedTask, _ meter: Meter, batch: Int) -> [[Metric]] {
        let counting = countingProbes
        guard !counting.isEmpty else { return [] }
        meter.probes = counting
        defer { meter.probes = [] }
        let single = max(1, min(batch, Self.maximumBatch / 2))
        return (0..<Self.countingWindowPairs).map { _ in
            prepared.runBatch(single, meter)
            let once = counting.flatMap { $0.metrics(operations: single) }
            prepared.runBatch(single * 2, meter)
            let twice = counting.flatMap { $0.metrics(operations: single * 2) }
            return Self.marginal(once: once, twice: twice)
        }
    }

    /// Pairs of untimed windows per task for the probes that disturb timing; their metric is the median.
    static let countingWindowPairs = 3

    /// `2 m₂ − m₁` for each metric of `twice` that `once` also has, rounded to 10⁻⁶ (float dust from the
    /// division, not a count).
    static func marginal(once: [Metric], twice: [Metric]) -> [Metric] {
        twice.compactMap { metric in
            guard let first = once.first(where: { $0.key == metric.key }) else { return nil }
            var marginal = metric
            marginal.value = ((2 * metric.value - first.value) * 1e6).rounded() / 1e6
            return marginal
        }
    }

    /// Takes the samples; returns them with each window's probe metrics.
    private func takeSamples(_ prepared: PreparedTask, _ meter: Meter, batch: Int) -> ([Sample], [[Metric]]) {
        let budget = policy.timeBudget.nanosecondsClamped
        var samples: [Sample] = []
        samples.reserveCapacity(min(policy.maximumSamples, Int(budget / policy.effectiveSampleNanoseconds) + 1))
        var probeWindows: [[Metric]] = []
        var cleanSamples = 0
        var cleanOperations = 0
        let probes = timedProbes
        meter.probes = probes
        defer { meter.probes = [] }
        let start = clocks.wall()
        let deadline = start &+ budget
        let hardDeadline = start &+ budget &* 4
        while samples.count < policy.maximumSamples {
            prepared.runBatch(batch, meter)
            let sample = Sample(
                iterations: batch, wallNanoseconds: meter.wallNanoseconds, cpuNanoseconds: meter.cpuNanoseconds,
                preemptionThreshold: policy.preemptionThreshold)
            samples.append(sample)
            if !probes.isEmpty { probeWindows.append(probes.flatMap { $0.metrics(operations: batch) }) }
            if !sample.isPreempted {
                cleanSamples += 1
                cleanOperations += batch
            }
            let now = clocks.wall()
            if now >= hardDeadline { break }
            if now >= deadline && cleanSamples >= policy.minimumSamples
                && cleanOperations >= policy.minimumOperations
            {
                break
            }
        }
        return (samples, probeWindows)
    }

    /// For each metric key, in first-seen order, the median of its values over the windows.
    static func medians(_ windows: [[Metric]]) -> [Metric] {
        var order: [String] = []
        var byKey: [String: (template: Metric, values: [Double])] = [:]
        for window in windows {
            for metric in window {
                if byKey[metric.key] == nil {
                    order.append(metric.key)
                    byKey[metric.key] = (metric, [])
                }
                byKey[metric.key]!.values.append(metric.value)
            }
        }
        return order.map { key in
            var metric = byKey[key]!.template
            metric.value = SortedSample(byKey[key]!.values).median
            metric.samples = nil
            return metric
        }
    }
}
