extension Options {
    /// The text of `--help`.
    static var usage: String {
        """
        perf-pools: the pools suite. Pooling's Pool and BufferPool against plain allocation, and one pool
        on one thread against the same pool on two.

        Usage:
          perf-pools [--filter PATTERN]... [--quick] [--json PATH] [--list]

        Options:
          --filter PATTERN   run only cases whose name contains PATTERN or matches it as a regular
                             expression (e.g. 'buffer', 'object|threads'); repeatable. A bar is evaluated
                             only when both of its cases run.
          --quick            the quick profile (\(RunProfile.quick.rounds) rounds; also PERF_PROFILE=quick), \
        ≤ ~20 s
          --json PATH        write the PerfResult report (suite "pools") to PATH
          --list             list the cases and the bars, and exit
          -h, --help         this text

        Every case is measured once per round, in turn (\(RunProfile.full.rounds) rounds in the full profile): \
        single-thread
        cases with MicroBench (median ns/op, allocations per operation from MemProbe's counter), threads cases
        over a fixed window with the threads started together (total ops/s). Each bar is the median of the
        per-round ratios; the report stores it on the pooled case as a ratio metric (poolToAllocRatio,
        poolToReserveRatio, scalingRatio, cpuScalingRatio) whose samples are the per-round ratios, so the
        regression gate guards it. The buffer bars use a zero-filled allocation as their baseline; the
        reserveCapacity figures are printed beside them for reference.

        Environment: PERF_PROFILE=quick|full (default full), PERF_ENV (a label recorded in the report).
        Exit status: 0 when the run completes, whatever the bars say (the regression gate judges changes);
        2 bad usage (the message says what to fix) or a report that cannot be written.
        """
    }

    /// The text of `--list`: the selected cases, then the bars.
    static func list(_ cases: [PoolCase]) -> String {
        let width = cases.map(\.name.count).max() ?? 0
        var lines = ["Cases (result names):"]
        for poolCase in cases {
            lines.append(
                "  " + poolCase.name + String(repeating: " ", count: width - poolCase.name.count) + "  "
                    + poolCase.summary)
        }
        lines.append("Bars and references (metric on the first case):")
        for bar in Bar.all {
            let limit = bar.limit.map { ($0.text) } ?? "no limit"
            lines.append("  \(bar.label): \(bar.metricKey), \(limit)\(bar.isReference ? " (reference)" : "")")
        }
        return lines.joined(separator: "\n")
    }
}
