import LoadGen
import PerfResult
import PerfSupport
import Testing

@testable import demo_load

/// `demo-load scale`: its command line, the ramp, each configuration's knee, efficiencies and the report.
@Suite struct ScaleTests {
    func parse(_ arguments: String..., profile: String? = nil) throws(UsageError) -> Options {
        try Options(Options.command.parse(arguments, environment: profile.map { ["PERF_PROFILE": $0] } ?? [:]))
    }

    func second(_ index: Int, _ requests: UInt64, p99Ms: Double, errors: UInt64 = 0) -> SecondSample {
        SecondSample(
            second: index, requests: requests, errors: errors, bytes: 0, latencyP50Ns: nil,
            latencyP99Ns: UInt64(p99Ms * 1e6))
    }

    // MARK: Command line

    @Test func scaleDefaultsToOneToThreeLoopsAndEveryMixAndQuickToOneAndTwoMixed() throws {
        let full = try parse("scale")
        #expect(full.command == .scale && full.effectiveScenarios == ["http-stress"])
        #expect(full.effectiveInstances == [1, 2, 3] && full.effectiveMixes == [.login, .messages, .mixed])
        #expect(full.scaleRamp == ScaleRamp(peak: 150_000, ramp: .seconds(20), step: nil))
        #expect(full.p99Limit == .milliseconds(10) && full.clientThreads == nil)
        let quick = try parse("scale", profile: "quick")
        #expect(quick.effectiveInstances == [1, 2] && quick.effectiveMixes == [.mixed])
        #expect(quick.scaleRamp == ScaleRamp(peak: 60_000, ramp: .seconds(8), step: nil))
        #expect(
            ScaleConfiguration.all(instances: [1, 2], mixes: [.login, .mixed]).map(\.label) == [
                "instances=1 mix=login", "instances=2 mix=login", "instances=1 mix=mixed", "instances=2 mix=mixed",
            ])
    }

    @Test func scaleFlagsAreRead() throws {
        let options = try parse(
            "scale", "--instances", "1,2,4", "--mix", "messages,login", "--ramp", "12s", "--step", "2s", "--peak",
            "90k", "--p99-limit", "5ms", "--client-threads", "2", "--scenario", "x/y.json", "--json", "s.json")
        #expect(options.effectiveInstances == [1, 2, 4] && options.effectiveMixes == [.messages, .login])
        #expect(options.scaleRamp == ScaleRamp(peak: 90_000, ramp: .seconds(12), step: .seconds(2)))
        #expect(options.p99Limit == .milliseconds(5) && options.clientThreads == 2)
        #expect(options.effectiveScenarios == ["x/y.json"] && options.jsonPath == "s.json")
        let help = try Options.command.parse(["scale", "--help"]).helpText
        #expect(help.contains("--instances N,N...") && help.contains("(default 1,2,3, quick 1,2)"))
        #expect(help.contains("--mix MIX,MIX...") && help.contains("scale/knee[instances=N,mix=M]"))
    }

    static let errors: [([String], String)] = [
        (["scale", "--instances", "0,2"], "--instances: 0,2 is out of range: it must be from 1 to 64, each once"),
        (["scale", "--instances", "1,1"], "--instances: 1,1 is out of range: it must be from 1 to 64, each once"),
        (
            ["scale", "--instances", "1,two"],
            "--instances: \"1,two\" is not a comma-separated list of event-loop counts such as 1,2,3"
        ),
        (
            ["scale", "--instances", "1,,2"],
            "--instances: \"1,,2\" is not a comma-separated list of event-loop counts such as 1,2,3"
        ),
        (
            ["scale", "--mix", "login,checkout"],
            "--mix: \"login,checkout\" is not a comma-separated list of login, messages and mixed"
        ),
        (["scale", "--mix", "login,login"], "--mix: login,login is out of range: it must name each mix once"),
        (["scale", "--peak", "800"], "--peak: 800 is out of range: it must be above 1000 (the first second's rate)"),
        (["scale", "--ramp", "0s"], "--ramp: 0s is out of range: it must be longer than 0"),
        (
            ["scale", "--ramp", "5s", "--step", "10s"],
            "--step: 10s is longer than the ramp (5s); give a shorter --step or a longer --ramp"
        ),
        (["scale", "--client-threads", "0"], "--client-threads: 0 is out of range: it must be between 1 and 64"),
        (["scale", "--rounds", "3"], "unknown option --rounds; see demo-load scale --help"),
    ]

    @Test(arguments: 0..<errors.count)
    func badScaleFlagsAreRefusedNamingTheFlag(_ index: Int) {
        let (arguments, message) = Self.errors[index]
        #expect(throws: UsageError(message)) { try Options(Options.command.parse(arguments)) }
    }

    // MARK: Configurations

    @Test func aLinearRampFollowsOneSecondAtTheStartRateAndAStaircaseEndsAtThePeak() {
        let linear = ScaleRamp(peak: 21_000, ramp: .seconds(10), step: nil)
        #expect(linear.stages == [.rate(1000, for: .seconds(1)), .rate(21_000, for: .seconds(10), ramp: true)])
        #expect(linear.risePerSecond == 2000)
        let stairs = ScaleRamp(peak: 21_000, ramp: .seconds(9), step: .seconds(2))
        #expect(
            stairs.stages == [
                .rate(1000, for: .seconds(1)), .rate(6000, for: .seconds(2)), .rate(11_000, for: .seconds(2)),
                .rate(16_000, for: .seconds(2)), .rate(21_000, for: .seconds(2)),
            ])
    }

    @Test func theServiceGetsTheConfigurationsEventLoopsWhateverTheScenarioSaid() {
        let arguments = ["--port", "18095", "--threads", "1", "--max-connections", "2048"]
        #expect(
            ScaleConfiguration.serviceArguments(arguments, threads: 3)
                == ["--port", "18095", "--threads", "3", "--max-connections", "2048"])
        #expect(ScaleConfiguration.serviceArguments(["--threads=1"], threads: 2) == ["--threads=2"])
        #expect(ScaleConfiguration.serviceArguments(["--port", "1"], threads: 2) == ["--port", "1", "--threads", "2"])
    }

    @Test func eachMixTakesItsRequestsFromTheStressScenario() throws {
        let scenario = try Scenario.load(path: ScenarioFilesTests.macro + "/http-stress.json")
        let requests = scenario.configuration.requests
        #expect(
            try ScaleMix.login.requests(from: requests, scenario: "s").map(\.path) == [
                "/login", "/login", "/login", "/login",
            ])
        #expect(try ScaleMix.messages.requests(from: requests, scenario: "s").allSatisfy { $0.path == "/messages" })
        #expect(try ScaleMix.messages.requests(from: requests, scenario: "s").count == 4)
        #expect(try ScaleMix.mixed.requests(from: requests, scenario: "s") == requests)
        #expect(throws: DemoLoadError.setup("the scenario 's' has no /login request for --mix login")) {
            try ScaleMix.login.requests(from: [RequestTemplate(method: "GET", path: "/health")], scenario: "s")
        }
    }

    // MARK: Knees, efficiency, report

    /// Ramps as LoadGen reports them, one per configuration: the knee is the busiest second before the breach.
    var fixturePoints: [ScalePoint] {
        let limit = Duration.milliseconds(10)
        func point(_ instances: Int, _ mix: ScaleMix, _ seconds: [SecondSample]) -> ScalePoint {
            ScalePoint(
                configuration: ScaleConfiguration(instances: instances, mix: mix),
                knee: StressKnee(seconds: seconds, p99Limit: limit), seconds: seconds.count)
        }
        return [
            point(
                1, .login,
                [
                    second(0, 1000, p99Ms: 0.3), second(1, 20_000, p99Ms: 0.8), second(2, 40_000, p99Ms: 4),
                    second(3, 39_000, p99Ms: 60),
                ]),
            point(
                2, .login,
                [
                    second(0, 1000, p99Ms: 0.3), second(1, 20_000, p99Ms: 0.6), second(2, 40_000, p99Ms: 1),
                    second(3, 60_000, p99Ms: 6), second(4, 61_000, p99Ms: 8, errors: 2),
                ]),
            point(
                1, .messages, [second(0, 1000, p99Ms: 0.2), second(1, 80_000, p99Ms: 3), second(2, 90_000, p99Ms: 45)]),
            // Never breached: no knee, its efficiency unknown; in the report with what it sustained only.
            point(2, .messages, [second(0, 1000, p99Ms: 0.2), second(1, 80_000, p99Ms: 3)]),
        ]
    }

    @Test func eachConfigurationsKneeComesFromItsOwnRamp() {
        let points = fixturePoints
        #expect(points.map(\.kneeRequests) == [40_000, 60_000, 80_000, nil])
        #expect(points.map { $0.knee.breach?.second } == [3, 4, 2, nil])
        #expect(points[1].knee.breach?.reason == "2 error(s)")
        #expect(points.map { $0.knee.knee?.p99Ns } == [4_000_000, 6_000_000, 3_000_000, 3_000_000])
    }

    @Test func efficiencyIsTheKneeOverNTimesOneInstancesKneeOfTheSameMix() {
        #expect(ScaleOutcome.efficiency(knee: 60_000, instances: 2, singleKnee: 40_000) == 0.75)
        #expect(ScaleOutcome.efficiency(knee: 120_000, instances: 3, singleKnee: 40_000) == 1)
        #expect(ScaleOutcome.efficiency(knee: 40_000, instances: 1, singleKnee: 40_000) == 1)
        let outcome = ScaleOutcome(points: fixturePoints)
        #expect(outcome.points.map(outcome.efficiency(of:)) == [1, 0.75, 1, nil])
        // Without the one-instance point of a mix there is nothing to compare with.
        #expect(ScaleOutcome(points: Array(fixturePoints[1...])).efficiency(of: fixturePoints[1]) == nil)
    }

    @Test func theTableHasARowPerConfiguration() {
        let lines = ScaleOutcome(points: fixturePoints).table.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0].contains("knee req/s") && lines[0].contains("efficiency"))
        #expect(lines[2].hasPrefix("  login") && lines[2].contains("60000") && lines[2].contains("6.000"))
        #expect(lines[2].contains("0.75") && lines[2].contains("second 4: 2 error(s)"))
        #expect(lines[4].contains("messages") && lines[4].contains("none: ramp higher"))
        #expect(lines[0].contains("sustained req/s") && lines[4].contains("80000"))
    }

    @Test func theReportHasAResultPerConfigurationThatKeptUpAndKneeMetricsWhereItHasAKnee() throws {
        let report = try ScaleOutcome(points: fixturePoints).report(environment: Environment.capture())
        #expect(report.suite == "scale")
        #expect(
            report.results.map(\.name) == [
                "scale/knee[instances=1,mix=login]", "scale/knee[instances=2,mix=login]",
                "scale/knee[instances=1,mix=messages]", "scale/knee[instances=2,mix=messages]",
            ])
        let second = report.results[1]
        #expect(second.parameters == ["instances": "2", "mix": "login"])
        #expect(second.metrics.map(\.key) == ["kneeRequestsPerSec", "kneeLatencyP99Ms", "sustainedRequestsPerSec"])
        #expect(second["sustainedRequestsPerSec"]?.value == 60_000)
        // A ramp that never breached: no knee, but the busiest second it kept up with, a lower bound of the knee.
        let unbroken = report.results[3]
        #expect(unbroken.metrics.map(\.key) == ["sustainedRequestsPerSec"])
        #expect(unbroken["sustainedRequestsPerSec"]?.value == 80_000)
        #expect(second["kneeRequestsPerSec"]?.value == 60_000 && second["kneeRequestsPerSec"]?.better == .higher)
        #expect(second["kneeLatencyP99Ms"]?.value == 6 && second["kneeLatencyP99Ms"]?.unit == .milliseconds)
    }
}
