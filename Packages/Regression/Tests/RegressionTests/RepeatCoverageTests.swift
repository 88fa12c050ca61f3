import Foundation
import PerfResult
import PerfSupport
import Regression
import Testing

@Suite struct RepeatCoverageTests {
    private func run(_ values: [Double], allocations: Double = 1) throws -> Report {
        try Report(
            suite: "micro", environment: environment(),
            results: [
                Result(name: "a/b", metrics: [.nsPerOp(SortedSample(values).median, samples: values)]),
                Result(name: "a/c", metrics: [.allocsPerOp(allocations)]),
            ])
    }

    @Test func agreeingRunsHitEachOthersIntervals() throws {
        let runs = try [run([100, 102, 98, 101, 99]), run([101, 99, 100, 103, 97]), run([100, 100, 101, 99, 102])]
        let coverage = RepeatCoverage(runs: runs)
        #expect(coverage.checks == 6 && coverage.hits == 6 && coverage.coverage == 1)
        #expect(coverage.misses.isEmpty)
    }

    @Test func aRunFarFromTheOthersMissesTheirIntervalsAndIsNamed() throws {
        let runs = try [
            run([100, 101, 99, 100, 100]), run([100, 99, 101, 100, 100]), run([150, 151, 149, 150, 150]),
        ]
        let coverage = RepeatCoverage(runs: runs)
        #expect(coverage.checks == 6 && coverage.hits == 2)
        #expect(coverage.misses.contains { $0.run == 3 && $0.intervalOf == 1 && $0.result == "a/b" && $0.value == 150 })
    }

    @Test func theCommandReportsTheCoverageAndFailsBelowTheMinimum() throws {
        let directory = try makeTemporaryDirectory()
        let paths = (1...3).map { "\(directory)/run\($0).json" }
        try run([100, 101, 99, 100, 100]).write(to: paths[0])
        try run([100, 99, 101, 100, 100]).write(to: paths[1])
        try run([150, 151, 149, 150, 150]).write(to: paths[2])
        let (status, output) = try runPerfCheck(["coverage", "--min", "90"] + paths)
        #expect(status == 1)
        #expect(output.hasPrefix("nsPerOp: 2 of 6 figures inside the other runs' 95 % intervals (33.3 %)\nmisses:\n"))
        #expect(try runPerfCheck(["coverage"] + paths).status == 0)
        #expect(try runPerfCheck(["coverage", paths[0]]).status == 2)
        #expect(
            try runPerfCheck(["coverage", "--metric", "allocsPerOp"] + paths).output.contains("measure with --forks"))
    }
}
