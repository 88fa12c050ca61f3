import LoadGen
import PerfResult
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One run: scenario plus flags, the service around it, the table, the report and the exit status.
enum Run {
    /// The scenario of the file (or an ad hoc one for the URL) with the flags applied.
    static func scenario(from options: Options) throws -> Scenario {
        var scenario: Scenario
        if let path = options.scenario {
            let profile = getenv("PERF_PROFILE").map { String(cString: $0) }
            scenario = try Scenario.load(path: path, profile: profile)
            if let url = options.url { scenario.configuration.target = try Target(url: url) }
        } else {
            guard let url = options.url else { throw UsageError("give a URL or --scenario FILE; see loadgen --help") }
            scenario = Scenario(name: "adhoc", configuration: LoadConfiguration(target: try Target(url: url)))
        }
        if let name = options.name { scenario.name = name }
        var configuration = scenario.configuration
        if let value = options.connections { configuration.connections = value }
        if let value = options.threads { configuration.threads = value }
        if let value = options.duration { configuration.duration = value }
        if let value = options.count {
            configuration.count = value
            if options.duration == nil, options.scenario == nil { configuration.duration = nil }
        }
        if let value = options.rate { configuration.rate = value }
        if let value = options.pipelining { configuration.pipelining = value }
        if let value = options.timeout { configuration.timeout = value }
        if let value = options.warmup { configuration.warmup = value }
        if let value = options.grace { configuration.grace = value }
        if options.method != nil || !options.headers.isEmpty || options.body != nil || options.bodyFile != nil {
            var request = configuration.requests.count == 1 ? configuration.requests[0] : RequestTemplate()
            if let method = options.method { request.method = method }
            request.headers += options.headers
            if let body = options.body { request.body = body }
            if let file = options.bodyFile {
                do {
                    request.body = try AtomicFile.read(file)
                } catch {
                    throw UsageError("--body-file: \(error)")
                }
            }
            configuration.requests = [request]
        }
        try configuration.validate()
        scenario.configuration = configuration
        return scenario
    }

    static func execute(_ scenario: Scenario, options: Options, environment: Environment, searchDirectories: [String])
        -> Int32
    {
        let configuration = scenario.configuration
        var service: ServiceProcess?
        if let spec = scenario.service {
            do {
                let started = try ServiceProcess.start(spec, searchDirectories: searchDirectories)
                service = started
                print("Service       \(started.executable) (pid \(started.pid), log \(started.logPath))")
                try started.waitUntilReady { interrupted.load(ordering: .relaxed) }
            } catch {
                if let service { standardError("loadgen: service \(service.stop())") }
                standardError("loadgen: \(error)")
                return 2
            }
        }
        defer {
            if let service { print("Service       \(service.stop())") }
        }
        let result: LoadResult
        let live = options.progress && isatty(2) == 1
        do {
            let test = try LoadTest(configuration)
            print("Scenario      \(scenario.name)\(scenario.description.map { ": \($0)" } ?? "")")
            result = try test.run { progress in
                if interrupted.load(ordering: .relaxed) { test.stop() }
                if live { standardErrorInPlace(progress.line) }
            }
            if live { standardErrorInPlace("") }
        } catch {
            standardError("loadgen: \(error)")
            return 2
        }
        print(result.summaryTable(warmup: configuration.warmup))
        let name = "\(scenario.name)/total"
        var status: Int32 = 0
        do {
            let perfResult = try result.perfResult(name: name)
            if !scenario.thresholds.isEmpty {
                status = printThresholds(scenario.thresholds.map { $0.evaluate(perfResult) })
            }
            if let path = options.json {
                try LoadReport.write(
                    [LoadReport.Entry(name: name, result: result)], suite: "macro-\(scenario.name)",
                    environment: environment, to: path)
                print("Report        \(path)")
            }
        } catch {
            standardError("loadgen: \(error)")
            return 2
        }
        return status
    }

    /// Prints the threshold table; returns 1 when a level fails the run.
    static func printThresholds(_ verdicts: [Threshold.Verdict]) -> Int32 {
        let strict = getenv("STRICT_PERF").map { String(cString: $0) } == "1"
        print("")
        print(Threshold.summaryTable(verdicts))
        let worst = verdicts.map(\.level).max() ?? .met
        if worst == .critical { return 1 }
        if worst == .warning, strict { return 1 }
        return 0
    }

    static func standardErrorInPlace(_ text: String) {
        var line = "\r\u{1B}[2K" + text
        line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }
}
