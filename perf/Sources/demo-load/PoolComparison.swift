import LoadGen
import PerfResult
import PerfSupport

/// `demo-load ab`: pooled against plain under the same scenarios, in interleaved rounds, each run on a fresh
/// service, then medians per mode and the targets.
struct PoolComparison {
    /// The scenarios, loaded with the profile's overrides and the `--duration`/`--warmup` flags applied.
    let scenarios: [Scenario]
    let rounds: Int

    /// The targets, adapted from the sync.Pool task.
    enum Target {
        /// Allocations per request at least this much lower pooled.
        static let allocationReduction = 0.30
        /// Pooled p50 and p99 at most this many times plain's: "not worse", with 5 % for run-to-run noise.
        static let latencyRatio = 1.05
        /// The pools' hit rate under load.
        static let hitRate = 0.80
    }

    /// Loads the scenarios of `options`.
    /// - Throws: `DemoLoadError.setup` for a scenario file LoadGen refuses.
    init(options: Options) throws(DemoLoadError) {
        var scenarios: [Scenario] = []
        for name in options.effectiveScenarios {
            do {
                var scenario = try Scenario.load(
                    path: Options.scenarioPath(name), profile: options.quick ? "quick" : nil)
                if let duration = options.duration { scenario.configuration.duration = duration }
                if let warmup = options.warmup { scenario.configuration.warmup = warmup }
                try scenario.configuration.validate()
                scenarios.append(scenario)
            } catch {
                throw .setup("\(error)")
            }
        }
        self.scenarios = scenarios
        rounds = options.effectiveRounds
    }

    /// Runs every round, printing a line per run; returns every measurement.
    func run() throws(DemoLoadError) -> [RunMeasurement] {
        var measurements: [RunMeasurement] = []
        for round in 1...rounds {
            for scenario in scenarios {
                // A B, then B A: drift on a shared machine hits both modes alike.
                for pool in round % 2 == 1 ? [true, false] : [false, true] {
                    let measurement = try Self.measure(scenario, pool: pool, round: round)
                    print(Self.line(measurement))
                    measurements.append(measurement)
                }
            }
        }
        return measurements
    }

    /// One run: start the service in `pool` mode, scrape an idle pair, load, scrape at the window's start
    /// (the first progress call after the warmup) and end, stop the service.
    static func measure(_ scenario: Scenario, pool: Bool, round: Int) throws(DemoLoadError) -> RunMeasurement {
        let service = try ServiceUnderTest.start(scenario, extraArguments: ["--pool", pool ? "on" : "off"])
        defer { service.stop() }
        let idle = (try service.scrape(), try service.scrape())
        guard idle.1.poolEnabled == pool else {
            throw .setup("the service at port \(service.port) does not run with --pool \(pool ? "on" : "off")")
        }
        var windowStart: MetricsScrape?
        var failure: DemoLoadError?
        let result: LoadResult
        do {
            let test = try LoadTest(scenario.configuration)
            result = try test.run { progress in
                if Interruption.requested { test.stop() }
                guard windowStart == nil, failure == nil, progress.phase != .warmup else { return }
                do throws(DemoLoadError) {
                    windowStart = try service.scrape()
                } catch {
                    failure = error
                }
            }
        } catch {
            throw .setup("loadgen: \(error)")
        }
        if let failure { throw failure }
        if Interruption.requested { throw .setup("interrupted") }
        let windowEnd = try service.scrape()
        return RunMeasurement(
            scenario: scenario.name, pool: pool, round: round, result: result, idle: idle,
            window: (windowStart ?? idle.1, windowEnd))
    }

    /// One line per run, as it finishes.
    static func line(_ run: RunMeasurement) -> String {
        let allocations = run.allocsPerRequest.map { NumberText.fixed($0, decimals: 2) } ?? "n/a"
        let latency = [run.p50Ms, run.p95Ms, run.p99Ms].map { NumberText.fixed($0, decimals: 3) }
        return "round \(run.round)  \(run.scenario)  pool=\(run.pool ? "on " : "off")  "
            + "\(NumberText.fixed(run.requestsPerSec, decimals: 0)) req/s  p50 \(latency[0]) ms  p95 \(latency[1]) ms  "
            + "p99 \(latency[2]) ms  errors \(NumberText.fixed(run.errorRate * 100, decimals: 3)) %  "
            + "allocs/request \(allocations)"
            + (run.hitRate.map { "  hit rate \(NumberText.fixed($0 * 100, decimals: 1)) %" } ?? "")
    }
}
