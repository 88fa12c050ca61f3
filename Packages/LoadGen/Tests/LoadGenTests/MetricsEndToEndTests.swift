import LoadGen
import PerfResult
import PerfSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

#if os(Linux)

/// The built `loadgen` with `arguments`, started with its output in files.
private func start(_ arguments: [String], out: String, err: String) throws -> SpawnedProcess {
    try ChildProcess(try ExecutablePath.directory() + "/loadgen", arguments, environment: ["PATH": "/usr/bin:/bin"])
        .spawn(standardOutput: .file(path: out, append: false), standardError: .file(path: err, append: false))
}

/// Scrapes every 50 ms until a scrape says the figures are final (60 s at most): every scrape's samples, and the
/// text of the final one.
private func scrapeUntilFinished(port: Int) -> (all: [[String: String]], final: String?) {
    var all: [[String: String]] = []
    let end = MonotonicClock.now() + 60_000_000_000
    while MonotonicClock.now() < end {
        if let text = try? scrape(port: port) {
            all.append(samples(text))
            if all.last?["loadgen_finished"] == "1" { return (all, text) }
        }
        PosixThread.sleep(nanoseconds: 50_000_000)
    }
    return (all, nil)
}

/// Expects every counter, bucket, sum and count never to go down from one scrape to the next.
private func expectMonotonic(_ scrapes: [[String: String]]) {
    for (previous, next) in zip(scrapes, scrapes.dropFirst()) {
        for (key, value) in next
        where key.hasSuffix("_total") || key.contains("_total{") || key.contains("_bucket") || key.hasSuffix("_sum")
            || key.hasSuffix("_count")
        {
            guard let before = previous[key].flatMap(Double.init), let after = Double(value) else { continue }
            #expect(after >= before, "\(key) went from \(before) to \(after)")
        }
    }
}

/// The first result of the report at `path`.
private func result(at path: String) throws -> LoadResult {
    let (_, entries) = try LoadReport.read(bytes: try AtomicFile.read(path), path: path)
    return try #require(entries.first?.result)
}

