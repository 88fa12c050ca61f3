import PerfSupport

/// What a run of `perf-service` was asked to do: its command line, typed.
struct Options: Equatable {
    /// `--quick`, `--profile` or `PERF_PROFILE`: how long the run takes.
    var profile = PerfProfile.full
    /// `--json`: where to write the PerfResult report.
    var jsonPath: String?
    /// `--rounds`: rounds of each case (each one sample).
    var rounds: Int?
    /// `--window`: the measured window of each round of each case.
    var window: Duration?
    /// `--clients`: concurrent in-process clients of the pipeline case.
    var clients = 100
    /// `--publishers`: threads publishing to the topic store at once.
    var publishers = 2

    /// The defaults: the full profile, no report.
    init() {}

    /// The options a parsed command line gives.
    init(_ parsed: ParsedArguments) {
        profile = PerfProfile.chosen(by: parsed)
        jsonPath = parsed[CommonOptions.json]
        rounds = parsed.given(Self.rounds)
        window = parsed.given(Self.window)
        clients = parsed[Self.clients] ?? clients
        publishers = parsed[Self.publishers] ?? publishers
    }

    /// Rounds when `--rounds` is not given: 5 in both profiles (the gate's minimum for a U test).
    var effectiveRounds: Int { rounds ?? 5 }
    /// The window when `--window` is not given: 1 s, quick 150 ms.
    var effectiveWindow: Duration { window ?? (profile == .quick ? .milliseconds(150) : .seconds(1)) }

    static let rounds = Option("rounds", .integer.within(1...100), defaultText: "5", help: "rounds of each case")
    static let window = Option(
        "window",
        ValueKind<Duration>.duration.requiring("be from 10ms to 60s") {
            $0 >= .milliseconds(10) && $0 <= .seconds(60)
        }, defaultText: "1s, quick 150ms", help: "the measured window of each round")
    static let clients = Option(
        "clients", .integer.within(1...1000), default: 100, help: "concurrent in-process clients of the pipeline")
    static let publishers = Option(
        "publishers", .integer.within(1...64), default: 2, help: "threads publishing to the topic store at once")

    /// The command line, from which the parser and `--help` are made.
    static let command = Command(
        "perf-service",
        summary: """
            The runtime strategy's concurrency targets, in process: 100 concurrent clients through the demo
            service's request pipeline (p95 < 50 ms) and the topic store as a queue (> 10,000 published messages
            per second). Rounds alternate the two cases; each figure is the median of the rounds. The report's suite
            is "service"; each result carries its target as a limit, which perf-check applies.
            """,
        options: [
            clients, publishers, rounds, window, CommonOptions.quick, CommonOptions.profile, CommonOptions.json,
        ],
        footer: "Exit status: 0 every target met; 1 a target missed; 2 bad usage or an unwritable report.")
}
