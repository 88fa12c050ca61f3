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
    static let soakDuration = Option(
        "duration", positiveDuration, defaultText: "60s, quick 15s", help: "the soak's length")
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
        did not start, or an unreadable file.
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
            service, and exits 2.
            """,
        options: [], subcommands: [ab, soak, knee, scale], footer: footer)
}
