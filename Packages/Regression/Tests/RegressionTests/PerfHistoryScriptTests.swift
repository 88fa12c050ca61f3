import Foundation
import PerfResult
import PerfSupport
import Regression
import Testing

/// `Scripts/perf-history.sh` against a throwaway repository with a bare remote, read back by the trend reader.
@Suite struct PerfHistoryScriptTests {
    let directory: String
    let work: String

    init() throws {
        directory = try makeTemporaryDirectory()
        work = directory + "/work"
        try shell("git init --quiet --bare origin.git && git clone --quiet origin.git work 2>/dev/null", in: directory)
        try FileManager.default.createDirectory(atPath: work + "/results", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: repositoryRoot + "/perf/regression/fixtures/report/results/micro.json",
            toPath: work + "/results/micro.json")
        try "not a report\n".write(toFile: work + "/results/notes.json", atomically: true, encoding: .utf8)
    }

    @discardableResult
    private func shell(_ script: String, in directory: String, environment: [String: String] = [:]) throws
        -> ChildProcess.Outcome
    {
        let variables = [
            "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": self.directory, "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.invalid",
        ]
        return try ChildProcess(
            "/bin/sh", ["-c", script], environment: variables.merging(environment) { $1 },
            workingDirectory: directory
        ).run(timeout: .seconds(60))
    }

    private func history(_ arguments: String, push: Bool = true) throws -> ChildProcess.Outcome {
        try shell(
            "\(repositoryRoot)/Scripts/perf-history.sh \(arguments)", in: work, environment: push ? ["PUSH": "1"] : [:])
    }

    @Test func eachCommitBecomesOneEntryInOrderThatTheTrendReaderReads() throws {
        try shell("git commit --quiet --allow-empty -m one", in: work)
        #expect(try history("append results").termination == .exited(0))
        let first = try shell("git rev-parse HEAD", in: work).standardOutputText.prefix(12)
        try shell("git commit --quiet --allow-empty -m two", in: work)
        #expect(try history("append results").termination == .exited(0))
        let second = try shell("git rev-parse HEAD", in: work).standardOutputText.prefix(12)
        let again = try history("append results")
        #expect(again.termination == .exited(0) && again.standardErrorText.contains("in the history already"))

        #expect(try history("checkout \(directory)/history", push: false).termination == .exited(0))
        let read = try PerformanceHistory.read(from: directory + "/history")
        #expect(read.entries.map(\.sequence) == [1, 2])
        #expect(read.entries.map(\.commit) == [String(first), String(second)])
        #expect(read.entries.allSatisfy { $0.reports.map(\.suite) == ["micro"] })
    }

    @Test func resultsWithoutReportsAreRefused() throws {
        try shell("git commit --quiet --allow-empty -m one && mkdir -p empty", in: work)
        let outcome = try history("append empty")
        #expect(outcome.termination == .exited(2))
        #expect(outcome.standardErrorText.contains("empty holds no PerfResult reports"))
    }

    @Test func badUsageExitsTwo() throws {
        #expect(try history("bogus").termination == .exited(2))
        #expect(try history("append").termination == .exited(2))
    }
}
