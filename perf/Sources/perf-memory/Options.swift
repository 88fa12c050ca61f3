import PerfSupport

/// What a run of `perf-memory` was asked to do: its command line, typed.
struct Options: Equatable {
    /// `--list`: print the specs and leak kinds and exit 0.
    var list = false
    /// `--spec`: names or parts of names of the specs to run; empty runs every spec.
    var specFilters: [String] = []
    /// `--inject-leak`: the leak added to every iteration of every selected spec.
    var injection: LeakInjection?
    /// `--quick`, `--profile` or `PERF_PROFILE`: how long each spec runs.
    var profile = PerfProfile.full
    /// `--iterations`: overrides the profile's iterations per spec.
    var iterations: Int?
    /// `--seed`: the seed of the workloads' request mixes.
    var seed: UInt64 = Options.defaultSeed
    /// `--json`: where to write the PerfResult report.
    var jsonPath: String?
    /// `--snapshot-dir`: where leak snapshots go.
    var snapshotDirectory = Arguments.snapshotDirectory.defaultValue!
    /// `--forks`: always 1 here (see `init`).
    var forks = 1

    /// The seed when `--seed` is not given: every run of a spec does the same work.
    static let defaultSeed: UInt64 = 1

    /// Samples per run: the interval between samples is `iterationsPerSpec / samplesPerRun`.
    static let samplesPerRun = 100

    /// The fewest iterations `--iterations` accepts: one per sample.
    static let minimumIterations = samplesPerRun

    /// Iterations per spec: `--iterations`, else the profile's.
    var iterationsPerSpec: Int { iterations ?? profile.iterations }

    /// Iterations between samples.
    var sampleEvery: Int { max(1, iterationsPerSpec / Self.samplesPerRun) }

    /// The defaults: every spec, the full profile, no injected leak.
    init() {}

    /// The options a parsed command line gives.
    /// - Throws: `UsageError` for `--forks` above 1: the verdicts rest on allocation counts, which every
    ///   process repeats exactly, so more processes would only repeat the same numbers.
    init(_ parsed: ParsedArguments) throws(UsageError) {
        list = parsed[Arguments.list]
        specFilters = parsed.values(Arguments.spec)
        injection = parsed[Arguments.injectLeak]
        profile = PerfProfile.chosen(by: parsed)
        iterations = parsed[Arguments.iterations]
        seed = parsed[Arguments.seed].map { UInt64($0) } ?? Self.defaultSeed
        jsonPath = parsed[CommonOptions.json]
        snapshotDirectory = parsed[Arguments.snapshotDirectory] ?? snapshotDirectory
        forks = parsed.given(CommonOptions.forks) ?? 1
        guard forks == 1 else {
            throw UsageError(
                "--forks \(forks): the leak checks count allocations, which every process repeats exactly; "
                    + "leave --forks out (for independent runs, vary --seed)")
        }
    }

    /// The command line, from which the parser and `--help` are made.
    static let command = Command(
        "perf-memory",
        summary: """
            The memory suite: leak checks of healthy workloads (which must pass), of a workload that leaks under a
            large live set and of injected leaks (both must be caught). The report's suite is "memory".
            """,
        options: [
            Arguments.spec, Arguments.injectLeak, CommonOptions.quick, CommonOptions.profile, Arguments.iterations,
            Arguments.seed, CommonOptions.json, Arguments.snapshotDirectory, Arguments.list, CommonOptions.forks,
        ],
        footer: """
            Each spec runs once, sampling memory \(samplesPerRun) times. The first 20 % of samples are warmup; the
            verdict rests on live allocations (MemProbe's malloc counter; heap bytes when it is not counting).
            A leak needs all four: a steady fit (r² ≥ 0.5), growth above a floor (256 allocations or 256 KiB),
            growth that has not levelled off (last third's slope ≥ half the first third's and the whole fit's),
            and a rate whose 99.9 % lower bound is ≥ 0.01 allocations (1 byte) per iteration. No check reads
            how much the process already holds. Resident size is shown, never decisive. largeLiveSetLeak
            leaks by design: caught is its pass. On any other leak, a snapshot is written and its path printed
            with the heaptrack command that gets call stacks. PERF_ENV labels the report's environment.

            Exit status: 0 every verdict as expected; 1 a leak was found (in a healthy spec, or injected) or
            largeLiveSetLeak's leak was missed; 2 bad usage (the message says what to fix).
            """)

    /// The options and flags of `perf-memory` besides the common ones.
    enum Arguments {
        static let spec = Option(
            "spec", .string.placeholder("NAME"), repeatable: true,
            help: "run the spec NAME, or every spec whose name contains NAME; none runs every spec (see --list)")
        static let injectLeak = Option(
            "inject-leak", .choice(LeakInjection.self), help: "add a leak to every iteration of every selected spec")
        static let iterations = Option(
            "iterations", .integer.atLeast(Options.minimumIterations),
            help: "iterations per spec, overriding the profile (quick: \(PerfProfile.quick.iterations), "
                + "full: \(PerfProfile.full.iterations))")
        static let seed = Option(
            "seed", .integer.atLeast(0), default: Int(Options.defaultSeed),
            help: "the seed of the workloads' request mixes")
        static let snapshotDirectory = Option(
            "snapshot-dir", .path.placeholder("DIR"), default: "perf/results/snapshots",
            help: "where leak snapshots go")
        static let list = Flag("list", help: "list the specs and leak kinds, and exit")
    }
}
