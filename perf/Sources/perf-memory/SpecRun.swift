import MemProbe
import PerfResult
import PerfSupport

/// One leak check of one spec: what ran, the verdict with its numbers, and how long it took.
struct SpecRun {
    let spec: MemorySpec
    let injection: LeakInjection?
    let report: LeakReport
    /// The workload's state after the run (`MemoryWorkload.status`).
    let status: String
    /// The workload's own metrics (`MemoryWorkload.metrics`).
    let workloadMetrics: [Metric]
    let seconds: Double

    /// Runs a fresh workload of `spec` seeded with `seed` under `check`, leaking once per iteration when
    /// `injection` is set.
    static func run(_ spec: MemorySpec, seed: UInt64, injection: LeakInjection?, check: LeakCheck) -> SpecRun {
        var iterations = 0
        if case .iterations(let count) = check.configuration.length { iterations = count }
        let workload = spec.makeWorkload(seed, iterations)
        let injector = injection.map(LeakInjector.init)
        let clock = ContinuousClock()
        let start = clock.now
        let report = check.run { index in
            workload.iteration(index)
            injector?.leakOnce()
        }
        let elapsed = clock.now - start
        return SpecRun(
            spec: spec, injection: injection, report: report, status: workload.status,
            workloadMetrics: workload.metrics,
            seconds: elapsed.secondsDouble)
    }

    /// The result's parameters: the injected leak, if any.
    var parameters: [String: String] {
        injection.map { ["injectLeak": $0.rawValue] } ?? [:]
    }

    /// `memory/<spec>`, with `[injectLeak=<kind>]` for an injected leak.
    var displayName: String {
        "memory/\(spec.name)" + (injection.map { "[injectLeak=\($0.rawValue)]" } ?? "")
    }

    /// The name of a snapshot of this run: the spec, and the injected leak if any.
    var snapshotName: String {
        spec.name + (injection.map { "-injected-\($0.rawValue)" } ?? "")
    }

    /// The command line that repeats this spec alone (for the heaptrack command), from `options`.
    func repeatArguments(executable: String, options: Options) -> [String] {
        var arguments = [executable, "--spec", spec.name]
        if let injection { arguments += ["--inject-leak", injection.rawValue] }
        if options.seed != Options.defaultSeed { arguments += ["--seed", String(options.seed)] }
        if let iterations = options.iterations {
            arguments += ["--iterations", String(iterations)]
        } else if options.profile == .quick {
            arguments.append("--quick")
        }
        return arguments
    }
}
