import MicroBench
import PerfResult
import PerfSupport

/// One single-thread case over the rounds of a run: what MicroBench measured in each round.
struct SingleThreadRecord: Sendable, Equatable {
    /// One round's MicroBench measurement of the case, reduced to what the report needs.
    struct Round: Sendable, Equatable {
        /// Every used sample's ns/op (the clean ones, unless MicroBench found too few).
        var samples: [Double]
        /// Samples taken, and those the OS did not preempt.
        var takenSamples: Int
        var cleanSamples: Int
        /// MemProbe's allocations and bytes per operation (the median over samples), when counting.
        var allocsPerOp: Double?
        var bytesPerOp: Double?
        /// MicroBench's findings (`short run`, `off-CPU`, ...), as label and explanation.
        var findings: [Note]

        /// The round's median ns/op: the figure bars compare.
        var p50: Double { SortedSample(samples).median }
    }

    /// The result name, e.g. `object/pool`.
    var name: String
    var rounds: [Round]
    /// Acquisitions served from the pool over the run, when the case uses a pool.
    var hitRate: Double?

    /// The share of all rounds' samples the OS did not preempt.
    var cleanFraction: Double {
        let taken = rounds.reduce(0) { $0 + $1.takenSamples }
        return taken == 0 ? 0 : Double(rounds.reduce(0) { $0 + $1.cleanSamples }) / Double(taken)
    }

    /// The result: MicroBench's shared keys over every round's samples (`nsPerOp` is their median, with
    /// all of them as `samples`; `opsPerSec`, `p50Ns`, `p99Ns`, `rme`), the allocation counts as medians
    /// over rounds, and `hitRate`.
    ///
    /// MicroBench's descriptive keys (`meanNs`, `coldStartNs`, `outliers`, ...) are left out: without
    /// samples the regression gate would judge them on single values, and they describe noise, not speed.
    /// - Complexity: O(*n* log *n*) for *n* samples.
    func result() -> Result {
        let all = rounds.flatMap(\.samples)
        precondition(!all.isEmpty, "\(name) has no samples")
        let stats = Statistics(all)
        var metrics: [Metric] = [
            .opsPerSec(stats.opsPerSecond),
            .nsPerOp(stats.p50, samples: all),
            .p50Ns(stats.p50),
            .p99Ns(stats.p99),
            .rme(stats.rme),
        ]
        metrics += Metric.allocationMedians(rounds.compactMap(\.allocsPerOp), bytes: rounds.compactMap(\.bytesPerOp))
        if let hitRate { metrics.append(.hitRate(hitRate)) }
        return .pools(name, metrics)
    }
}

extension SingleThreadRecord.Round {
    /// The round of `measurement`.
    init(_ measurement: Measurement) {
        samples = measurement.usedSamples.map(\.nanosecondsPerOperation)
        takenSamples = measurement.samples.count
        cleanSamples = measurement.samples.count { !$0.isPreempted }
        allocsPerOp = measurement.probeMetrics.first { $0.key == "allocsPerOp" }?.value
        bytesPerOp = measurement.probeMetrics.first { $0.key == "bytesPerOp" }?.value
        findings = measurement.findings.map { Note(label: $0.label, explanation: $0.explanation) }
    }
}

/// A caveat shown in a row's note column and explained once under the table.
struct Note: Sendable, Hashable {
    var label: String
    var explanation: String
}
