import Foundation
import PerfResult
import Testing

// README: test-only imports: Foundation (the temporary working directory)

/// The Swift example of README.md, kept identical to it by Scripts/check-readme-examples.py (`make lint`).
@Suite struct ReadmeExampleTests {
    @Test func theExampleWritesAReportThatReadsBackEqual() async {
        // The example writes perf/results/micro.json under the working directory: in a child process, whose
        // working directory can be a fresh temporary one without moving any other test's.
        await #expect(processExitsWith: .success) {
            let directory = try makeTemporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            try FileManager.default.createDirectory(
                atPath: directory + "/perf/results", withIntermediateDirectories: true)
            try #require(FileManager.default.changeCurrentDirectoryPath(directory))

            // README: begin perfresult-report
            var report = try Report(suite: "micro", environment: .capture())
            try report.append(
                Result(
                    name: "stringOps/concat", parameters: ["size": "4096"],
                    metrics: [.nsPerOp(41.5, samples: [41.2, 41.5, 42.0]), .allocsPerOp(1)]))
            try report.write(to: "perf/results/micro.json") // atomic: temp file, fsync, rename

            let again = try Report.read(from: "perf/results/micro.json")
            print(again.environment) // one line: Swift 6.3.1 · release · Linux … · 2 cores · …
            // README: end perfresult-report

            #expect(again.suite == "micro")
            #expect(again.environment == report.environment)
            let result = try #require(again.result(named: "stringOps/concat[size=4096]"))
            #expect(result.parameters == ["size": "4096"])
            #expect(result["nsPerOp"] == .nsPerOp(41.5, samples: [41.2, 41.5, 42.0]))
            #expect(result["allocsPerOp"] == .allocsPerOp(1))
            #expect(result.metrics.count == 2)
            #expect(try FileManager.default.contentsOfDirectory(atPath: "perf/results") == ["micro.json"])
        }
    }
}
