import LoadGen
import PerfResult
import PerfSupport
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One run: scenario plus flags, the service around it, the table, the report and the exit status.
enum Run {
    /// Set by SIGINT/SIGTERM; the run loop turns it into `LoadTest.stop()`.
    static let interrupted = Atomic<Bool>(false)

    /// Prints `loadgen: message` to standard error.
    /// - Returns: 2, the exit status of bad usage or bad input.
    static func fail(_ message: String) -> Int32 {
        printError("loadgen: \(message)")
        return UsageError.exitStatus
    }

    /// The run `parsed` asks for: the environment line, the scenario, its service, the load, the tables.
    /// - Returns: the exit status.
    static func run(_ parsed: ParsedArguments) -> Int32 {
        let environment = Environment.capture()
        let scenario: Scenario
        do {
            scenario = try self.scenario(from: parsed)
        } catch {
            print(environment.description)
            return fail("\(error)")
        }
        // Without libssl an https scenario stops here, before its service starts (or is skipped on request).
        if let status = TLSOptions.checkLibrary(scenario, parsed: parsed) { return status }
        // --forks N: N rounds, each a whole run (service included) in its own process, merged.
        if let rounds = parsed.given(CommonOptions.forks), rounds > 1 {
            return SelfForks.main(
                program: "loadgen", forks: rounds, environment: environment, jsonPath: parsed[Options.json],
                keys: ["requestsPerSec", "latencyP50Ms", "latencyP99Ms", "errorRate"])
        }
        print(environment.description)
        if let line = TLSOptions.environmentLine(scenario.configuration) { print(line) }
        if let warning = environment.buildWarning { print(warning) }
        if let pid = parsed.given(Options.servicePid) {
            guard scenario.service == nil else {
                return fail("--service-pid: the scenario starts its own service, which is sampled; leave one out")
            }
            guard pid > 0, pid <= Int(Int32.max), ProcessSample.isRunning(pid: Int32(pid)) else {
                return fail("--service-pid: no process \(pid) is running; give the id of the running service")
            }
        }
        let target = scenario.configuration.target
        if !parsed[Options.allowRemote], !target.isLoopback {
            return fail("\(target) is not a loopback address; pass --allow-remote to load another host")
        }
        // Many connections need many descriptors: raise the soft limit to the hard one (as the shell could).
        #if canImport(Glibc)
        let resource = Int32(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE // a plain Int32 on Darwin
        #endif
        var limit = rlimit()
        if getrlimit(resource, &limit) == 0, limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max
            _ = setrlimit(resource, &limit)
        }
        let metrics: MetricsServer?
        do {
            metrics = try MetricsOptions.start(parsed)
        } catch {
            return fail("\(error)")
        }
        defer { MetricsOptions.close(metrics, parsed: parsed) }
        // Initialised before the handlers can run: a signal handler must not run a lazy initialiser.
        _ = interrupted.load(ordering: .relaxed)
        signal(SIGINT) { _ in Run.interrupted.store(true, ordering: .relaxed) }
        signal(SIGTERM) { _ in Run.interrupted.store(true, ordering: .relaxed) }
        return execute(
            scenario, parsed: parsed, environment: environment,
            searchDirectories: [try? ExecutablePath.directory()].compactMap { $0 }, metrics: metrics?.feed)
    }

