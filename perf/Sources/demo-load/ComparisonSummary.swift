import PerfResult
import SuiteSupport

/// The medians of the A/B runs per scenario and mode, and the verdict on each target.
struct ComparisonSummary {
    /// The medians of one scenario in one mode.
    struct Medians: Equatable {
        var runs: [RunMeasurement]
        var requestsPerSec: Double { median(runs.map(\.requestsPerSec)) }
        var p50Ms: Double { median(runs.map(\.p50Ms)) }
        var p95Ms: Double { median(runs.map(\.p95Ms)) }
        var p99Ms: Double { median(runs.map(\.p99Ms)) }
        var errorRate: Double { median(runs.map(\.errorRate)) }
        var allocsPerRequest: Double? {
            let values = runs.compactMap(\.allocsPerRequest)
            return values.count == runs.count && !values.isEmpty ? median(values) : nil
        }
        var hitRate: Double? {
            let values = runs.compactMap(\.hitRate)
            return values.count == runs.count && !values.isEmpty ? median(values) : nil
        }
    }

    /// One target of one scenario: what was measured and whether it is met.
    struct Verdict: Equatable {
        var scenario: String
        var target: String
        var measured: String
        var met: Bool
    }

    /// Scenario names in the order they ran.
    let scenarios: [String]
    /// Pooled and plain medians by scenario.
    let pooled: [String: Medians]
    let plain: [String: Medians]

    init(_ runs: [RunMeasurement]) {
        var order: [String] = []
        for run in runs where !order.contains(run.scenario) { order.append(run.scenario) }
        scenarios = order
        var pooled: [String: Medians] = [:]
        var plain: [String: Medians] = [:]
        for scenario in order {
            pooled[scenario] = Medians(runs: runs.filter { $0.scenario == scenario && $0.pool })
            plain[scenario] = Medians(runs: runs.filter { $0.scenario == scenario && !$0.pool })
        }
        self.pooled = pooled
        self.plain = plain
    }

    /// The targets for every scenario that ran in both modes.
    var verdicts: [Verdict] {
        var verdicts: [Verdict] = []
        for scenario in scenarios {
            guard let on = pooled[scenario], let off = plain[scenario], !on.runs.isEmpty, !off.runs.isEmpty else {
                continue
            }
            if let pooledAllocs = on.allocsPerRequest, let plainAllocs = off.allocsPerRequest, plainAllocs > 0 {
                let reduction = 1 - pooledAllocs / plainAllocs
                verdicts.append(
                    Verdict(
                        scenario: scenario, target: "allocations/request ≥ 30 % lower",
                        measured:
                            "\(pooledAllocs.fixed(2)) vs \(plainAllocs.fixed(2)): \((reduction * 100).fixed(1)) % lower",
                        met: reduction >= PoolComparison.Target.allocationReduction))
            } else {
                verdicts.append(
                    Verdict(
                        scenario: scenario, target: "allocations/request ≥ 30 % lower",
                        measured: "no allocation counter in the service", met: false))
            }
            for (name, pooledValue, plainValue) in [("p50", on.p50Ms, off.p50Ms), ("p99", on.p99Ms, off.p99Ms)] {
                let ratio = plainValue > 0 ? pooledValue / plainValue : 1
                verdicts.append(
                    Verdict(
                        scenario: scenario, target: "\(name) not worse (≤ 1.05× plain)",
                        measured: "\(pooledValue.fixed(3)) vs \(plainValue.fixed(3)) ms: \(ratio.fixed(3))×",
                        met: ratio <= PoolComparison.Target.latencyRatio))
            }
            let hitRate = on.hitRate ?? 0
            verdicts.append(
                Verdict(
                    scenario: scenario, target: "hit rate ≥ 80 %", measured: "\((hitRate * 100).fixed(2)) %",
                    met: hitRate >= PoolComparison.Target.hitRate))
        }
        return verdicts
    }

    /// The medians as a table, pooled and plain under each other.
    var table: String {
        var table = TextTable([
            ("scenario", .left), ("pool", .left), ("runs", .right), ("req/s", .right), ("p50 ms", .right),
            ("p95 ms", .right), ("p99 ms", .right), ("p99 range", .right), ("errors", .right),
            ("allocs/req", .right), ("hit rate", .right),
        ])
        for scenario in scenarios {
            for (mode, medians) in [("on", pooled[scenario]), ("off", plain[scenario])] {
                guard let medians, !medians.runs.isEmpty else { continue }
                table.append([
                    scenario, mode, String(medians.runs.count), medians.requestsPerSec.fixed(0),
                    medians.p50Ms.fixed(3), medians.p95Ms.fixed(3), medians.p99Ms.fixed(3),
                    "\((medians.runs.map(\.p99Ms).min() ?? 0).fixed(2))–\((medians.runs.map(\.p99Ms).max() ?? 0).fixed(2))",
                    "\((medians.errorRate * 100).fixed(3)) %", medians.allocsPerRequest.map { $0.fixed(2) } ?? "n/a",
                    medians.hitRate.map { "\(($0 * 100).fixed(2)) %" } ?? "-",
                ])
            }
        }
        return table.rendered()
    }

    /// The targets as a table with ✓ and ✗.
    var verdictTable: String {
        var table = TextTable([
            ("scenario", .left), ("target", .left), ("measured (pooled vs plain)", .left), ("", .left),
        ])
        for verdict in verdicts {
            table.append([verdict.scenario, verdict.target, verdict.measured, verdict.met ? "✓" : "✗"])
        }
        return table.rendered()
    }

    /// The report: `poolAB/<scenario>[pool=on|off]` with the medians as values and every round as samples.
    /// - Throws: `PerfResultError` for an invalid name (a scenario name with characters results refuse).
    func report(environment: Environment) throws(PerfResultError) -> Report {
        var report = try Report(suite: "pool-ab", environment: environment)
        for scenario in scenarios {
            for (mode, medians) in [("on", pooled[scenario]), ("off", plain[scenario])] {
                guard let medians, !medians.runs.isEmpty else { continue }
                let runs = medians.runs
                var metrics: [Metric] = [
                    .requestsPerSec(medians.requestsPerSec, samples: runs.map(\.requestsPerSec)),
                    .latencyP50Ms(medians.p50Ms, samples: runs.map(\.p50Ms)),
                    .latencyP95Ms(medians.p95Ms, samples: runs.map(\.p95Ms)),
                    .latencyP99Ms(medians.p99Ms, samples: runs.map(\.p99Ms)),
                    .errorRate(medians.errorRate),
                ]
                if let allocs = medians.allocsPerRequest {
                    metrics.append(
                        try Metric(
                            key: "allocsPerRequest", value: allocs, unit: .count, better: .lower,
                            samples: runs.compactMap(\.allocsPerRequest)))
                }
                if let hitRate = medians.hitRate { metrics.append(.hitRate(hitRate)) }
                try report.append(
                    try Result(name: "poolAB/\(scenario)", parameters: ["pool": mode], metrics: metrics))
            }
        }
        return report
    }
}

/// The median of `values` (the mean of the middle two for an even count); 0 for none.
func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
