import PerfSupport

/// What the command line asked for, read from the `Command` that `RunOptions.command` declares.
struct RunOptions: Equatable {
    /// `--json PATH`: where to write the PerfResult report.
    var jsonPath: String?
    /// `--filter PATTERN`, repeatable: substrings or regular expressions; a task matching any runs.
    var filters: [String] = []
    /// `--list`: print the selected task names and exit.
    var list = false
    /// `--time SECONDS`: the time budget per task, instead of the profile's.
    var time: Duration?
    /// `--quick`, `--profile` or `PERF_PROFILE`.
    var profile = PerfProfile.full
    /// `--forks N`: the number of independent processes to measure in, when given (else the runner's default).
    var forks: Int?
    /// `--instructions`: count instructions under callgrind instead of timing.
    var instructions = false
    /// `--iterations COUNT`: operations per window with `--instructions`.
    var iterations = CallgrindInvocation.defaultIterations
    /// `--metrics LIST`: the system metrics measured around every sample window (none by default).
    var metrics: [SystemMetric] = []
    /// `--require-release`: refuse to measure in a debug build (exit 2).
    var requireRelease = false
    /// `--callgrind-child NAME` (internal): this process is the callgrind child counting task `NAME`.
    var callgrindChild: String?
    /// `--allocation-sites N`: print each task's top N allocation call sites, from one untimed window.
    var allocationSites: Int?

    static let filter = Option(
        "filter", .string.placeholder("PATTERN"), repeatable: true,
        help: "run only tasks whose name contains PATTERN, or matches it as a regular expression "
            + "(e.g. 'stringOps/', 'concat|split', '\\[size=16\\]')")
    static let time = Option(
        "time",
        .seconds.requiring("be more than 0 and at most 3600 seconds") { $0 > .zero && $0 <= .seconds(3600) },
        defaultText: "0.5 s, 0.1 s with the quick profile",
        help: "time budget per task, in seconds or as a duration (500ms)")
    static let list = Flag("list", help: "print the names of the selected tasks and exit")
    static let instructions = Flag(
        "instructions", help: "count instructions and cache misses per operation under callgrind instead of timing")
    static let iterations = Option(
        "iterations", .integer.within(1...1_000_000).placeholder("COUNT"),
        default: CallgrindInvocation.defaultIterations, help: "operations per window with --instructions")
    static let metrics = Option(
        "metrics", .string.placeholder("LIST"),
        help: "also measure these system metrics around every sample, comma-separated: "
            + "\(SystemMetric.allowedNames) or all (see the README for what each counts)")
    static let requireRelease = Flag(
        "require-release",
        help: "refuse to measure (exit 2) when this executable is a debug build; `swift package perf run` passes it")
    static let allocationSites = Option(
        "allocation-sites", .integer.within(1...1_000).placeholder("N"),
        help: "after each task's samples, record the call sites of one untimed window's allocations and print "
            + "the top N under the task's row (needs a site recorder: perf-micro has MemProbe's; one process)")
    static let callgrindChild = Option(
        "callgrind-child", .string.placeholder("NAME"), hidden: true,
        help: "internal: count task NAME as the child of callgrind that --instructions starts")

    /// The command line of a suite executable named `programName`, whose reports are the suites `reportName`
    /// and, with `--instructions`, `instructionsReportName`.
    static func command(
        programName: String = "bench", reportName: String = "micro", instructionsReportName: String = "instructions"
    ) -> Command {
        Command(
            programName,
            summary: """
                Runs this executable's microbenchmark suites and prints one row per task: ops/s, the median ns/op
                with its relative margin of error (95 %, within this run only), p99, the samples kept, the batch
                size, allocations per operation when an allocation probe is installed, and with --metrics the
                system metrics asked for (CPU time, context switches, page faults, I/O, threads, peak RSS).
                --json writes suite "\(reportName)".

                With --instructions: instructions, L1 and last-level cache misses per operation instead, counted
                under valgrind's callgrind (Linux; needs valgrind, setarch and objcopy). Each task runs alone in a
                child process with ASLR off, a fixed environment and fixed simulated caches: one warmup window,
                then 5 counted windows. --json writes suite "\(instructionsReportName)".
                """,
            options: [
                filter, time, CommonOptions.quick, CommonOptions.profile, CommonOptions.forks, CommonOptions.json, list,
                metrics, instructions, iterations, requireRelease, allocationSites, callgrindChild,
            ],
            usage: [
                "[--filter PATTERN]... [--time SECONDS] [--quick] [--forks N] [--metrics LIST] [--allocation-sites N] "
                    + "[--require-release] [--json PATH] [--list]",
                "--instructions [--iterations COUNT] [--filter PATTERN]... [--json PATH]",
            ],
            footer: """
                Profiles: quick warms up 0.02 s and measures 0.1 s per task; full (the default) 0.1 s and 0.5 s.
                Also read: PERF_ENV, a label recorded in the report (local, ci); NO_COLOR, when set, no colours.

                Exit status: 0 on success, 2 on bad usage or input (the message says what to fix).
                """)
    }

    /// The defaults: every task timed with the full profile in this process.
    init() {}

    /// The options `parsed` holds, checked against each other.
    /// - Throws: `UsageError` for `--iterations` without `--instructions`, `--time` with it, or `--forks` above 1
    ///   with `--instructions` or `--list`.
    init(_ parsed: ParsedArguments) throws(UsageError) {
        jsonPath = parsed[CommonOptions.json]
        filters = parsed.values(Self.filter)
        list = parsed[Self.list]
        time = parsed[Self.time]
        profile = PerfProfile.chosen(by: parsed)
        forks = parsed.given(CommonOptions.forks)
        instructions = parsed[Self.instructions]
        iterations = parsed[Self.iterations] ?? CallgrindInvocation.defaultIterations
        callgrindChild = parsed[Self.callgrindChild]
        requireRelease = parsed[Self.requireRelease]
        if let list = parsed[Self.metrics] { metrics = try SystemMetric.parseList(list) }
        allocationSites = parsed[Self.allocationSites]
        // The callgrind child is given --iterations without --instructions.
        if callgrindChild == nil { try parsed.requires(Self.iterations, Self.instructions) }
        try parsed.exclusive(Self.time, Self.instructions)
        try parsed.exclusive(Self.metrics, Self.instructions)
        if let forks, forks > 1, instructions {
            throw UsageError(
                "--forks does not apply to --instructions: instruction counts repeat exactly, so one process "
                    + "gives them; drop --forks")
        }
        try parsed.exclusive(Self.allocationSites, Self.instructions)
        if let forks, forks > 1, allocationSites != nil {
            throw UsageError(
                "--allocation-sites records in one process (the sites repeat exactly); drop --forks or give --forks 1")
        }
        if let forks, forks > 1, list {
            throw UsageError("--forks does not apply to --list, which measures nothing; drop --forks")
        }
    }
}
