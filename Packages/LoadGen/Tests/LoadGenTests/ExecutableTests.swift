import LoadGen
import PerfResult
import PerfSupport
import Testing

/// Runs the built `program` (`loadgen` or `loadgen-target`, next to the test bundle: the test target depends
/// on both) in a bare environment plus `environment`, bounded in time.
private func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws
    -> ChildProcess.Outcome
{
    let directory = try ExecutablePath.directory()
    let child = ChildProcess(
        directory + "/" + program, arguments, environment: ["PATH": "/usr/bin:/bin"].merging(environment) { $1 })
    return try child.run(timeout: .seconds(120))
}

#if os(Linux)
/// A scenario file aimed at `server` that runs 200 requests and judges requests/s by `thresholds` (JSON).
private func countedScenario(for server: TargetServer, thresholds: String) throws -> String {
    let path = temporaryPath("thresholds.json")
    let text = """
        { "target": "http://127.0.0.1:\(server.port)/", "connections": 2, "threads": 1, "count": 200,
          "duration": "30s", "thresholds": { "requestsPerSec": \(thresholds) } }
        """
    try AtomicFile.write(Array(text.utf8), to: path)
    return path
}
#endif

/// What a shell or a CI step sees of the built executables: exit status, standard output and error.
@Suite struct ExecutableTests {
    @Test func helpGoesToStandardOutputWithExitStatusZero() throws {
        for (program, arguments, usage) in [
            ("loadgen", ["--help"], "Usage: loadgen [options] http://127.0.0.1:8080/"),
            ("loadgen", ["merge", "-h"], "Usage: loadgen merge [options] FILE..."),
            ("loadgen", ["plan", "--help"], "Usage: loadgen plan [options] NAME|FILE"),
            ("loadgen-target", ["--help"], "Usage: loadgen-target [options]"),
        ] {
            let outcome = try run(program, arguments)
            #expect(outcome.termination == .exited(0))
            #expect(outcome.standardOutputText.hasPrefix(usage), "\(program) \(arguments)")
            #expect(outcome.standardError.isEmpty)
        }
    }

    @Test func usageErrorsExitTwoWithTheProgramNameOnStandardError() throws {
        for (program, arguments, message) in [
            ("loadgen", ["--bogus"], "loadgen: unknown option --bogus; see loadgen --help\n"),
            (
                "loadgen", ["-d10", "http://127.0.0.1:1/"],
                "loadgen: -d: \"10\" is not a duration; use e.g. 10s, 500ms, 2m\n"
            ),
            (
                "loadgen", ["merge", "a.json"],
                "loadgen: merge needs at least two report files; see loadgen merge --help\n"
            ),
            ("loadgen", ["plan"], "loadgen: missing NAME|FILE; see loadgen plan --help\n"),
            (
                "loadgen-target", ["--mode", "fast"],
                "loadgen-target: --mode: \"fast\" is not length, chunked or close\n"
            ),
            ("loadgen-target", ["--fault-every", "2"], "loadgen-target: --fault-every only applies with --fault\n"),
        ] {
            let outcome = try run(program, arguments)
            #expect(outcome.termination == .exited(2), "\(program) \(arguments)")
            #expect(outcome.standardErrorText == message)
        }
    }

    @Test func badEnvironmentVariablesAreUsageErrors() throws {
        let strict = try run("loadgen", ["http://127.0.0.1:1/"], environment: ["STRICT_PERF": "maybe"])
        #expect(strict.termination == .exited(2))
        #expect(strict.standardErrorText.hasPrefix("loadgen: STRICT_PERF=maybe is not understood"))
        let profile = try run("loadgen", ["plan", "x"], environment: ["PERF_PROFILE": "slow"])
        #expect(profile.termination == .exited(2))
        #expect(profile.standardErrorText == "loadgen: PERF_PROFILE: \"slow\" is not quick or full\n")
    }

