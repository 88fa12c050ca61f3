import MicroBench
import PerfResult

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
    /// time per operation on each thread), `rme` of the rates, `opsPerCpuSec` (operations per CPU-second the threads got),
    /// the allocation counts and `hitRate`.
    /// - Complexity: O(*r* log *r*) for *r* rounds.
    func result() -> Result {
        let rates = rounds.map(\.opsPerSecond)
        let nanoseconds = rounds.map(\.nanosecondsPerOperation)
        var metrics: [Metric] = [
            .opsPerSec(Median.of(rates) ?? 0, samples: rates),
            .nsPerOp(Median.of(nanoseconds) ?? 0, samples: nanoseconds),
        ]
        if !rates.isEmpty { metrics.append(.rme(Statistics(rates).rme)) }
        let cpuRates = rounds.compactMap(\.opsPerCPUSecond)
        if cpuRates.count == rounds.count, let median = Median.of(cpuRates) {
            metrics.append(.own("opsPerCpuSec", median, .operationsPerSecond, .higher, samples: cpuRates))
        }
        if let allocs = Median.of(rounds.compactMap(\.allocationsPerOperation)) { metrics.append(.allocsPerOp(allocs)) }
        if let bytes = Median.of(rounds.compactMap(\.bytesPerOperation)) { metrics.append(.bytesPerOp(bytes)) }
        if let hitRate { metrics.append(.hitRate(hitRate)) }
        return .pools(name, metrics)
    }
}
