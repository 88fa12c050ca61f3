import PerfSupport

/// `perf-check ab`: base against head, measured side by side in this job (`ABRun`), then the ordinary check.
extension PerfCheckCommand {
    static let base = Option(
        "base", .string.placeholder("REV"), help: "the base revision (branch, tag or commit) to compare with (required)"
    )
    static let abSuite = Option(
        "suite", .string.placeholder("NAME"), repeatable: true,
        help: "a suite or group of the A/B configuration to run (default: all)")
    static let abForks = Option(
        "forks", .integer.within(1...100),
        defaultText: "5 quick, 10 full (ForkDefaults); a suite's own forks in the configuration win",
        help: "processes per side for each timing suite")
    static let configuration = Option(
        "config", .path, default: ABConfiguration.defaultPath, help: "how each suite builds and runs in a tree")
    static let output = Option(
        "output", .path.placeholder("DIR"), default: "perf/results/ab",
        help: "where the sides' merged reports go (DIR/base, DIR/head) and the forks' own (DIR/forks)")
    static let noConfirm = Flag(
        "no-confirm",
        help: "do not measure timing regressions again in fresh forks before calling them regressions")
    static let worktree = Option(
        "worktree", .path.placeholder("DIR"), default: ".build-ab/base",
        help: "the base's git worktree, reused between runs so that its builds are incremental")

    static let ab = Command(
        "ab",
        summary: """
            Compares a base revision with the working tree by measuring both here, now: builds BASE in its own git
            worktree and the working tree (the commands of perf/ab.json), runs each selected suite in forks
            alternating base and head (the order rotating fork by fork, the same environment padding for both sides
            of a fork), merges each side's forks (each metric's samples are the forks' values), writes
            DIR/base/<suite>.json and DIR/head/<suite>.json, and compares head against base with the check's rules,
            thresholds and reports. A timing regression must show again in a confirmation round (the flagged results
            measured base against head in fresh forks, DIR/confirm) to stand; exact counts need none. Timings are
            never compared with numbers from another day or machine.
            """,
        groups: [
            .init("What to compare", [base, abSuite, abForks, CommonOptions.profile, configuration, worktree, output]),
            .init("Verdict", [thresholds, CommonOptions.strict, noConfirm]),
            .init("Reports", [allMetrics, markdown, html, githubBenchmark, jmh]),
        ],
        usage: ["--base REV [--suite NAME]... [options]"],
        footer: """
            Exit status: 0 no regression (or regressions without --strict), 1 regressions with --strict or
            STRICT_PERF=1, 2 bad usage or input: a base that is not a commit, does not build or lacks a suite (the
            message names the revision and the suite), a fork that failed (named), a bad configuration.
            """)
}
