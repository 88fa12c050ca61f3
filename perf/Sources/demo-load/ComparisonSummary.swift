import PerfResult
import PerfSupport

/// The medians of the A/B runs per scenario and mode, and the verdict on each target.
struct ComparisonSummary {
    /// The medians of one scenario in one mode.
    struct Medians: Equatable {
        /// The runs, at least one.
        var runs: [RunMeasurement]
        var requestsPerSec: Double { median(\.requestsPerSec) }
        var p50Ms: Double { median(\.p50Ms) }
        var p95Ms: Double { median(\.p95Ms) }
        var p99Ms: Double { median(\.p99Ms) }
        var errorRate: Double { median(\.errorRate) }
        /// `nil` unless every run has the figure.
        var allocsPerRequest: Double? { median(\.allocsPerRequest) }
        /// `nil` unless every run has the figure.
        var hitRate: Double? { median(\.hitRate) }

        init(runs: [RunMeasurement]) {
            precondition(!runs.isEmpty, "medians of no runs")
            self.runs = runs
        }

        private func median(_ figure: KeyPath<RunMeasurement, Double>) -> Double {
            SortedSample(runs.map { $0[keyPath: figure] }).median
        }

        private func median(_ figure: KeyPath<RunMeasurement, Double?>) -> Double? {
            let values = runs.compactMap { $0[keyPath: figure] }
            return values.count == runs.count ? SortedSample(values).median : nil
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
    /// Pooled and plain medians by scenario; a scenario without runs in a mode has no entry there.
    let pooled: [String: Medians]
    let plain: [String: Medians]

    init(_ runs: [RunMeasurement]) {
        var order: [String] = []
        for run in runs where !order.contains(run.scenario) { order.append(run.scenario) }
        scenarios = order
        var pooled: [String: Medians] = [:]
        var plain: [String: Medians] = [:]
        for scenario in order {
            let on = runs.filter { $0.scenario == scenario && $0.pool }
            let off = runs.filter { $0.scenario == scenario && !$0.pool }
            if !on.isEmpty { pooled[scenario] = Medians(runs: on) }
            if !off.isEmpty { plain[scenario] = Medians(runs: off) }
        }
        self.pooled = pooled
        self.plain = plain
    }

    /// The targets for every scenario that ran in both modes.
    var verdicts: [Verdict] {
        var verdicts: [Verdict] = []
        for scenario in scenarios {
            guard let on = pooled[scenario], let off = plain[scenario] else { continue }
            if let pooledAllocs = on.allocsPerRequest, let plainAllocs = off.allocsPerRequest, plainAllocs > 0 {
                let reduction = 1 - pooledAllocs / plainAllocs
                let measured =
                    NumberText.fixed(pooledAllocs, decimals: 2) + " vs " + NumberText.fixed(plainAllocs, decimals: 2)
                    + ": " + NumberText.fixed(reduction * 100, decimals: 1) + " % lower"
                verdicts.append(
                    Verdict(
                        scenario: scenario, target: "allocations/request ≥ 30 % lower", measured: measured,
                        met: reduction >= PoolComparison.Target.allocationReduction))
            } else {
                verdicts.append(
                    Verdict(
                        scenario: scenario, target: "allocations/request ≥ 30 % lower",
                        measured: "no allocation counter in the service", met: false))
            }
            for (name, pooledValue, plainValue) in [("p50", on.p50Ms, off.p50Ms), ("p99", on.p99Ms, off.p99Ms)] {
                let ratio = plainValue > 0 ? pooledValue / plainValue : 1
                let measured =
                    NumberText.fixed(pooledValue, decimals: 3) + " vs " + NumberText.fixed(plainValue, decimals: 3)
                    + " ms: " + NumberText.fixed(ratio, decimals: 3) + "×"
                verdicts.append(
                    Verdict(
                        scenario: scenario, target: "\(name) not worse (≤ 1.05× plain)", measured: measured,
                        met: ratio <= PoolComparison.Target.latencyRatio))
            }
            let hitRate = on.hitRate ?? 0
            verdicts.append(
                Verdict(
                    scenario: scenario, target: "hit rate ≥ 80 %",
                    measured: NumberText.fixed(hitRate * 100, decimals: 2) + " %",
                    met: hitRate >= PoolComparison.Target.hitRate))
        }
        return verdicts
    }

    /// The medians as a table, pooled and plain under each other.
    var table: String {
        var table = TextTable([
            .left("scenario"), .left("pool"), .right("runs"), .right("req/s"), .right("p50 ms"), .right("p95 ms"),
            .right("p99 ms"), .right("p99 range"), .right("errors"), .right("allocs/req"), .right("hit rate"),
        ])
        for scenario in scenarios {
            for (mode, medians) in [("on", pooled[scenario]), ("off", plain[scenario])] {
                guard let medians else { continue }
                let p99s = SortedSample(medians.runs.map(\.p99Ms))
                table.append([
                    scenario, mode, String(medians.runs.count), NumberText.fixed(medians.requestsPerSec, decimals: 0),
                    NumberText.fixed(medians.p50Ms, decimals: 3), NumberText.fixed(medians.p95Ms, decimals: 3),
                    NumberText.fixed(medians.p99Ms, decimals: 3),
                    NumberText.fixed(p99s.minimum, decimals: 2) + "–" + NumberText.fixed(p99s.maximum, decimals: 2),
                    NumberText.fixed(medians.errorRate * 100, decimals: 3) + " %",
                    medians.allocsPerRequest.map { NumberText.fixed($0, decimals: 2) } ?? "n/a",
                    medians.hitRate.map { NumberText.fixed($0 * 100, decimals: 2) + " %" } ?? "-",
                ])
            }
        }
        return table.rendered(indent: "  ")
    }

    /// The targets as a table with ✓ and ✗.
    var verdictTable: String {
        var table = TextTable([.left("scenario"), .left("target"), .left("measured (pooled vs plain)"), .left("")])
        for verdict in verdicts {
            table.append([verdict.scenario, verdict.target, verdict.measured, verdict.met ? "✓" : "✗"])
        }
        return table.rendered(indent: "  ")
    }

    /// The report: `poolAB/<scenario>[pool=on|off]` with the medians as values and every round as samples.
    /// - Throws: `PerfResultError` for an invalid name (a scenario name with characters results refuse).
    func report(environment: Environment) throws(PerfResultError) -> Report {
        var report = try Report(suite: "pool-ab", environment: environment)
        for scenario in scenarios {
            for (mode, medians) in [("on", pooled[scenario]), ("off", plain[scenario])] {
                guard let medians else { continue }
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
