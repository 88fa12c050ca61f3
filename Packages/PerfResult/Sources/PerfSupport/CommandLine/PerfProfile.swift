/// How long the suites run: `quick` for `make perf` and CI, `full` for figures to quote.
///
/// A suite says what each profile means for it (warmup, budget, rounds); the choice is made the same way
/// everywhere: `--quick` first, then `--profile` or `PERF_PROFILE`, then the suite's default.
public enum PerfProfile: String, Sendable, Hashable, CaseIterable {
    /// Short runs: every suite in a few minutes.
    case quick
    /// Long runs, for numbers to quote.
    case full

    /// The profile a command line chose with `CommonOptions.quick` and `CommonOptions.profile` (whichever the
    /// command declares), or `fallback`.
    public static func chosen(by parsed: ParsedArguments, default fallback: PerfProfile = .full) -> PerfProfile {
        if parsed.declared.contains(CommonOptions.quick.name), parsed[CommonOptions.quick] { return .quick }
        if parsed.declared.contains(CommonOptions.profile.name), let profile = parsed[CommonOptions.profile] {
            return profile
        }
        return fallback
    }
}

/// The options several executables share, declared once so that their names, environment variables and
/// rules are the same everywhere.
public enum CommonOptions {
    /// `--json PATH`: write the PerfResult report to PATH.
    public static let json = Option("json", .path, help: "write a PerfResult report to PATH")
    /// `--profile quick|full`, or `PERF_PROFILE`.
    public static let profile = Option(
        "profile", .choice(PerfProfile.self), environment: "PERF_PROFILE",
        help: "run length: quick (make perf, CI) or full (figures to quote)")
    /// `--quick`: the quick profile, as `PERF_PROFILE=quick`.
    public static let quick = Flag("quick", help: "use the quick profile, like PERF_PROFILE=quick")
    /// `--forks N`: measure in N independent processes and merge them (PerfResult's `SelfForks`), so that a
    /// figure's uncertainty is the spread between processes, which is what another run will show.
    /// A command reads it with `parsed.given(CommonOptions.forks)` and falls back to its own default (the
    /// toolkit's suites: PerfResult's `ForkDefaults`).
    public static let forks = Option(
        "forks", .integer.within(1...100), defaultText: "the toolkit's suites: 5 quick, 10 full; MicroBench: 1",
        help: "measure in N independent processes and merge them; the ± is then the spread between processes")
    /// `--strict`, or `STRICT_PERF` (truthy): a regression or a warning threshold fails the run.
    public static let strict = Flag(
        "strict", environment: "STRICT_PERF", help: "fail (exit 1) on regressions instead of warning")
}
