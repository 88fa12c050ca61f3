import PerfSupport

/// The command line of `demo-load`: one subcommand a job, each with the options that apply to it.
extension Options {
    static let positiveDuration = ValueKind<Duration>.duration.requiring("be longer than 0") { $0 > .zero }

    static let scenarios = Option(
        "scenario", .string.placeholder("NAME"), defaultText: "http-login and http-messages", repeatable: true,
        help: "a scenario in perf/macro (http-login) or a path")
    static let rounds = Option("rounds", .integer.within(1...100), defaultText: "5, quick 2", help: "A/B rounds")
    static let abDuration = Option(
        "duration", positiveDuration, defaultText: "the scenario's", help: "measured window of each A/B run")
    static let abWarmup = Option(
        "warmup", positiveDuration, defaultText: "the scenario's", help: "load before each measured window")

    static let soakScenario = Option(
        "scenario", .string.placeholder("NAME"), default: "http-sustained",
        help: "a scenario in perf/macro or a path, whose requests and service the soak uses")
    /// The soak's length: a duration (`90s`, `15m`, `24h`, `1h30m`) or plain seconds, up to LoadGen's 24 h.
    static let soakLength = ValueKind<Duration>(
        placeholder: "DURATION", expectation: "a duration such as 90s, 15m, 24h or 1h30m, or a number of seconds",
        describe: UnitText.format, parse: UnitText.seconds
    ).requiring("be longer than 0 and at most 24h") { $0 > .zero && $0 <= maximumSoakDuration }
    /// The longest soak: LoadGen's longest run.
    static let maximumSoakDuration = Duration.seconds(86_400)

    static let soakDuration = Option(
        "duration", soakLength, defaultText: "60s, quick 15s",
        help: "the soak's length, up to 24h; memory stays flat (at most 2048 points kept, older ones merged)")
    static let soakWarmup = Option(
        "warmup", positiveDuration, default: .seconds(2), help: "load before the first sample")
    static let rate = Option(
        "rate", ValueKind.rate.requiring("be above 0") { $0 > 0 }, default: defaultSoakRate,
        help: "the soak's arrivals per second")
    static let pool = Option("pool", .choice(["on", "off"]), default: "on", help: "the soaked service's allocator")

    static let p99Limit = Option(
        "p99-limit", positiveDuration, default: .milliseconds(10), help: "the per-second p99 that counts as a breach")

    static let footer = """
        Exit status: 0 all targets met (soak: no leak, RSS flat); 1 a target missed; 2 bad usage, a service that
        did not start, or an unreadable file; soak only: 130 or 143 (128 + the signal) when SIGINT or SIGTERM
        stopped it after its first sample, with a partial report written.
        """

    static let ab = Command(
        "ab",
        summary: """
            Pooled against plain allocation in the demo service, in interleaved rounds of load scenarios.
            Each run starts a fresh service with --pool on or --pool off, on/off then off/on in alternate rounds,
            and measures requests/s, p50, p95, p99, error rate, and allocations per request from the service's
            /metrics (demo_allocations_total and requests, deltas over the measured window, less what an idle
            pair of scrapes costs), and the pools' hit rate. Medians per mode, then the targets: allocations per
            request at least 30 % lower pooled, p50 and p99 within 5 % of plain (the noise allowance), hit rate at
            least 80 %. Each scenario runs with its own duration and warmup (its quick block in the quick
            profile). --json writes suite pool-ab.
            """,
        options: [
            scenarios, rounds, abDuration, abWarmup, CommonOptions.quick, CommonOptions.profile, CommonOptions.json,
        ], footer: footer)

    static let soak = Command(
        "soak",
        summary: """
            Steady open-model load on one demo service, its memory sampled, then a leak verdict.
            The scenario's requests arrive at --rate (5,000/s) for 60 s (quick 15 s) on a service with
            --sessions 4096, so that its caches fill within the warmup. Twice a second: the service's RSS by PID
            (MemProbe's MemorySampler), its heap in use and live allocations (demo_heap_in_use_bytes,
            demo_live_allocations) and pool counters from /metrics. MemProbe's leak check decides on live
            allocations; RSS gets the same four checks and must stay flat. --json writes suite soak.
            --duration may be hours (24h at most): the samples go into a bounded series of 2048 points whose
            neighbours are merged pairwise when it is full (means, minimum, maximum), so memory stays flat and the
            leak verdict covers the whole run. SIGINT or SIGTERM stops the load and the service, decides on what
            was sampled, prints a partial line, writes suite soak-partial with "partial": true, and exits 128 +
            the signal (130, 143); never a pass.
            """,
        options: [
            soakScenario, soakDuration, soakWarmup, rate, pool, CommonOptions.quick, CommonOptions.profile,
            CommonOptions.json,
        ], footer: footer)

    static let knee = Command(
        "knee",
        summary: """
            The knee of a stress ramp, from the per-second series of loadgen's --json report.
            The knee is the busiest second before the first one with errors or a p99 above --p99-limit: the
            throughput the service still kept up with. --json writes suite macro-knee.
            Example: demo-load knee perf/results/macro-http-stress.json
            """,
        options: [p99Limit, CommonOptions.json],
        positionals: [Positional("REPORT", .oneOrMore, help: "loadgen --json reports of stress ramps")],
        footer: footer)

    /// The command line of `demo-load`; `Options(_:)` reads what it parsed.
    static let command = Command(
        "demo-load",
        summary: """
            Drives the demo service (demo-service, found next to this executable) under LoadGen load. Run it from
            the repository root: scenario names are files in perf/macro. SIGINT or SIGTERM stops the load and the
            service, and exits 2 (soak: a partial report and 130 or 143).
            """,
        options: [], subcommands: [ab, soak, knee, scale], footer: footer)
}
