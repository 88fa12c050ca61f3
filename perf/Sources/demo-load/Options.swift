import PerfSupport

/// What a run of `demo-load` was asked to do, read from the command line `Options.command` parsed.
struct Options: Equatable {
    /// The four jobs of the tool, one subcommand each.
    enum Job: String, Equatable {
        /// Pooled against plain in interleaved rounds of load scenarios.
        case ab
        /// A soak under steady load: service memory sampled by PID and from `/metrics`, then a leak verdict.
        case soak
        /// The knee of a stress ramp, from the per-second series of a `loadgen --json` report.
        case knee
        /// Scaling curves: the stress ramp's knee against the service's event loops, per request mix.
        case scale
    }

    /// The job.
    var command: Job
    /// `--quick`, `--profile quick` or `PERF_PROFILE=quick`: shorter runs.
    var quick = false
    /// `--scenario`: names in `perf/macro` or paths (several for `ab`); empty takes the command's defaults.
    var scenarios: [String] = []
    /// `--rounds`: A/B rounds (each runs every scenario once pooled and once plain).
    var rounds: Int?
    /// `--duration`: the measured window of each A/B run, or the length of the soak.
    var duration: Duration?
    /// `--warmup`: load before the measured window of each A/B run or the soak.
    var warmup: Duration?
    /// `--rate`: the soak's arrivals per second.
    var rate: Double?
    /// `--pool on|off`: the allocator of the soaked service.
    var pool = true
    /// `--p99-limit`: the per-second p99 above which a stress ramp has breached (knee).
    var p99Limit: Duration = .milliseconds(10)
    /// `--instances`: the event-loop counts of `scale`; `nil` takes the profile's.
    var instances: [Int]?
    /// `--mix`: the request mixes of `scale`; `nil` takes the profile's.
    var mixes: [ScaleMix]?
    /// `--ramp`: how long `scale`'s ramp takes to reach the peak; `nil` takes the profile's.
    var rampLength: Duration?
    /// `--step`: `scale`'s ramp as a staircase of holds this long; `nil` ramps linearly.
    var step: Duration?
    /// `--peak`: the rate `scale`'s ramp ends at; `nil` takes the profile's.
    var peak: Double?
    /// `--client-threads`: LoadGen's worker threads in `scale`; `nil` keeps the scenario's.
    var clientThreads: Int?
    /// The results files of `knee`.
    var files: [String] = []
    /// `--json`: where to write the PerfResult report.
    var jsonPath: String?

    /// A/B rounds when `--rounds` is not given.
    var effectiveRounds: Int { rounds ?? (quick ? 2 : 5) }

    /// The soak's length when `--duration` is not given: 60 s, 15 s in the quick profile.
    var soakDuration: Duration { duration ?? (quick ? .seconds(15) : .seconds(60)) }

    /// The soak's arrival rate when `--rate` is not given.
    static let defaultSoakRate = 5000.0

    /// The scenarios of `ab` and `soak` when none is given.
    var effectiveScenarios: [String] {
        guard scenarios.isEmpty else { return scenarios }
        switch command {
        case .soak: return ["http-sustained"]
        case .scale: return ["http-stress"]
        default: return ["http-login", "http-messages"]
        }
    }

    /// A scenario name (`http-login`) as its file under `perf/macro`; a path stays as it is.
    static func scenarioPath(_ name: String) -> String {
        name.contains("/") || name.hasSuffix(".json") ? name : "perf/macro/\(name).json"
    }

    /// The options a command line of `Options.command` chose.
    /// - Throws: `UsageError` when it names no job (`demo-load` alone).
    init(_ parsed: ParsedArguments) throws(UsageError) {
        guard let name = parsed.subcommand, let job = Job(rawValue: name) else {
            throw UsageError("give a command: ab, soak, knee or scale; see demo-load --help")
        }
        command = job
        jsonPath = parsed[CommonOptions.json]
        switch job {
        case .ab:
            scenarios = parsed.values(Self.scenarios)
            rounds = parsed.given(Self.rounds)
            duration = parsed.given(Self.abDuration)
            warmup = parsed.given(Self.abWarmup)
        case .soak:
            scenarios = parsed.given(Self.soakScenario).map { [$0] } ?? []
            duration = parsed.given(Self.soakDuration)
            warmup = parsed.given(Self.soakWarmup)
            rate = parsed.given(Self.rate)
            pool = parsed[Self.pool] != "off"
        case .knee:
            files = parsed.positionals
            p99Limit = parsed[Self.p99Limit] ?? p99Limit
        case .scale:
            try readScale(parsed)
        }
        quick = PerfProfile.chosen(by: parsed, default: .full) == .quick
        if job == .scale, let step, step > scaleRamp.ramp {
            throw UsageError(
                "--step: \(UnitText.format(step)) is longer than the ramp (\(UnitText.format(scaleRamp.ramp))); "
                    + "give a shorter --step or a longer --ramp")
        }
    }
}
