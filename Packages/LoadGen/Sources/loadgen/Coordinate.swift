import LoadGen
import PerfResult
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `loadgen coordinate`: the start barrier and the merge of a run split over several workers.
enum Coordinate {
    static let workers = Option("workers", .integer.placeholder("N"), help: "how many workers (shards) take part")
    static let listen = Option(
        "listen", .string.placeholder("HOST:PORT"), default: "0.0.0.0:7000",
        help: "where workers connect (port 0 picks a free one, printed)")
    static let scenario = Option(
        "scenario", .path.placeholder("FILE"),
        help: "the workers' scenario: its name, thresholds (judged on the merged result) and length")
    static let json = Option(
        "json", .path, help: "write the merged report (sidecar member distributed: shards, clocks, skew)")
    static let shardReports = Option(
        "shard-reports", .path.placeholder("DIR"), help: "also write each shard's report as DIR/shard-I.json")
    static let readyTimeout = Option(
        "ready-timeout", .duration, default: .seconds(120), help: "how long every worker has to connect and be ready")
    static let startDelay = Option(
        "start-delay", .duration, default: .seconds(1), help: "the common start is this long after the last ready")
    static let runTimeout = Option(
        "run-timeout", .duration, defaultText: "the scenario's length + 30s, else 11m",
        help: "the longest wait from the start to the last result")

    static let command = Command(
        "coordinate",
        summary: """
            Coordinates a run split over N workers (loadgen --shard I/N --coordinator HOST:PORT, or --shards N in a
            Kubernetes Indexed Job): waits until every shard is ready with its clock offset, sends one start time,
            collects the shards' results, merges them exactly (as loadgen merge), judges the scenario's thresholds
            on the merged result and writes one report. A shard that is not ready in time, disconnects, goes
            silent or sends garbage aborts the run, naming the shard; the others' results are then merged and
            written as partial (suite …-partial), never judged.
            """,
        options: [
            workers, listen, scenario, Options.runID, json, shardReports, readyTimeout, startDelay, runTimeout,
            CommonOptions.profile, Options.strict,
        ] + MetricsOptions.all,
        footer: """
            Exit status: 0 merged and every threshold met; 1 a critical threshold (or a warning with --strict), or
            the run was aborted after its start (partial report); 2 bad usage, a bad scenario, a port that cannot be
            listened on, or shards not ready in time (nothing was measured).
            """)

    /// The coordinated run `parsed` asks for.
    /// - Returns: the exit status.
    static func run(_ parsed: ParsedArguments) -> Int32 {
        let environment = Environment.capture()
        print(environment.description)
        guard let count = parsed.given(workers) else { return Run.fail("coordinate needs --workers N") }
        var loaded: Scenario?
        let address: (host: String, port: Int)
        do {
            address = try Distributed.address(parsed[listen] ?? "0.0.0.0:7000", flag: "listen")
            if let path = parsed.given(scenario) {
                loaded = try Scenario.load(path: path, profile: parsed[CommonOptions.profile]?.rawValue)
            }
        } catch {
            return Run.fail("\(error)")
        }
        var settings = CoordinatorSettings(workers: count)
        settings.runID = parsed[Options.runID] ?? "loadgen"
        settings.readyTimeout = parsed[readyTimeout] ?? settings.readyTimeout
        settings.startDelay = parsed[startDelay] ?? settings.startDelay
        if let timeout = parsed.given(runTimeout) {
            settings.runTimeout = timeout
        } else if let configuration = loaded?.configuration {
            settings.runTimeout =
                configuration.warmup + configuration.measuredDuration + configuration.grace + configuration.timeout
                + .seconds(30)
        }
        // Live figures: the workers send theirs every second only when someone serves them.
        let metrics: MetricsServer?
        do {
            metrics = try MetricsOptions.start(parsed)
        } catch {
            return Run.fail("\(error)")
        }
        settings.liveFigures = metrics != nil
        let coordinator: Coordinator
        do {
            coordinator = try Coordinator(host: address.host, port: address.port, settings: settings)
        } catch {
            metrics?.stop()
            return Run.fail("--listen \(address.host):\(address.port): \(error)")
        }
        metrics?.feed.follow { coordinator.liveFigures() }
        defer { MetricsOptions.close(metrics, parsed: parsed) }
        print(
            "Coordinator   listening on \(address.host):\(coordinator.port) for \(count) workers, run \"\(settings.runID)\""
        )
        fflush(nil)
        let run = coordinator.run { line in
            print("Coordinator   \(line)")
            fflush(nil)
        }
        guard run.startAtEpochNs != nil else {
            printError("loadgen: \(run.failure ?? "the run did not start")")
            return UsageError.exitStatus
        }
        if let metrics {
            // The exact merge: what the shards' results say, no longer their last progress.
            var final =
                run.merged.map { LiveFigures(result: $0.result) }.reduce(nil) { $0?.merged(with: $1) ?? $1 }
                ?? LiveFigures()
            final.shards = run.shards.count
            metrics.feed.finish(final)
        }
        return report(run, scenario: loaded, parsed: parsed, environment: environment)
    }

    /// Prints and writes the merged result, judges it unless partial.
    static func report(_ run: CoordinatedRun, scenario: Scenario?, parsed: ParsedArguments, environment: Environment)
        -> Int32
    {
        var status: Int32 = 0
        if let failure = run.failure {
            printError("loadgen: run aborted: \(failure)")
            status = 1
        }
        let merged = run.merged
        let name = scenario?.name ?? merged.first.map { String($0.name.split(separator: "/").first ?? "") } ?? "adhoc"
        let suite = "macro-\(name)\(run.partial ? "-partial" : "")"
        for shard in run.shards {
            let start =
                shard.startOnCoordinatorClockNs.map {
                    " · started \($0 - (run.startAtEpochNs ?? 0)) ns after the start time"
                } ?? ""
            print("Shard         \(shard.index): offset \(shard.offsetNs) ns, round trip \(shard.rttNs) ns\(start)")
        }
        if let skew = run.startSkewNs {
            print("Start skew    \(NumberText.duration(nanoseconds: Double(skew))) between the shards' actual starts")
        }
        for entry in merged {
            print("")
            print(
                "Result        \(entry.name) (merged from \(run.shards.count) of \(run.shardCount) shards)\(run.partial ? ", PARTIAL" : "")"
            )
            print(entry.result.summaryTable(warmup: scenario?.configuration.warmup ?? .zero))
        }
        if let scenario, !scenario.thresholds.isEmpty, let entry = merged.first {
            if run.partial {
                print("")
                print("Thresholds    not judged: the result is partial")
            } else {
                do {
                    let perfResult = try entry.result.perfResult(name: entry.name)
                    let verdicts = scenario.thresholds.map { $0.evaluate(perfResult) }
                    print("")
                    print(Threshold.summaryTable(verdicts))
                    let worst = verdicts.map(\.level).max() ?? .met
                    if worst == .critical || (worst == .warning && parsed[Options.strict]) { status = 1 }
                } catch {
                    printError("loadgen: \(error)")
                    return UsageError.exitStatus
                }
            }
        }
        do {
            if let directory = parsed.given(shardReports) {
                for shard in run.shards {
                    try AtomicFile.write(shard.reportBytes, to: "\(directory)/shard-\(shard.index).json")
                }
            }
            if let path = parsed.given(json), !merged.isEmpty {
                try LoadReport.write(merged, suite: suite, environment: environment, extra: [run.record], to: path)
                print("Report        \(path)\(run.partial ? " (partial)" : "")")
            }
        } catch {
            printError("loadgen: \(error)")
            return UsageError.exitStatus
        }
        return status
    }
}
