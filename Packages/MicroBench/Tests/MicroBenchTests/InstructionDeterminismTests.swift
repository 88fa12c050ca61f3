import Foundation
import PerfResult
import PerfSupport
import Testing

/// Whether valgrind (with callgrind) is installed where `--instructions` looks for it.
let valgrindIsInstalled =
    ExecutablePath.find("valgrind", inSearchPath: ProcessEnvironment.current()["PATH"] ?? "/usr/bin:/bin") != nil

/// The real thing: `microbench-testbed --instructions` under valgrind, twice. Skipped without valgrind; no
/// verdict depends on timing.
@Suite(
    .enabled(
        if: valgrindIsInstalled,
        "valgrind is not installed: apt-get install valgrind (as root) to count instructions under callgrind"))
struct InstructionDeterminismTests {
    /// The testbed next to this test bundle, built by `swift build` / `swift test`.
    static var testbed: String {
        ((try? ExecutablePath.directory()) ?? ".") + "/microbench-testbed"
    }

    /// Counts `filter`'s tasks and returns the report.
    func count(_ filter: String) throws -> Report {
        let path = temporaryPath("instructions.json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let outcome = try ChildProcess(
            Self.testbed, ["--instructions", "--filter", filter, "--iterations", "50", "--json", path],
            environment: ProcessEnvironment.current()
        ).run(timeout: .seconds(600))
        try #require(outcome.termination == .exited(0), "\(outcome.standardErrorText)")
        return try Report.read(from: path)
    }

    @Test func theSameBenchmarkCountedTwiceGivesIdenticalInstructions() throws {
        let first = try count("counting/(sum|fill)")
        let second = try count("counting/(sum|fill)")
        #expect(first.suite == "testbed-instructions")
        #expect(first.results.map(\.name) == ["counting/sum", "counting/fill"])
        for (one, other) in zip(first.results, second.results) {
            let instructions = try #require(one["instructions"])
            #expect(instructions.value > 0)
            #expect(instructions == other["instructions"], "\(one.name)")
            // Every window counted the same: the body is deterministic and the state is settled by the warmup.
            #expect(Set(try #require(instructions.samples)).count == 1, "\(one.name)")
        }
    }

    @Test func setupAndWarmupAreNotCounted() throws {
        // The setup of counting/increment runs a hundred thousand additions; the body one.
        let report = try count("counting/increment")
        let samples = try #require(report.results.first?["instructions"]?.samples)
        #expect(samples.count == 5)
        #expect(samples.allSatisfy { $0 > 0 && $0 < 1_000 }, "instructions per operation: \(samples)")
    }
}
