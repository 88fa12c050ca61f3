import PerfSupport

/// What a run of `perf-pools` was asked to do: its command line, typed.
struct Options: Equatable {
    /// `--list`: print the cases and exit 0.
    var list = false
    /// `--filter`: substrings or regular expressions; a case whose name matches any of them runs.
    var filters: [String] = []
    /// `--quick`, `--profile` or `PERF_PROFILE`: how long the run takes.
    var profile = PerfProfile.full
    /// `--json`: where to write the PerfResult report.
    var jsonPath: String?
    /// `--forks`: independent processes to measure in, when given (else `ForkDefaults` by the profile).
    var forks: Int?

    /// The defaults: every case, the full profile, no report.
    init() {}

    /// The options a parsed command line gives.
    /// - Throws: `UsageError` for `--forks` above 1 with `--list`, which measures nothing.
    init(_ parsed: ParsedArguments) throws(UsageError) {
        list = parsed[Arguments.list]
        filters = parsed.values(Arguments.filter)
        profile = PerfProfile.chosen(by: parsed)
        jsonPath = parsed[CommonOptions.json]
        forks = parsed.given(CommonOptions.forks)
        if list, let forks, forks > 1 {
            throw UsageError("--forks \(forks) does not apply to --list, which measures nothing; leave --forks out")
        }
    }

    /// The command line, from which the parser and `--help` are made.
    static let command = Command(
        "perf-pools",
        summary: """
            The pools suite: Pooling's Pool and BufferPool against plain allocation, and one pool on one thread
            against the same pool on two. The report's suite is "pools".
            """,
        options: [
            Arguments.filter, CommonOptions.quick, CommonOptions.profile, CommonOptions.json, Arguments.list,
            CommonOptions.forks,
        ],
        footer: """
            Every case is measured once per round, in turn (quick: \(PerfProfile.quick.rounds) rounds, ≤ ~20 s; \
            full: \(PerfProfile.full.rounds) rounds): single-thread
            cases with MicroBench (median ns/op, allocations per operation from MemProbe's counter), threads cases
            over a fixed window with the threads started together (total ops/s). Each bar is the median of the
            per-round ratios; the report stores it on the pooled case as a ratio metric (poolToAllocRatio,
            poolToReserveRatio, scalingRatio, cpuScalingRatio) whose samples are the per-round ratios, so the
            regression gate guards it. The buffer bars use a zero-filled allocation as their baseline; the
            reserveCapacity figures are printed beside them for reference. PERF_ENV labels the report's environment.

            Exit status: 0 when the run completes, whatever the bars say (the regression gate judges changes);
            2 bad usage (the message says what to fix) or a report that cannot be written.
            """)

    /// The options and flags of `perf-pools` besides the common ones.
    enum Arguments {
        static let filter = Option(
            "filter", .string.placeholder("PATTERN"), repeatable: true,
            help: "run only cases whose name contains PATTERN or matches it as a regular expression (e.g. 'buffer', "
                + "'object|threads'); a selected case brings the cases its bars divide by (threads2/pool brings "
                + "threads1/pool), and a bar is evaluated when its divided case runs")
        static let list = Flag("list", help: "list the cases and the bars, and exit")
    }
}
