import LoadGen

/// What a run of `demo-load` was asked to do.
struct Options: Equatable {
    /// The three jobs of the tool.
    enum Command: String, Equatable {
        /// Pooled against plain in interleaved rounds of load scenarios.
        case ab
        /// A soak under steady load: service memory sampled by PID and from `/metrics`, then a leak verdict.
        case soak
        /// The knee of a stress ramp, from the per-second series of a `loadgen --json` report.
        case knee
    }

    /// The job; `nil` with `--help` alone.
    var command: Command?
    /// `--help`: print the usage and exit 0.
    var help = false
    /// `--quick` or `PERF_PROFILE=quick`: shorter runs.
    var quick = false
    /// `--scenario` (repeatable): names in `perf/macro` or paths; empty takes the command's defaults.
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
        return command == .soak ? ["http-sustained"] : ["http-login", "http-messages"]
    }

    /// A scenario name (`http-login`) as its file under `perf/macro`; a path stays as it is.
    static func scenarioPath(_ name: String) -> String {
        name.contains("/") || name.hasSuffix(".json") ? name : "perf/macro/\(name).json"
    }

    /// Parses the arguments (without the program name); `profile` is `PERF_PROFILE`.
    /// - Throws: `DemoLoadError.usage` naming the argument to fix.
    static func parse(_ arguments: [String], profile: String?) throws(DemoLoadError) -> Options {
        var options = Options()
        switch profile {
        case nil, "", "full": break
        case "quick": options.quick = true
        default: throw .usage("PERF_PROFILE: expected quick or full, got '\(profile ?? "")'")
        }
        var rest = arguments[...]
        func value(_ flag: String) throws(DemoLoadError) -> String {
            guard let next = rest.first, !next.hasPrefix("--") else {
                throw .usage("\(flag) needs a value (see --help)")
            }
            rest = rest.dropFirst()
            return next
        }
        func duration(_ flag: String) throws(DemoLoadError) -> Duration {
            let text = try value(flag)
            guard let parsed = DurationText.parse(text), parsed > .zero else {
                throw .usage("\(flag): expected a duration such as 500ms, 10s or 2m, got '\(text)'")
            }
            return parsed
        }
        func positive(_ flag: String) throws(DemoLoadError) -> Double {
            let text = try value(flag)
            guard let number = Double(text), number > 0, number.isFinite else {
                throw .usage("\(flag): expected a positive number, got '\(text)'")
            }
            return number
        }
        while let argument = rest.first {
            rest = rest.dropFirst()
            switch argument {
            case "-h", "--help": options.help = true
            case "--quick": options.quick = true
            case "--scenario": options.scenarios.append(try value(argument))
            case "--rounds":
                let text = try value(argument)
                guard let rounds = Int(text), (1...100).contains(rounds) else {
                    throw .usage("--rounds: expected an integer from 1 to 100, got '\(text)'")
                }
                options.rounds = rounds
            case "--duration": options.duration = try duration(argument)
            case "--warmup": options.warmup = try duration(argument)
            case "--rate": options.rate = try positive(argument)
            case "--p99-limit": options.p99Limit = try duration(argument)
            case "--pool":
                switch try value(argument) {
                case "on": options.pool = true
                case "off": options.pool = false
                case let other: throw .usage("--pool: expected on or off, got '\(other)'")
                }
            case "--json": options.jsonPath = try value(argument)
            default:
                if argument.hasPrefix("-") { throw .usage("unknown flag '\(argument)' (see --help)") }
                if options.command == nil {
                    guard let command = Command(rawValue: argument) else {
                        throw .usage("unknown command '\(argument)': use ab, soak or knee (see --help)")
                    }
                    options.command = command
                } else if options.command == .knee {
                    options.files.append(argument)
                } else {
                    throw .usage("unexpected argument '\(argument)' (see --help)")
                }
            }
        }
        if options.help { return options }
        guard let command = options.command else { throw .usage("give a command: ab, soak or knee (see --help)") }
        if command == .knee, options.files.isEmpty {
            throw .usage("knee needs a loadgen --json report, e.g. demo-load knee perf/results/macro-http-stress.json")
        }
        if command != .knee, !options.files.isEmpty {
            throw .usage("unexpected argument '\(options.files[0])' (see --help)")
        }
        return options
    }

    /// The `--help` text.
    static let usage = """
        USAGE: demo-load ab [--scenario NAME]... [--rounds N] [--duration D] [--warmup D] [--quick] [--json PATH]
               demo-load soak [--scenario NAME] [--duration D] [--rate R] [--pool on|off] [--quick] [--json PATH]
               demo-load knee REPORT.json [--p99-limit D] [--json PATH]

        Drives the demo service (demo-service, found next to this executable) under LoadGen load. Run it from the
        repository root: scenario names are files in perf/macro.

        ab    Pooled (--pool on) against plain (--pool off), in interleaved rounds (on/off, then off/on, ...),
              each run a fresh service: requests/s, p50, p95, p99, error rate, and allocations per request from
              the service's /metrics (demo_allocations_total and requests, deltas over the measured window, less
              what an idle pair of scrapes costs), and the pools' hit rate. Medians per mode, then the targets:
              allocations per request at least 30 % lower pooled, p50 and p99 within 5 % of plain (the noise
              allowance), hit rate at least 80 %. Defaults: http-login and http-messages, 5 rounds (quick: 2),
              each scenario's own duration and warmup (its quick block with --quick).
        soak  Steady open-model load (default: http-sustained's requests at 5,000/s for 60 s, quick 15 s) on a
              service with --sessions 4096, so that its caches fill within the warmup. Twice a second: the
              service's RSS by PID (MemProbe's MemorySampler), its heap in use and live allocations
              (demo_heap_in_use_bytes, demo_live_allocations) and pool counters from /metrics. MemProbe's leak
              check decides on live allocations; RSS gets the same four checks and must stay flat.
        knee  The last second of a stress ramp before the first second with errors or a p99 above --p99-limit
              (default 10ms): its throughput is the knee. Reads the per-second series of loadgen's report.

        OPTIONS:
          --scenario NAME  a scenario in perf/macro (http-login) or a path; repeatable for ab
          --rounds N       A/B rounds, 1 to 100 (default 5, quick 2)
          --duration D     measured window of each A/B run, or the soak's length (500ms, 10s, 2m)
          --warmup D       load before each measured window
          --rate R         the soak's arrivals per second (default 5000)
          --pool on|off    the soaked service's allocator (default on)
          --p99-limit D    knee: the per-second p99 that counts as a breach (default 10ms)
          --quick          the quick profile, like PERF_PROFILE=quick
          --json PATH      write a PerfResult report (suite pool-ab, soak or macro-knee)
          -h, --help       print this help

        Exit status: 0 all targets met (soak: no leak, RSS flat); 1 a target missed; 2 bad usage, a service that
        did not start, or an unreadable file.
        """
}