/// `--metrics-port` on real runs against a target on loopback, scraped over HTTP as Prometheus would.
@Suite struct MetricsEndToEndTests {
    @Test func aRunServesRisingCountsMidRunAndItsResultsExactFiguresAtTheEnd() throws {
        let target = try TargetServer(TargetOptions())
        defer { target.stop() }
        let (out, err, json) = (temporaryPath("run.out"), temporaryPath("run.err"), temporaryPath("run.json"))
        defer { [out, err, json].forEach(removeFile) }
        let loadgen = try start(
            [
                "--no-progress", "-c2", "-t1", "-d3s", "--rate", "400", "--metrics-port", "0", "--metrics-linger",
                "30s", "--json", json, "http://127.0.0.1:\(target.port)/",
            ], out: out, err: err)
        defer { _ = try? loadgen.terminate(grace: .seconds(2)) }
        let port = try #require(metricsPort(printedIn: out))
        let (scrapes, final) = scrapeUntilFinished(port: port)
        let text = try #require(final)
        // The report is written after the figures turn final; then SIGTERM ends the linger.
        try #require(waitForText("Report        \(json)", in: out) != nil)
        loadgen.send(SIGTERM)
        #expect(try loadgen.wait(timeout: .seconds(10)) == .exited(0))
        let measured = try result(at: json)
        #expect(text == PrometheusText.render(LiveFigures(result: measured)))
        #expect(samples(text)["loadgen_requests_total"] == String(measured.completed))
        #expect(measured.completed > 0)
        #expect(
            scrapes.contains {
                $0["loadgen_finished"] == "0" && ($0["loadgen_requests_total"].flatMap(Int.init) ?? 0) > 0
            },
            "no scrape during the run saw responses")
        expectMonotonic(scrapes)
        let path = temporaryPath("final.prom")
        defer { removeFile(path) }
        try AtomicFile.write(Array(text.utf8), to: path)
        try checkWithPromtool(path)
    }

    @Test func aCoordinatorOfTwoWorkersServesTheirSumLiveAndTheExactMergeAtTheEnd() throws {
        let target = try TargetServer(TargetOptions())
        defer { target.stop() }
        let directory = temporaryPath("shards")
        try #require(mkdir(directory, 0o700) == 0)
        let (out, err, merged) = (temporaryPath("co.out"), temporaryPath("co.err"), temporaryPath("merged.json"))
        let shardFiles = (0..<2).map { "\(directory)/shard-\($0).json" }
        defer {
            ([out, err, merged] + shardFiles).forEach(removeFile)
            rmdir(directory)
        }
        let coordinator = try start(
            [
                "coordinate", "--workers", "2", "--listen", "127.0.0.1:0", "--start-delay", "200ms", "--metrics-port",
                "0", "--metrics-linger", "30s", "--json", merged, "--shard-reports", directory,
            ], out: out, err: err)
        defer { _ = try? coordinator.terminate(grace: .seconds(2)) }
        let metrics = try #require(metricsPort(printedIn: out))
        let control = try #require(
            waitForText("listening on 127.0.0.1:", in: out).flatMap { number(after: "listening on 127.0.0.1:", in: $0) }
        )
        var workers: [SpawnedProcess] = []
        let logs = (0..<2).flatMap { [temporaryPath("worker-\($0).out"), temporaryPath("worker-\($0).err")] }
        defer {
            for worker in workers { _ = try? worker.terminate(grace: .seconds(2)) }
            logs.forEach(removeFile)
        }
        for index in 0..<2 {
            workers.append(
                try start(
                    [
                        "--no-progress", "-c2", "-t1", "-d3s", "--rate", "400", "--shard", "\(index)/2",
                        "--coordinator", "127.0.0.1:\(control)", "http://127.0.0.1:\(target.port)/",
                    ], out: logs[2 * index], err: logs[2 * index + 1]))
        }
        let (scrapes, final) = scrapeUntilFinished(port: metrics)
        let text = try #require(final)
        for worker in workers { #expect(try worker.wait(timeout: .seconds(30)) == .exited(0)) }
        try #require(waitForText("Report        \(merged)", in: out) != nil)
        coordinator.send(SIGTERM)
        #expect(try coordinator.wait(timeout: .seconds(10)) == .exited(0))
        #expect(
            scrapes.contains {
                $0["loadgen_finished"] == "0" && $0["loadgen_shards_reporting"] == "2"
                    && ($0["loadgen_requests_total"].flatMap(Int.init) ?? 0) > 0
            }, "no scrape during the run saw both shards' responses")
        expectMonotonic(scrapes)
        // The end: the coordinator's exact merge, which is the sum of the shards' own results.
        var mergedFigures = LiveFigures(result: try result(at: merged))
        mergedFigures.shards = 2
        mergedFigures.finished = true
        #expect(text == PrometheusText.render(mergedFigures))
        let shards = try shardFiles.map { LiveFigures(result: try result(at: $0)) }
        let sum = samples(PrometheusText.render(shards[0].merged(with: shards[1])))
        let served = samples(text)
        #expect(served["loadgen_requests_total"] == String(target.requestCount))
        // Each shard's last whole second, summed, may differ from the merged series' last whole second.
        for (key, value) in sum where key != "loadgen_requests_per_second" {
            #expect(served[key] == value, "\(key)")
        }
    }

    @Test func badMetricsFlagsExitTwoNamingTheFlag() throws {
        let busy = try MetricsServer(host: "127.0.0.1", port: 0, feed: LiveFeed())
        defer { busy.stop() }
        let url = "http://127.0.0.1:1/"
        for (arguments, message) in [
            (
                ["--metrics-port", "\(busy.port)", url],
                "--metrics-port \(busy.port): 127.0.0.1:\(busy.port) is in use by another process; choose another port (0 picks a free one)"
            ),
            (
                ["coordinate", "--workers", "2", "--listen", "127.0.0.1:0", "--metrics-port", "\(busy.port)"],
                "--metrics-port \(busy.port): 127.0.0.1:\(busy.port) is in use by another process; choose another port (0 picks a free one)"
            ),
            (["--metrics-port", "70000", url], "--metrics-port 70000: must be in 0...65535 (0 picks a free port)"),
            (
                ["--metrics-port", "0", "--metrics-address", "local", url],
                "--metrics-address local: not an IPv4 address; give one such as 127.0.0.1"
            ),
            (["--metrics-linger", "5s", url], "--metrics-linger only applies with --metrics-port"),
            (["--metrics-address", "127.0.0.1", url], "--metrics-address only applies with --metrics-port"),
        ] {
            let outcome = try ChildProcess(
                try ExecutablePath.directory() + "/loadgen", arguments, environment: ["PATH": "/usr/bin:/bin"]
            ).run(timeout: .seconds(30))
            #expect(outcome.termination == .exited(2), "\(arguments)")
            #expect(outcome.standardErrorText == "loadgen: \(message)\n", "\(arguments)")
        }
    }
}

#endif
