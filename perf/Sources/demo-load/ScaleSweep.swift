import LoadGen
import PerfSupport

/// `demo-load scale`: the stress ramp against the demo service with 1, 2, … N event loops and under each
/// request mix, a fresh service per configuration; each configuration's knee by `StressKnee`.
struct ScaleSweep {
    /// The stress scenario with the sweep's ramp, warmup and grace applied (its requests and service are
    /// the starting point of every configuration).
    let scenario: Scenario
    let configurations: [ScaleConfiguration]
    let ramp: ScaleRamp
    let p99Limit: Duration

    /// Loads the scenario of `options` and applies the ramp.
    /// - Throws: `DemoLoadError.setup` for a scenario LoadGen refuses or one without the mixes' requests.
    init(options: Options) throws(DemoLoadError) {
        ramp = options.scaleRamp
        p99Limit = options.p99Limit
        configurations = ScaleConfiguration.all(instances: options.effectiveInstances, mixes: options.effectiveMixes)
        do {
            var scenario = try Scenario.load(path: Options.scenarioPath(options.effectiveScenarios[0]))
            scenario.configuration.stages = ramp.stages
            scenario.configuration.duration = nil
            scenario.configuration.count = nil
            scenario.configuration.rate = nil
            scenario.configuration.warmup = .milliseconds(500)
            scenario.configuration.grace = .seconds(1)
            if let threads = options.clientThreads { scenario.configuration.threads = threads }
            try scenario.configuration.validate()
            self.scenario = scenario
        } catch {
            throw .setup("\(error)")
        }
        for mix in Set(configurations.map(\.mix)) {
            _ = try mix.requests(from: scenario.configuration.requests, scenario: scenario.name)
        }
    }

    /// Runs every configuration in order, printing a line for each as it ends.
    func run() throws(DemoLoadError) -> [ScalePoint] {
        var points: [ScalePoint] = []
        for configuration in configurations {
            let point = try measure(configuration)
            print(point.knee.line(name: configuration.label) + " (\(point.seconds) s measured)")
            points.append(point)
        }
        return points
    }

    /// One configuration: a fresh service with `instances` event loops (checked on its `/metrics`), the mix's
    /// requests on the ramp, stopped as soon as a second breaches (the seconds after it cannot move the
    /// knee), then `StressKnee` over the seconds measured.
    func measure(_ configuration: ScaleConfiguration) throws(DemoLoadError) -> ScalePoint {
        var scenario = self.scenario
        scenario.configuration.requests = try configuration.mix.requests(
            from: scenario.configuration.requests, scenario: scenario.name)
        if let arguments = scenario.service?.arguments {
            scenario.service?.arguments = ScaleConfiguration.serviceArguments(
                arguments, threads: configuration.instances)
        }
        let service = try ServiceUnderTest.start(scenario, extraArguments: [])
        defer { service.stop() }
        let loops = try service.scrape().eventLoops
        guard loops == configuration.instances else {
            throw .setup(
                "the service at port \(service.port) runs \(loops.map(String.init) ?? "an unknown number of") "
                    + "event loops, not \(configuration.instances)")
        }
        var seen: [SecondSample] = []
        var stopped = false
        let result: LoadResult
        do {
            let test = try LoadTest(scenario.configuration)
            result = try test.run { progress in
                if Interruption.requested { test.stop() }
                seen += progress.newSeconds
                if !stopped, StressKnee(seconds: seen, p99Limit: p99Limit).breach != nil {
                    test.stop()
                    stopped = true
                }
            }
        } catch {
            throw .setup("loadgen: \(error)")
        }
        if Interruption.requested { throw .setup("interrupted") }
        return ScalePoint(
            configuration: configuration, knee: StressKnee(seconds: result.perSecond, p99Limit: p99Limit),
            seconds: result.perSecond.count)
    }
}
