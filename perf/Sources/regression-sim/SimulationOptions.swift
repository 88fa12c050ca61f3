import PerfSupport

/// What a run of `regression-sim` was asked to do, read from the command line `SimulationOptions.command` parsed.
struct SimulationOptions: Equatable {
    /// The seed of every simulated sample: the same seed prints the same comparisons.
    var seed: UInt64 = 20_261_122
    /// Seeded comparisons per scenario.
    var comparisons = 1_000
    /// Where to write the scale files and leave them; `nil` for a temporary directory removed afterwards.
    var keep: String?

    static let seed = Option(
        "seed",
        ValueKind(placeholder: "N", expectation: "a whole number from 0 to \(UInt64.max)") { UInt64($0) },
        default: SimulationOptions().seed, help: "the seed of every simulated sample")
    static let comparisons = Option(
        "comparisons", .integer.atLeast(1), default: SimulationOptions().comparisons,
        help: "seeded comparisons per scenario")
    static let keep = Option(
        "keep", .path.placeholder("DIR"),
        help: "write the scale files under DIR (results/, baselines/) and leave them, to time perf-check on them")

    /// The command line of `regression-sim`; `SimulationOptions(_:)` reads what it parsed.
    static let command = Command(
        "regression-sim",
        summary: """
            The bars of the regression gate, measured by simulation (not a timed test).
            1. False alarms: 1,000 seeded A/A comparisons of 10 samples a side (5 % CV, occasional +30 % outliers)
               through the shipped rule; bar: <= 1 % flagged.
            2. Power: 1,000 seeded 20 % regressions with the same noise; bar: >= 95 % flagged.
            3. Scale: 10 suites x 100 results checked end to end; bar: <= 1 s.
            """,
        options: [seed, comparisons, keep], footer: "Exit status: 0 every bar met, 1 a bar missed, 2 bad usage.")

    /// The defaults.
    init() {}

    /// The options a command line of `command` chose; every value was checked while parsing.
    init(_ parsed: ParsedArguments) {
        seed = parsed[Self.seed] ?? seed
        comparisons = parsed[Self.comparisons] ?? comparisons
        keep = parsed[Self.keep]
    }
}
