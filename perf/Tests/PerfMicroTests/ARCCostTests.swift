import SuiteTestSupport
import Testing

#if os(Linux)
private let isLinux = true
#else
private let isLinux = false
#endif

/// `perf-micro arc-cost`, run from the build folder: its table and its exit statuses. The timings themselves are
/// not judged here (a debug build on a shared machine): only that every arm is measured and the verdict follows
/// the printed median.
@Suite struct ARCCostTests {
    @Test(.enabled(if: isLinux, "ARC counting is verified on Linux only"))
    func oneRoundPrintsEveryArmAndAVerdictThatFollowsTheMedian() throws {
        let run = try perfMicro.run(["arc-cost", "--rounds", "1"])
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            lines.contains {
                $0.hasPrefix("never (before any window): ") && $0.hasSuffix(" ns per retain/release pair")
            })
        let header = try #require(lines.first { $0.hasPrefix("round") })
        for column in ["off ns", "dispatch ns", "on ns", "on − off", "dispatch − off", "off − never"] {
            #expect(header.contains(column), "no column \(column) in \(header)")
        }
        let row = try #require(lines.first { $0.hasPrefix("1 ") })
        let figures = row.split(separator: " ").dropFirst().compactMap { Double($0) }
        #expect(figures.count == 6, "\(row)")
        let summary = try #require(lines.first { $0.hasPrefix("median: counting adds ") })
        #expect(summary.contains("(bar ≤ 5 ns), of which the runtime's swizzled dispatch alone takes "))
        // With one round the median is that round's on − off: the exit status must agree with it.
        if figures.count == 6 { #expect((run.status == 0) == (figures[3] <= 5), "\(row) exit \(run.status)") }
    }

    @Test func roundsOutOfRangeExitTwoNamingTheFlag() throws {
        let run = try perfMicro.run(["arc-cost", "--rounds", "0"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--rounds"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }
}

private let perfMicro = BuiltExecutable("perf-micro", unsetting: ["PERF_PROFILE"])
