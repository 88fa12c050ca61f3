import PerfResult
import PerfSupport

/// One check of `perf-verify`: a tool of ours against an independent reference, giving one or more rows.
struct VerifyCheck: Sendable {
    /// The name `--check` selects it by.
    var name: String
    /// What it compares, for `--list`.
    var about: String
    /// Runs it.
    var rows: @Sendable (VerifyContext) -> [VerifyRow]

    /// Every check, in the order they run (the quick, deterministic ones first).
    static let all: [VerifyCheck] = [
        VerifyCheck(
            name: "histogram", about: "LatencyHistogram against HdrHistogram's published test expectations (±0.1 %)",
            rows: { ReferenceVectorsCheck.histogramRows(fixture: $0.fixture("hdrhistogram-vectors.json")) }),
        VerifyCheck(
            name: "mann-whitney", about: "the Mann–Whitney U test against SciPy's published TestMannWhitneyU cases",
            rows: { ReferenceVectorsCheck.mannWhitneyRows(fixture: $0.fixture("mannwhitney-scipy.json")) }),
        VerifyCheck(
            name: "heap", about: "MemProbe's heap totals of alloc-count-check against valgrind memcheck's (identical)",
            rows: HeapTotalsCheck.rows),
        VerifyCheck(
            name: "instructions", about: "callgrind instruction counts of harness/fnv1a in two runs (identical)",
            rows: InstructionRepeatCheck.rows),
        VerifyCheck(
            name: "hand-loop", about: "MicroBench's p50 against a hand-written ContinuousClock loop (within 10 %)",
            rows: HandLoopCheck.rows),
        VerifyCheck(
            name: "coordinated-omission",
            about: "corrected p99 against the analytic 0.9 s of a target stalling 1 s in 10 (uncorrected stays small)",
            rows: { CoordinatedOmissionCheck.rows($0, scenario: $0.coordinatedOmissionScenario) }),
        VerifyCheck(
            name: "wrk",
            about: "loadgen against wrk on nginx: requests/s, CPU per request, p99, p50 at equal in flight",
            rows: WrkCheck.rows),
    ]
}
