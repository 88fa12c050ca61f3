import PerfResult
import Regression
import Testing

/// A load scenario's per-second samples are a series over one run: the gate compares the whole run's figure, and
/// only fork-merged reports (rounds), whose samples are the rounds' figures, are compared sample by sample.
@Suite struct StagedLoadStatisticTests {
    /// 1,000 → 5,000 → 1,000 requests/s, three seconds each: the median second is 1,000, the run's rate 2,333.
    static let spike = [1_000.0, 1_000, 1_000, 5_000, 5_000, 5_000, 1_000, 1_000, 1_000]

    @Test func aStagedLoadComparesTheWholeRunsRateNotTheMedianSecond() {
        let comparer = Comparer(thresholds: .shipped)
        // The peak stage lost 60 % (5,000 → 2,000 requests/s): the median second does not move, the run's rate drops
        // from 2,333 to 1,333 (−42.9 %, beyond the −20 % limit widened to −30 % for a single run).
        let slower = [1_000.0, 1_000, 1_000, 2_000, 2_000, 2_000, 1_000, 1_000, 1_000]
        let row = comparer.compare(
            baseline: .requestsPerSec(7_000.0 / 3, samples: Self.spike),
            current: .requestsPerSec(4_000.0 / 3, samples: slower), suite: "macro-http-spike", result: "spike/total")
        #expect(row.baselineValue == 7_000.0 / 3)
        #expect(row.currentValue == 4_000.0 / 3)
        #expect(row.verdict == .regression, "\(row)")
    }

    @Test func roundsMergedFromForksAreComparedSampleBySample() {
        let comparer = Comparer(thresholds: .shipped)
        let row = comparer.compare(
            baseline: .requestsPerSec(2_000, samples: [2_000, 2_010, 1_990, 2_005, 1_995]),
            current: .requestsPerSec(1_500, samples: [1_500, 1_510, 1_490, 1_505, 1_495]), suite: "macro-http-spike",
            result: "spike/total", samplesAreForks: true)
        #expect(row.pValue != nil, "a test over the rounds")
        #expect(row.verdict == .regression)
        #expect(row.currentValue == 1_500)
    }
    @Test func aSuiteComparesSampleBySampleOnlyWhenBothSidesWereMergedFromForks() throws {
        func input(forks: Int?) throws -> SuiteInput {
            var merged = environment()
            merged.forks = forks
            let base = try report(
                "macro-http-spike",
                [Result(name: "spike/total", metrics: [.requestsPerSec(7_000.0 / 3, samples: Self.spike)])],
                environment: merged)
            let head = try report(
                "macro-http-spike",
                [Result(name: "spike/total", metrics: [.requestsPerSec(7_000.0 / 3 * 0.9, samples: Self.spike)])],
                environment: merged)
            return SuiteInput(
                suite: "macro-http-spike", current: head, currentPaths: ["head.json"], baseline: base,
                baselinePath: "base.json")
        }
        let single = try #require(try Comparer(thresholds: .shipped).compare(input(forks: nil)).rows.first)
        #expect(single.currentValue == 7_000.0 / 3 * 0.9, "one run: the whole run's rate")
        #expect(single.pValue == nil)
        let rounds = try #require(try Comparer(thresholds: .shipped).compare(input(forks: 9)).rows.first)
        #expect(rounds.currentValue == 1_000, "rounds: the median of the rounds' figures")
        #expect(rounds.pValue != nil)
    }
}
