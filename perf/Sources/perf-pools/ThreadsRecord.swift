import MicroBench
import PerfResult
import PerfSupport

/// One threads case over the rounds of a run.
struct ThreadsRecord: Sendable, Equatable {
    /// The result name, e.g. `threads2/pool`.
    var name: String
    /// Threads that ran at once.
    var threads: Int
    var rounds: [ThreadRound]
    /// Acquisitions served from the pool over the run.
    var hitRate: Double?

    /// The result, with one sample per round: `opsPerSec` (total over the threads), `nsPerOp` (wall
    /// time per operation on each thread), `rme` of the rates, `opsPerCpuSec` (operations per CPU-second the
    /// threads got), the allocation counts (medians over rounds) and `hitRate`.
    /// - Complexity: O(*r* log *r*) for *r* rounds.
    func result() -> Result {
        let rates = rounds.map(\.opsPerSecond)
        let nanoseconds = rounds.map(\.nanosecondsPerOperation)
        var metrics: [Metric] = [
            .opsPerSec(rates.isEmpty ? 0 : SortedSample(rates).median, samples: rates),
            .nsPerOp(nanoseconds.isEmpty ? 0 : SortedSample(nanoseconds).median, samples: nanoseconds),
        ]
        if !rates.isEmpty { metrics.append(.rme(Statistics(rates).rme)) }
        let cpuRates = rounds.compactMap(\.opsPerCPUSecond)
        if !cpuRates.isEmpty, cpuRates.count == rounds.count {
            let median = SortedSample(cpuRates).median
            metrics.append(.own("opsPerCpuSec", median, .operationsPerSecond, .higher, samples: cpuRates))
        }
        metrics += Metric.allocationMedians(
            rounds.compactMap(\.allocationsPerOperation), bytes: rounds.compactMap(\.bytesPerOperation))
        if let hitRate { metrics.append(.hitRate(hitRate)) }
        return .pools(name, metrics)
    }
}
