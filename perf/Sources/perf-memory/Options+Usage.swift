import SuiteSupport

extension Options {
    /// The text of `--help`.
    static var usage: String {
        """
        perf-memory: leak checks of healthy workloads (which must pass) and of injected leaks (which must fail).

        Usage:
          perf-memory [options]

        Options:
          --spec NAME            run the spec NAME, or every spec whose name contains NAME; repeatable
                                 (default: every spec; see --list)
          --inject-leak KIND     add a leak to every iteration of every selected spec: \
        \(LeakInjection.allCases.map(\.rawValue).joined(separator: ", "))
          --quick                the quick profile (\(RunProfile.quick.iterations) iterations per spec; \
        also PERF_PROFILE=quick)
          --iterations N         iterations per spec, overriding the profile (full: \(RunProfile.full.iterations))
          --seed N               the seed of the workloads' request mixes (default \(Options.defaultSeed))
          --json PATH            write the PerfResult report (suite "memory") to PATH
          --snapshot-dir DIR     where leak snapshots go (default perf/results/snapshots)
          --list                 list the specs and leak kinds
          -h, --help             this text

        Each spec runs once, sampling memory \(RunProfile.samplesPerRun) times. The first 20 % of samples are \
        warmup;
        the verdict rests on live allocations (MemProbe's malloc counter; heap bytes when it is not counting).
        A leak needs all four: a steady fit (r² ≥ 0.5), growth above a floor (256 allocations or 256 KiB),
        growth that has not levelled off (last third's slope ≥ half the first third's), and growth ≥ 20 % of the
        start. Resident size is shown, never decisive. On a leak, a snapshot is written and its path printed
        with the heaptrack command that gets call stacks.

        Environment: PERF_PROFILE=quick|full (default full), PERF_ENV (a label recorded in the report).
        Exit status: 0 no leak; 1 a leak was found; 2 bad usage (the message says what to fix).
        """
    }

    /// The text of `--list`.
    static var list: String {
        var lines = ["Specs (result memory/<name>):"]
        let width = MemorySpec.all.map(\.name.count).max() ?? 0
        for spec in MemorySpec.all {
            lines.append("  " + spec.name.padding(to: width) + "  " + spec.summary)
        }
        lines.append("Leak kinds (--inject-leak KIND):")
        let kindWidth = LeakInjection.allCases.map(\.rawValue.count).max() ?? 0
        for kind in LeakInjection.allCases {
            lines.append("  " + kind.rawValue.padding(to: kindWidth) + "  " + kind.summary)
        }
        return lines.joined(separator: "\n")
    }
}
