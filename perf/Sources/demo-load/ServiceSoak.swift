import LoadGen
import MemProbe
import PerfResult
import PerfSupport

/// `demo-load soak`: steady load on one service while its memory is sampled, then MemProbe's verdicts.
struct ServiceSoak {
    /// One sample of the service: when, what `/metrics` said, and its RSS read by PID.
    struct Sample: Equatable {
        /// Seconds since the measured window started.
        var seconds: Double
        var scrape: MetricsScrape
        var memory: MemorySample
    }

    /// The outcome: the samples, MemProbe's report on them, and the load.
    struct Outcome {
        var scenario: String
        var pool: Bool
        var rate: Double
        var samples: [Sample]
        var report: LeakReport
        var load: LoadResult

        /// The RSS series' analysis (the same four checks as the deciding series; here it must not grow).
        var residentAnalysis: SignalAnalysis? { report.analysis(of: .residentBytes) }

        /// RSS flat: MemProbe's checks on it find no steady growth.
        var residentIsFlat: Bool { residentAnalysis.map { !$0.indicatesLeak } ?? false }

        /// The samples after MemProbe's warmup.
        var analysed: ArraySlice<Sample> { samples[report.warmupSampleCount...] }

        /// The least-squares slope of RSS over time after the warmup, in bytes per second.
        var residentSlopePerSecond: Double? {
            let points = analysed.compactMap { sample in
                sample.memory.residentBytes.map { (sample.seconds, Double($0)) }
            }
            return LinearFit(x: points.map(\.0), y: points.map(\.1))?.slope
        }

        /// The pools' counters between the first analysed sample and the last.
        var poolWindow: [String: MetricsScrape.PoolCounts] {
            guard let first = analysed.first, let last = analysed.last else { return [:] }
            var window: [String: MetricsScrape.PoolCounts] = [:]
            for (name, counts) in last.scrape.pools { window[name] = counts.since(first.scrape.pools[name] ?? .init()) }
            return window
        }

        /// Hits over takes of every pool after the warmup; `nil` for the plain allocator.
        var hitRate: Double? {
            guard pool else { return nil }
            return poolWindow.values.reduce(MetricsScrape.PoolCounts()) {
                MetricsScrape.PoolCounts(hits: $0.hits + $1.hits, misses: $0.misses + $1.misses)
            }.hitRate
        }

        /// Passed: no leak and RSS flat.
        var passed: Bool { report.verdict == .noLeak && residentIsFlat }
    }

    /// The sessions the soaked service keeps: few enough that the LRU is full within MemProbe's warmup (the
    /// first 20 % of samples), so that its filling is not mistaken for growth.
    static let sessionCapacity = 4096
    /// Samples per second.
    static let samplesPerSecond = 2.0

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
        var samples: [Sample] = []
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
                guard progress.phase == .measuring else { return }
                if windowStart == nil { windowStart = clock.now }
                if let start = windowStart, start.duration(to: clock.now) >= interval * samples.count {
                    takeSample()
                }
            }
        } catch {
            throw .setup("loadgen: \(error)")
        }
        if Interruption.requested { throw .setup("interrupted") }
        takeSample()
        if let failure { throw failure }
        let leakSamples = samples.map { sample in
            LeakSample(
                iteration: Int(sample.scrape.requests),
                memory: MemorySample(
                    residentBytes: sample.memory.residentBytes,
                    heapInUseBytes: sample.scrape.heapInUseBytes.map { Int($0) },
                    peakResidentBytes: sample.memory.peakResidentBytes,
                    liveAllocations: sample.scrape.liveAllocations.map { Int($0) }))
        }
        let configuration = LeakCheck.Configuration(length: .duration(options.soakDuration), sampleEvery: 1)
        return Outcome(
            scenario: scenario.name, pool: options.pool, rate: scenario.configuration.rate ?? 0, samples: samples,
            report: LeakReport(samples: leakSamples, configuration: configuration), load: load)
    }
}
