public import PerfSupport

/// How many processes (forks) the toolkit's timing suites measure in when `--forks` is not given: 5 with the quick
/// profile (`make perf`, CI) and 10 with the full one, as JMH forks by default. One home for the numbers: the
/// suites' executables and `perf-check ab` read them here.
///
/// Chosen by measurement (`perf/README.md`, "Forks"): 5 is the fewest with which a Mann–Whitney test of base
/// against head can reach p < 0.01 (an exact two-sided p of 0.0079 when every head fork is slower), and it keeps
/// `make perf` within its time budget; 10 halves the interval's width for figures to quote.
public enum ForkDefaults {
    /// Forks per run with the quick profile.
    public static let quick = 5
    /// Forks per run with the full profile.
    public static let full = 10

    /// The default for `profile`; 1 inside a fork (`PERF_FORK` set), so that a fork never forks again.
    public static func count(profile: PerfProfile, environment: [String: String]) -> Int {
        if environment["PERF_FORK"] != nil { return 1 }
        return profile == .quick ? quick : full
    }
}
