import Foundation
import PerfResult
import PerfSupport
import Testing

@testable import MicroBench

/// `--forks N`: the tasks measured in N processes of the testbed and merged, and a fork's rotated task order.
@Suite struct ForksTests {
    @Test func aForkListsItsTasksRotatedByItsPosition() {
        var fixture = RunnerFixture()
        fixture.variables = ["PERF_FORK": "2/3"]
        #expect(fixture.run(["--list"]) == 0)
        #expect(
            fixture.captured.output.split(separator: "\n")
                == ["stringOps/scan[size=16]", "stringOps/scan[size=256]", "routing/trie", "stringOps/concat"])
        // Without a position (not a fork) the order is the suites' own.
        let plain = RunnerFixture()
        #expect(plain.run(["--list"]) == 0)
        #expect(plain.captured.output.hasPrefix("stringOps/concat\n"))
    }

    @Test func theTestbedInThreeForksWritesTheForksValuesAndTheirMedian() throws {
        let path = temporaryPath("forks.json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let outcome = try ChildProcess(
            InstructionDeterminismTests.testbed, ["--quick", "--time", "20ms", "--forks", "3", "--json", path],
            environment: ProcessEnvironment.current()
        ).run(timeout: .seconds(120))
        #expect(outcome.termination == .exited(0), "\(outcome.standardErrorText)")
        #expect(outcome.standardOutputText.contains("testbed: 3 forks; ±95 % is where another run"))
        let report = try Report.read(from: path)
        #expect(report.environment.forks == 3)
        #expect(report.results.count == 3)
        for result in report.results {
            let time = try #require(result["nsPerOp"])
            let samples = try #require(time.samples)
            #expect(samples.count == 3)
            #expect(time.value == SortedSample(samples).median)
        }
    }
}
