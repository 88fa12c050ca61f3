import LoadGen
import PerfResult
import PerfSupport

/// The jobs of `demo-load`, run from parsed options.
enum DemoLoad {
    /// Runs the job `options` names; returns the exit status (0 targets met, 1 a target missed, 128 + the signal's
    /// number for a soak stopped by SIGINT or SIGTERM).
    /// - Throws: `DemoLoadError` when the service does not start, or a scenario or report is unusable.
    static func run(_ options: Options) throws(DemoLoadError) -> Int32 {
        var environment = Environment.capture()
        if options.command != .knee { environment.profile = options.quick ? "quick" : "full" }
        print(environment.description)
        if let warning = environment.buildWarning { print(warning) }
        switch options.command {
        case .ab:
            let comparison = try PoolComparison(options: options)
            print(
                "pooled vs plain: \(comparison.scenarios.map(\.name).joined(separator: ", ")), "
                    + "\(comparison.rounds) round(s), interleaved (on/off, then off/on)")
            let summary = ComparisonSummary(try comparison.run())
            print("\nMedians\n" + summary.table + "\n\nTargets\n" + summary.verdictTable)
            try write(options.jsonPath) { () throws(PerfResultError) in try summary.report(environment: environment) }
            return summary.verdicts.allSatisfy(\.met) ? 0 : 1
        case .soak:
            let soak = try ServiceSoak(options: options)
            let rate = NumberText.fixed(soak.scenario.configuration.rate ?? 0, decimals: 0)
            print(
                "soak: \(soak.scenario.name) at \(rate) req/s for \(UnitText.format(options.soakDuration)), "
                    + "--pool \(options.pool ? "on" : "off")")
            let outcome = try soak.run()
            print(outcome.summary)
            try write(options.jsonPath) { () throws(PerfResultError) in try outcome.report(environment: environment) }
            return outcome.exitStatus
        case .knee:
            var results: [Result] = []
            for file in options.files {
                for (name, knee) in try StressKnee.read(path: file, p99Limit: options.p99Limit) {
                    print(knee.line(name: name))
                    guard !knee.metrics.isEmpty else { continue }
                    // `http-stress/total` in loadgen's report becomes `http-stress/knee` here.
                    let scenario = name.split(separator: "/").first.map(String.init) ?? name
                    do {
                        results.append(try Result(name: "\(scenario)/knee", metrics: knee.metrics))
                    } catch {
                        throw .report("\(file): \(error)")
                    }
                }
            }
            try write(options.jsonPath) { () throws(PerfResultError) in
                try Report(suite: "macro-knee", environment: environment, results: results)
            }
            return 0
        case .scale:
            let sweep = try ScaleSweep(options: options)
            let ramp = sweep.ramp
            let shape =
                ramp.step.map { "in holds of \(UnitText.format($0))" }
                ?? "linearly (+\(NumberText.fixed(ramp.risePerSecond, decimals: 0)) req/s per second)"
            print(
                "scale: \(sweep.scenario.name), instances \(options.effectiveInstances.map(String.init).joined(separator: ",")), "
                    + "mix \(options.effectiveMixes.map(\.rawValue).joined(separator: ",")); ramp 1000 -> "
                    + "\(NumberText.fixed(ramp.peak, decimals: 0)) req/s over \(UnitText.format(ramp.ramp)) \(shape), "
                    + "p99 limit \(UnitText.format(options.p99Limit))")
            let outcome = ScaleOutcome(points: try sweep.run())
            print("\nKnees\n" + outcome.table)
            try write(options.jsonPath) { () throws(PerfResultError) in try outcome.report(environment: environment) }
            return 0
        }
    }

    /// Writes the report `make` builds to `path`, when a path was given.
    private static func write(_ path: String?, _ make: () throws(PerfResultError) -> Report) throws(DemoLoadError) {
        guard let path else { return }
        do {
            try make().write(to: path)
            print("wrote \(path)")
        } catch {
            throw .report("cannot write \(path): \(error)")
        }
    }
}
