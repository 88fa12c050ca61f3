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

/// `loadgen` sampling the service under load: a scenario's own, or one named by `--service-pid`.
@Suite struct ServiceSamplingExecutableTests {
    @Test func aScenarioServiceIsSampledIntoTheTableTheReportAndItsThresholds() throws {
        let port = try freePort()
        let report = temporaryPath("service.json")
        let path = temporaryPath("service-scenario.json")
        defer { [report, path, path + ".log"].forEach(removeFile) }
        func scenario(
            rssLevels: String, cpuLevels: String = #"{ "target": 50, "warning": 70, "critical": 100 }"#
        ) throws {
            let text = """
                { "target": "http://127.0.0.1:\(port)/", "connections": 2, "threads": 1, "duration": "1s",
                  "thresholds": { "serviceRssPeakBytes": \(rssLevels),
                                  "serviceCpuPercentOfAllCores": \(cpuLevels) },
                  "service": { "command": "loadgen-target", "arguments": ["--port", "\(port)"],
                               "readiness": "http://127.0.0.1:\(port)/", "log": "\(path).log" } }
                """
            try AtomicFile.write(Array(text.utf8), to: path)
        }
        try scenario(rssLevels: #"{ "target": "512MiB", "warning": "768MiB", "critical": "1GiB" }"#)
        let outcome = try run("loadgen", ["--no-progress", "--scenario", path, "--json", report])
        #expect(outcome.termination == .exited(0), "\(outcome.standardErrorText)")
        let output = outcome.standardOutputText
        #expect(output.contains("Sampling      pid "))
        #expect(output.contains("  RSS         start "))
        #expect(output.contains("% of one core · "))
        #expect(output.contains("serviceRssPeakBytes"))
        let result = try #require(try Report.read(from: report).results.first)
        for key in LoadResult.serviceKeys { #expect(result[key] != nil, "\(key)") }
        #expect((result["serviceRssPeakBytes"]?.value ?? 0) > 1_048_576)
        // The same run against a critical level no service meets.
        try scenario(rssLevels: #"{ "critical": "1KiB" }"#)
        let failing = try run("loadgen", ["--no-progress", "--scenario", path])
        #expect(failing.termination == .exited(1), "\(failing.standardErrorText)")
        #expect(failing.standardOutputText.contains("CRITICAL"))
        // And a CPU critical level set so low that a service answering a closed loop for a second exceeds it (the
        // issue's check sets 1 %; the demo service under perf/macro/http-sustained.json used 2.3 % of all cores).
        try scenario(rssLevels: #"{ "critical": "1GiB" }"#, cpuLevels: #"{ "critical": 0.01 }"#)
        let busy = try run("loadgen", ["--no-progress", "--scenario", path])
        #expect(busy.termination == .exited(1), "\(busy.standardErrorText)")
        let cpuLine = busy.standardOutputText.split(separator: "\n").first {
            $0.hasPrefix("serviceCpuPercentOfAllCores")
        }
        #expect(cpuLine?.hasSuffix("CRITICAL") == true, "\(busy.standardOutputText)")
    }

    @Test func aServicePidThatIsNotRunningExitsTwoNamingTheFlag() throws {
        let outcome = try run("loadgen", ["--service-pid", "2147483646", "-n1", "http://127.0.0.1:1/"])
        #expect(outcome.termination == .exited(2))
        #expect(
            outcome.standardErrorText
                == "loadgen: --service-pid: no process 2147483646 is running; give the id of the running service\n")
    }

    @Test func aServicePidIsSampled() throws {
        let server = try TargetServer(TargetOptions())
        defer { server.stop() }
        let sleeper = try ChildProcess("/bin/sleep", ["30"]).spawn(standardOutput: .discard)
        defer { _ = try? sleeper.terminate(grace: .seconds(1)) }
        let outcome = try run(
            "loadgen",
            ["--no-progress", "--service-pid", "\(sleeper.pid)", "-c1", "-n50", "http://127.0.0.1:\(server.port)/"])
        #expect(outcome.termination == .exited(0), "\(outcome.standardErrorText)")
        #expect(outcome.standardOutputText.contains("Service       pid \(sleeper.pid) · "))
    }

    @Test func aServiceThatDiesDuringTheRunEndsItWithItsStatusAndTheEndOfItsLog() throws {
        let server = try TargetServer(TargetOptions())
        defer { server.stop() }
        let flag = temporaryPath("die-now")
        let (path, out, err, log) = (
            temporaryPath("dying.json"), temporaryPath("dying.out"), temporaryPath("dying.err"),
            temporaryPath("dying.log")
        )
        defer { [flag, path, out, err, log].forEach(removeFile) }
        // The service writes to both streams, then exits with status 3 once the test creates the flag file,
        // which it does when loadgen says it samples the service: the death falls inside the run.
        let script =
            #"echo starting up; echo "fatal: out of widgets" >&2; while [ ! -e "$FLAG" ]; do sleep 0.05; done; exit 3"#
        let text = """
            { "target": "http://127.0.0.1:\(server.port)/", "connections": 1, "threads": 1, "duration": "60s",
              "service": { "command": "/bin/sh", "arguments": ["-c", \(JSONValue.string(script).serialized(level: 0))],
                           "environment": { "FLAG": "\(flag)" }, "log": "\(log)" } }
            """
        try AtomicFile.write(Array(text.utf8), to: path)
        let loadgen = try ChildProcess(
            try ExecutablePath.directory() + "/loadgen", ["--no-progress", "--scenario", path],
            environment: ["PATH": "/usr/bin:/bin"]
        ).spawn(standardOutput: .file(path: out, append: false), standardError: .file(path: err, append: false))
        defer { _ = try? loadgen.terminate(grace: .seconds(1)) }
        var sampling = false
        for _ in 0..<3000 where !sampling {
            sampling =
                (try? AtomicFile.read(out)).map { String(decoding: $0, as: UTF8.self).contains("Sampling      pid") }
                ?? false
            if !sampling { PosixThread.sleep(nanoseconds: 10_000_000) }
        }
        try #require(sampling)
        try AtomicFile.write([], to: flag)
        let ending = try loadgen.wait(timeout: .seconds(90))
        #expect(ending == .exited(1))
        let message = String(decoding: try AtomicFile.read(err), as: UTF8.self)
        #expect(
            message.contains("exited with status 3 during the run; the last lines of its log \(log):"), "\(message)")
        #expect(message.hasSuffix("\n  | starting up\n  | fatal: out of widgets\n"), "\(message)")
    }
}

/// A port nothing listens on right now (a server's, stopped).
private func freePort() throws -> Int {
    let server = try TargetServer(TargetOptions())
    defer { server.stop() }
    return server.port
}
