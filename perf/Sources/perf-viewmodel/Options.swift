import PerfSupport

/// What a run of `perf-viewmodel` was asked to do: its command line, typed.
struct Options: Equatable {
    /// The two things the executable does.
    enum Mode: String, Equatable {
        /// The churn suite (the default).
        case suite
        /// `demo`: a live high-churn list in the terminal.
        case demo
    }

    /// `demo` as the first argument: the demo; otherwise the suite.
    var mode = Mode.suite
    /// `--quick`, `--profile` or `PERF_PROFILE` (suite): how long each case runs.
    var profile = PerfProfile.full
    /// `--ticks` (suite): overrides the profile's ticks per churn case.
    var ticks: Int?
    /// `--cycles` (suite): overrides the profile's cycles per mount/unmount case.
    var cycles: Int?
    /// `--seed`: the seed of the feeds.
    var seed: UInt64 = 1
    /// `--json` (suite): where to write the PerfResult report.
    var jsonPath: String?
    /// `--forks` (suite): independent processes to measure in, when given (else `ForkDefaults` by the profile).
    var forks: Int?
    /// `--duration` (demo): how long the demo runs.
    var duration = Arguments.duration.defaultValue!
    /// `--rows` (demo): how many messages the demo's list keeps.
    var rows = Arguments.rows.defaultValue!

    /// The fewest ticks or cycles: a leak check needs 100 samples' worth.
    static let minimumOperations = 100

    /// Ticks per churn case: `--ticks`, else the profile's.
    var ticksPerCase: Int { ticks ?? profile.ticks }
    /// Cycles per mount/unmount case: `--cycles`, else the profile's.
    var cyclesPerCase: Int { cycles ?? profile.cycles }

    /// The defaults: the suite in the full profile.
    init() {}

    /// The options a parsed command line gives: the suite's, or the demo's after `demo`.
    init(_ parsed: ParsedArguments) {
        seed = UInt64(parsed[Arguments.seed] ?? 1)
        if parsed.subcommand == Self.demo.name {
            mode = .demo
            duration = parsed[Arguments.duration] ?? duration
            rows = parsed[Arguments.rows] ?? rows
        } else {
            profile = PerfProfile.chosen(by: parsed)
            ticks = parsed[Arguments.ticks]
            cycles = parsed[Arguments.cycles]
            jsonPath = parsed[CommonOptions.json]
            forks = parsed.given(CommonOptions.forks)
        }
    }

    /// The command line of the suite, with the demo as its subcommand.
    static let command = Command(
        "perf-viewmodel",
        summary: """
            The view-model churn suite: a plain keyed list against PooledList (the report's suite is "viewmodel"),
            and a live demo.
            """,
        options: [
            CommonOptions.quick, CommonOptions.profile, Arguments.ticks, Arguments.cycles, CommonOptions.json,
            Arguments.seed, CommonOptions.forks,
        ],
        subcommands: [demo],
        footer: """
            The suite runs each case in a release build: churn (1,000 rows, 10 % replaced and 10 edited per tick) and
            mount/unmount (a 50-row screen mounted, updated 3 times and unmounted per cycle), each with a plain class
            view model and an @Observable one, through a plain keyed list and a PooledList. It reports ns per tick
            or cycle, allocations (MemProbe's counter), view models created and alive, and a leak check's heap and
            allocation slopes. Bar: pooled churn with the class model ≤ 40 µs per tick (shown, not enforced).
            PERF_ENV labels the report's environment.

            Exit status: 0 every check passed; 1 a check failed (a leak, a view model created per tick in steady
            state by the pooled churn, live view models ≠ rows); 2 bad usage (the message says what to fix).
            """)

    /// `perf-viewmodel demo`.
    static let demo = Command(
        "demo",
        summary: """
            A high-churn chat list live in the terminal, with the pool's stats. On a terminal it is redrawn in place
            (colours unless NO_COLOR is set); otherwise each frame prints its new messages and a stats line.
            """,
        options: [Arguments.duration, Arguments.rows, Arguments.seed])

    /// The options of the suite and the demo besides the common ones.
    enum Arguments {
        static let ticks = Option(
            "ticks", .integer.atLeast(Options.minimumOperations),
            help: "ticks per churn case, overriding the profile (quick: \(PerfProfile.quick.ticks), "
                + "full: \(PerfProfile.full.ticks))")
        static let cycles = Option(
            "cycles", .integer.atLeast(Options.minimumOperations),
            help: "mount/unmount cycles per mount case, overriding the profile (quick: \(PerfProfile.quick.cycles), "
                + "full: \(PerfProfile.full.cycles))")
        static let seed = Option("seed", .integer.atLeast(0), default: 1, help: "the seed of the message feeds")
        static let duration = Option(
            "duration", .seconds.requiring("be above 0 and at most 600 seconds") { $0 > .zero && $0 <= .seconds(600) },
            default: .seconds(5), help: "how long the demo runs")
        static let rows = Option("rows", .integer.within(10...100_000), default: 200, help: "messages the list keeps")
    }
}
