import PerfResult
import Testing

@Suite struct ForkMergeTests {
    private func fork(_ nanoseconds: Double, allocations: Double = 2) throws -> Report {
        try Report(
            suite: "micro", environment: fixedEnvironment(),
            results: [
                Result(
                    name: "stringOps/concat",
                    metrics: [.nsPerOp(nanoseconds, samples: [1, 2, 3]), .allocsPerOp(allocations)])
            ])
    }

    @Test func eachMetricSamplesTheForksAndTakesTheirMedian() throws {
        let merged = try Report.mergingForks([fork(72), fork(125), fork(70), fork(130), fork(74)])
        let time = try #require(merged.result(named: "stringOps/concat")?["nsPerOp"])
        #expect(time.samples == [72, 125, 70, 130, 74])
        #expect(time.value == 74)
        let allocations = try #require(merged.result(named: "stringOps/concat")?["allocsPerOp"])
        #expect(allocations.value == 2 && allocations.samples == [2, 2, 2, 2, 2])
        #expect(merged.environment.forks == 5)
    }

    @Test func oneForkKeepsItsOwnSamples() throws {
        let merged = try Report.mergingForks([fork(72)])
        #expect(merged.result(named: "stringOps/concat")?["nsPerOp"]?.samples == [1, 2, 3])
        #expect(merged.environment.forks == 1)
    }

    @Test func forksWithOtherResultsAreRefusedNamingTheFork() throws {
        let other = try Report(suite: "micro", environment: fixedEnvironment(), results: [Result(name: "x/y")])
        #expect(
            throws: PerfResultError.forkMismatch(
                fork: 3, reason: "its results differ from fork 1's: stringOps/concat, x/y")
        ) {
            try Report.mergingForks([fork(1), fork(2), other])
        }
    }

    @Test func forksOfAnotherSuiteOrWithOtherUnitsAreRefused() throws {
        let suite = try Report(suite: "pools", environment: fixedEnvironment(), results: try fork(1).results)
        #expect(throws: PerfResultError.forkMismatch(fork: 2, reason: "suite \"pools\", fork 1 ran \"micro\"")) {
            try Report.mergingForks([fork(1), suite])
        }
        let unit = try Report(
            suite: "micro", environment: fixedEnvironment(),
            results: [Result(name: "stringOps/concat", metrics: [.p50Ns(1), .allocsPerOp(2)])])
        #expect(throws: PerfResultError.self) { try Report.mergingForks([fork(1), unit]) }
        #expect(throws: PerfResultError.self) { try Report.mergingForks([]) }
    }

    @Test func aForkPositionRotatesTheCasesEvenly() throws {
        let position = try #require(ForkPosition(environment: ["PERF_FORK": "2/4"]))
        #expect(position.index == 2 && position.count == 4)
        #expect(position.rotated(Array(0..<8)) == [2, 3, 4, 5, 6, 7, 0, 1])
        #expect(try #require(ForkPosition(environment: ["PERF_FORK": "1/4"])).rotated([1, 2, 3]) == [1, 2, 3])
        #expect(ForkPosition(environment: ["PERF_FORK": "5/4"]) == nil)
        #expect(ForkPosition(environment: ["PERF_FORK": "x"]) == nil)
        #expect(ForkPosition(environment: [:]) == nil)
    }
}