    /// The scenario of the file (or an ad hoc one for the URL) with the flags applied.
    /// - Throws: `UsageError` without a URL or scenario, or with a body file that cannot be read;
    ///   `LoadGenError` for a bad URL, scenario file or setting.
    static func scenario(
        from parsed: ParsedArguments, environment: [String: String] = ProcessEnvironment.current()
    ) throws -> Scenario {
        var scenario: Scenario
        let url = parsed.positionals.first
        if let path = parsed.given(Options.scenario) {
            scenario = try Scenario.load(path: path, profile: parsed[CommonOptions.profile]?.rawValue)
            if let url { scenario.configuration.target = try Target(url: url) }
        } else {
            guard let url else { throw UsageError("give a URL or --scenario FILE; see loadgen --help") }
            scenario = Scenario(name: "adhoc", configuration: LoadConfiguration(target: try Target(url: url)))
        }
        if let name = parsed.given(Options.name) { scenario.name = name }
        var configuration = scenario.configuration
        if let value = parsed.given(Options.connections) { configuration.connections = value }
        if let value = parsed.given(Options.threads) { configuration.threads = value }
        if let value = parsed.given(Options.duration) { configuration.duration = value }
        if let value = parsed.given(Options.count) {
            configuration.count = value
            if !parsed.isGiven(Options.duration), !parsed.isGiven(Options.scenario) { configuration.duration = nil }
        }
        if let value = parsed.given(Options.rate) { configuration.rate = value }
        if let value = parsed.given(Options.pipelining) { configuration.pipelining = value }
        if let value = parsed.given(Options.timeout) { configuration.timeout = value }
        if let value = parsed.given(Options.warmup) { configuration.warmup = value }
        if let value = parsed.given(Options.grace) { configuration.grace = value }
        if let value = parsed.given(Options.secondsKept) { configuration.secondsKept = value }
        TLSOptions.apply(parsed, to: &configuration)
        let requestFlags: [any ArgumentDeclaration] = [Options.method, Options.header, Options.body, Options.bodyFile]
        if requestFlags.contains(where: { parsed.isGiven($0) }) {
            var request = configuration.requests.count == 1 ? configuration.requests[0] : RequestTemplate()
            if let method = parsed.given(Options.method) { request.method = method }
            request.headers += parsed.values(Options.header)
            if let body = parsed.given(Options.body) { request.body = Array(body.utf8) }
            if let file = parsed.given(Options.bodyFile) {
                do {
                    request.body = try AtomicFile.read(file)
                } catch {
                    throw UsageError("--body-file: \(error)")
                }
            }
            configuration.requests = [request]
        }
        try configuration.validate()
        if let shard = try Distributed.shard(from: parsed, environment: environment) {
            let flag = parsed.isGiven(Options.shard) ? "--shard \(shard)" : "--shards \(shard.count)"
            do {
                configuration = try shard.apply(to: configuration)
            } catch {
                throw UsageError("\(flag): \(error)")
            }
            configuration.shard = shard
        } else if parsed.isGiven(Options.coordinator) {
            throw UsageError("--coordinator needs --shard I/N or --shards N: which shard is this worker?")
        }
        if let start = try Distributed.startAt(from: parsed) {
            try parsed.exclusive(Options.startAt, Options.coordinator)
            configuration.startAtEpochNs = start
        }
        if let text = parsed.given(Options.coordinator) { _ = try Distributed.address(text, flag: "coordinator") }
        try configuration.validate()
        scenario.configuration = configuration
        return scenario
    }

