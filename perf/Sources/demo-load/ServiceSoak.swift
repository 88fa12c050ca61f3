import LoadGen
import MemProbe
import PerfResult
import PerfSupport

/// `demo-load soak`: steady load on one service while its memory is sampled, then MemProbe's verdicts.
struct ServiceSoak {
    /// The sessions the soaked service keeps: few enough that the LRU is full within MemProbe's warmup (the
    /// first 20 % of samples), so that its filling is not mistaken for growth.
    static let sessionCapacity = 4096
    /// Samples per second.
    static let samplesPerSecond = 2.0
    /// The most points the soak keeps: 17 minutes at full resolution, then merged pairwise (a 24 h soak keeps
    /// points of 64 s), so that its memory does not grow with `--duration`.
    static let sampleCapacity = 2048
    /// The finished seconds the soak's LoadGen run keeps (`LoadConfiguration.secondsKept`). The soak reports its
    /// own bounded samples and the run's totals (throughput, p99, errors: exact, accumulated apart from the
    /// seconds), never LoadGen's per-second series, so a minute of it is plenty, and the load generator's
    /// memory does not grow with `--duration` either (at 64 B a second, 5.5 MB a day otherwise).
    static let loadSecondsKept = 60

    let scenario: Scenario
    let options: Options

    /// Loads the scenario and applies the soak's duration, rate and warmup.
    /// - Throws: `DemoLoadError.setup` for a scenario LoadGen refuses.
    init(options: Options) throws(DemoLoadError) {
        self.options = options
        do {
            var scenario = try Scenario.load(path: Options.scenarioPath(options.effectiveScenarios[0]))
            scenario.configuration.stages = []
            scenario.configuration.count = nil
            scenario.configuration.rate = options.rate ?? Options.defaultSoakRate
            scenario.configuration.duration = options.soakDuration
            scenario.configuration.warmup = options.warmup ?? .seconds(2)
            scenario.configuration.secondsKept = Self.loadSecondsKept
            try scenario.configuration.validate()
            self.scenario = scenario
        } catch {
            throw .setup("\(error)")
        }
    }

    /// Runs the soak.
    /// - Throws: `DemoLoadError` when the service does not start or cannot be scraped.
    func run() throws(DemoLoadError) -> Outcome {
        let service = try ServiceUnderTest.start(
            scenario,
            extraArguments: ["--pool", options.pool ? "on" : "off", "--sessions", String(Self.sessionCapacity)])
        defer { service.stop() }
        let sampler: MemorySampler
        do {
            sampler = try MemorySampler(pid: service.process.pid)
        } catch {
            throw .setup("cannot sample the service's memory: \(error)")
        }
        var samples = BoundedSeries<Sample>(capacity: Self.sampleCapacity)
        var failure: DemoLoadError?
        let clock = ContinuousClock()
        var windowStart: ContinuousClock.Instant?
        let interval = Duration.seconds(1 / Self.samplesPerSecond)
        func takeSample() {
            guard failure == nil, let start = windowStart else { return }
            do throws(DemoLoadError) {
                let scrape = try service.scrape()
                let seconds = start.duration(to: clock.now).secondsDouble
                samples.append(Sample(seconds: seconds, scrape: scrape, memory: sampler.sample()))
            } catch {
                failure = error
            }
        }
        let load: LoadResult
        do {
            let test = try LoadTest(scenario.configuration)
            load = try test.run { progress in
                if Interruption.requested { test.stop() }
                guard progress.phase == .measuring, !Interruption.requested else { return }
                if windowStart == nil { windowStart = clock.now }
                if let start = windowStart, start.duration(to: clock.now) >= interval * samples.appended {
                    takeSample()
                }
            }
        } catch {
            throw .setup("loadgen: \(error)")
        }
        let interruption = Interruption.receivedSignal
        takeSample()
        if let failure { throw failure }
        if let interruption, samples.isEmpty {
            throw .setup(
                "interrupted by \(Interruption.name(of: interruption)) before the first sample: nothing to report")
        }
        let configuration = LeakCheck.Configuration(length: .duration(options.soakDuration), sampleEvery: 1)
        return Outcome(
            scenario: scenario.name, pool: options.pool, rate: scenario.configuration.rate ?? 0, samples: samples,
            report: LeakReport(samples: samples.points.map(\.leakSample), configuration: configuration), load: load,
            plannedDuration: options.soakDuration, interruption: interruption)
    }
}