    #if os(Linux)
    // These run the epoll engine (loadgen run, loadgen-target), which exists on Linux only.
    @Test func aRunPrintsItsTableWritesItsReportAndMergeCombinesTwo() throws {
        let server = try TargetServer(TargetOptions())
        defer { server.stop() }
        let report = temporaryPath("run.json")
        let merged = temporaryPath("merged.json")
        defer { [report, merged].forEach(removeFile) }
        let outcome = try run(
            "loadgen", ["-c2", "-t1", "-n200", "--no-progress", "--json", report, "http://127.0.0.1:\(server.port)/"])
        #expect(outcome.termination == .exited(0), "\(outcome.standardErrorText)")
        #expect(outcome.standardOutputText.contains("Status codes  200: 200"))
        #expect(try LoadReport.read(from: report).entries.map(\.name) == ["adhoc/total"])
        let merge = try run("loadgen", ["merge", report, report, "--json=\(merged)"])
        #expect(merge.termination == .exited(0), "\(merge.standardErrorText)")
        #expect(merge.standardOutputText.contains("adhoc/total (merged from 2 files)"))
        #expect(try LoadReport.read(from: merged).entries[0].result.completed == 400)
    }

    @Test func roundsRunInTheirOwnProcessesAndMergeWithTheirValuesAsSamples() throws {
        let server = try TargetServer(TargetOptions())
        defer { server.stop() }
        let report = temporaryPath("rounds.json")
        defer { removeFile(report) }
        let outcome = try run(
            "loadgen",
            [
                "-c2", "-t1", "-n100", "--no-progress", "--forks", "3", "--json", report,
                "http://127.0.0.1:\(server.port)/",
            ])
        #expect(outcome.termination == .exited(0), "\(outcome.standardErrorText)")
        #expect(outcome.standardOutputText.contains("macro-adhoc: 3 forks; ±95 %"))
        let merged = try Report.read(from: report)
        #expect(merged.environment.forks == 3)
        #expect(merged.result(named: "adhoc/total")?["requestsPerSec"]?.samples?.count == 3)
        #expect(merged.result(named: "adhoc/total")?["errorRate"]?.samples == [0, 0, 0])
    }

    @Test func aCriticalThresholdExitsOneInEveryRoundToo() throws {
        let server = try TargetServer(TargetOptions())
        defer { server.stop() }
        let critical = try countedScenario(for: server, thresholds: #"{ "critical": 1e12 }"#)
        defer { removeFile(critical) }
        let outcome = try run("loadgen", ["--no-progress", "--forks", "2", "--scenario", critical])
        #expect(outcome.termination == .exited(1), "\(outcome.standardErrorText)")
        #expect(outcome.standardErrorText.contains("loadgen: a check failed in fork 1/2, fork 2/2"))
    }

    @Test func aCriticalThresholdExitsOneAndAWarningOnlyWhenStrict() throws {
        let server = try TargetServer(TargetOptions())
        defer { server.stop() }
        let warning = try countedScenario(for: server, thresholds: #"{ "warning": 1e12, "critical": 0.001 }"#)
        let critical = try countedScenario(for: server, thresholds: #"{ "critical": 1e12 }"#)
        defer { [warning, critical].forEach(removeFile) }
        func status(_ path: String, _ flags: [String] = [], environment: [String: String] = [:]) throws -> Int32? {
            let outcome = try run("loadgen", ["--no-progress", "--scenario", path] + flags, environment: environment)
            guard case let .exited(status) = outcome.termination else { return nil }
            return status
        }
        #expect(try status(critical) == 1)
        #expect(try status(warning) == 0)
        #expect(try status(warning, ["--strict"]) == 1)
        #expect(try status(warning, environment: ["STRICT_PERF": "1"]) == 1)
        #expect(try status(warning, environment: ["STRICT_PERF": "yes"]) == 1)
        #expect(try status(warning, environment: ["STRICT_PERF": "0"]) == 0)
    }

    @Test func theTargetStopsAfterItsLifetimeAndCountsItsRequests() throws {
        let outcome = try run("loadgen-target", ["--port", "0", "--lifetime", "200ms"])
        #expect(outcome.termination == .exited(0))
        #expect(outcome.standardOutputText.hasPrefix("loadgen-target listening on http://127.0.0.1:"))
        #expect(outcome.standardOutputText.hasSuffix("loadgen-target: 0 requests\n"))
    }
    #else
    @Test func aRunAndTheTargetSayTheyNeedLinuxAndExitTwo() throws {
        let message = LoadGenError.requiresLinux(feature: LoadGenError.engine).description
        let load = try run("loadgen", ["-d1s", "http://127.0.0.1:1/"])
        #expect(load.termination == .exited(2))
        #expect(load.standardErrorText == "loadgen: \(message)\n")
        let target = try run("loadgen-target", ["--port", "0", "--lifetime", "200ms"])
        #expect(target.termination == .exited(2))
        #expect(target.standardErrorText.contains("needs Linux's epoll"))
    }
    #endif
}