    static func execute(
        _ scenario: Scenario, parsed: ParsedArguments, environment: Environment, searchDirectories: [String],
        metrics: LiveFeed? = nil
    ) -> Int32 {
        var configuration = scenario.configuration
        var service: ServiceProcess?
        if let spec = scenario.service {
            do {
                let started = try ServiceProcess.start(spec, searchDirectories: searchDirectories)
                service = started
                print("Service       \(started.executable) (pid \(started.pid), log \(started.logPath))")
                try started.waitUntilReady(tls: configuration.tls) { interrupted.load(ordering: .relaxed) }
            } catch {
                if let service { printError("loadgen: service \(service.stop())") }
                return fail("\(error)")
            }
        }
        defer {
            if let service { print("Service       \(service.stop())") }
        }
        // A worker of `loadgen coordinate`: ready, then the common start (by this host's clock).
        var client: CoordinatorClient?
        if let text = parsed.given(Options.coordinator), let shard = configuration.shard {
            do {
                let joined = try Distributed.join(
                    try Distributed.address(text, flag: "coordinator"), shard: shard, parsed: parsed)
                client = joined.client
                configuration.startAtEpochNs = joined.startAtEpochNs
            } catch {
                return fail("\(error)")
            }
        }
        if let start = configuration.startAtEpochNs {
            let wait = Double(start - WallClock.nanosecondsSinceEpoch()) / 1e9
            print("Start         at \(start) ns since the epoch (in \(NumberText.plain(wait)) s)")
        }
        var aborted: String?
        var lastReport: UInt64 = 0
        var result: LoadResult
        // Live progress redraws one line with a terminal escape: only where a person watches it.
        let live = !parsed[Options.noProgress] && isatty(STDERR_FILENO) == 1
        var exited: LoadGenError?
        do {
            let test = try LoadTest(configuration)
            metrics?.follow { test.liveFigures() }
            // The service is sampled from here (its RSS at the start) to the end of the run.
            let watch =
                try service.map { started throws(LoadGenError) in try ServiceWatch(service: started) }
                ?? parsed.given(Options.servicePid).map { pid throws(LoadGenError) in
                    try ServiceWatch(pid: Int32(pid))
                }
            print("Scenario      \(scenario.name)\(scenario.description.map { ": \($0)" } ?? "")")
            if let watch { print("Sampling      pid \(watch.pid) every \(UnitText.format(watch.interval))") }
            // The header is out before the load, also through a pipe or into a file (a log being followed).
            fflush(nil)
            result = try test.run { progress in
                if interrupted.load(ordering: .relaxed) { test.stop() }
                if let client, aborted == nil {
                    if let reason = client.abortReason() {
                        aborted = reason
                        test.stop()
                    } else if MonotonicClock.now() >= lastReport + 1_000_000_000 {
                        lastReport = MonotonicClock.now()
                        client.progress(
                            completed: progress.completed, errors: progress.errors,
                            live: client.sendsLiveFigures ? test.liveFigures() : nil)
                    }
                }
                if exited == nil, let failure = watch?.exitFailure() {
                    exited = failure
                    test.stop()
                }
                if live { StandardStream.write("\r\u{1B}[2K" + progress.line, to: .error) }
            }
            if live { StandardStream.write("\r\u{1B}[2K", to: .error) }
            metrics?.finish(LiveFigures(result: result))
            if let watch {
                if exited == nil { exited = watch.exitFailure() }
                result.service = watch.finish()
            }
        } catch {
            return fail("\(error)")
        }
        // A service that died under load: the run measured its death, not its performance.
        if let exited {
            printError("loadgen: \(exited)")
            return 1
        }
        print(result.summaryTable(warmup: configuration.warmup))
        let name = "\(scenario.name)/total"
        var status: Int32 = 0
        if let client {
            status = sendResult(
                result, name: name, suite: "macro-\(scenario.name)", environment: environment, client: client,
                aborted: aborted)
        }
        do {
            let perfResult = try result.perfResult(name: name)
            if configuration.shard != nil, !scenario.thresholds.isEmpty {
                print("")
                print("Thresholds    not judged on one shard: the merged result of every shard is (loadgen coordinate)")
            } else if !scenario.thresholds.isEmpty {
                let verdicts = scenario.thresholds.map { $0.evaluate(perfResult) }
                print("")
                print(Threshold.summaryTable(verdicts))
                let worst = verdicts.map(\.level).max() ?? .met
                if worst == .critical || (worst == .warning && parsed[Options.strict]) { status = 1 }
            }
            if let path = parsed.given(Options.json) {
                if aborted != nil { print("Partial       the run was aborted: this report is cut short") }
                // A cut-short report keeps out of the gate: its suite has no baseline.
                try LoadReport.write(
                    [LoadReport.Entry(name: name, result: result)],
                    suite: "macro-\(scenario.name)\(aborted == nil ? "" : "-partial")", environment: environment,
                    to: path)
                print("Report        \(path)")
            }
        } catch {
            return fail("\(error)")
        }
        return status
    }

    /// Sends this shard's report to its coordinator and waits for the acknowledgement.
    /// - Returns: 0, or 1 when the run was aborted or the coordinator did not take the result.
    static func sendResult(
        _ result: LoadResult, name: String, suite: String, environment: Environment, client: CoordinatorClient,
        aborted: String?
    ) -> Int32 {
        if let aborted { printError("loadgen: \(aborted)") }
        do {
            let bytes = try LoadReport.bytes(
                [.init(name: name, result: result)], suite: suite, environment: environment)
            let deadline = MonotonicClock.now() + 30_000_000_000
            try client.sendResult(bytes, deadlineNs: deadline)
            print("Coordinator   result sent (\(bytes.count) bytes)\(aborted == nil ? "" : ", partial")")
            if aborted == nil, let problem = client.awaitDone(deadlineNs: deadline) {
                printError("loadgen: \(problem)")
                return 1
            }
        } catch {
            printError("loadgen: cannot send the result to the coordinator: \(error)")
            return 1
        }
        return aborted == nil ? 0 : 1
    }
}
