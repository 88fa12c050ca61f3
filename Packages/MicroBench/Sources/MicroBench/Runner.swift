import PerfResult
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One run of the command-line runner: parse, select, measure, print, write the report.
///
/// Everything it touches from outside is injected (clocks, streams, variables, the environment
/// capture, the harness floor), so tests run it end to end with a fake clock.
struct Runner {
    var suites: [Suite]
    var reportName: String
    var probes: [any Probe]
    /// Records allocation sites for `--allocation-sites`; `nil` when the executable gave none.
    var siteRecorder: (any AllocationSiteRecorder)?
    var clocks: Clocks
    var console: Console
    /// The process environment variables: the runner reads `PERF_PROFILE`, `NO_COLOR`, and `PATH` and
    /// `TMPDIR` for `--instructions`.
    var variables: [String: String]
    var captureEnvironment: () -> Environment
    /// Measures the harness floor in ns/op; `nil` skips it (tests with a fake clock).
    var measureHarnessFloor: (() -> Double)?
    /// The report's suite name with `--instructions`.
    var instructionsReportName = "instructions"
    /// The number of processes to measure in when `--forks` is not given, by profile (1: this process).
    var defaultForks: @Sendable (PerfProfile) -> Int = { _ in 1 }

    /// Runs with `arguments` (without the program name) and returns the exit status: 0, or 2 after
    /// `programName: message` on standard error.
    func run(arguments: [String], programName: String) -> Int32 {
        let command = RunOptions.command(
            programName: programName, reportName: reportName, instructionsReportName: instructionsReportName)
        do {
            let parsed = try command.parse(arguments, environment: variables)
            if parsed.helpRequested {
                console.write(parsed.helpText)
                return 0
            }
            return try runChecked(RunOptions(parsed), arguments: arguments)
        } catch {
            console.writeError(console.errorColors(variables).paint("\(programName):", .bold + .red) + " \(error)\n")
            return UsageError.exitStatus
        }
    }

    private func runChecked(_ options: RunOptions, arguments: [String]) throws(MicroBenchError) -> Int32 {
        let filter = NameFilter(options.filters)
        let registered = suites.flatMap { $0.tasks() }
        Runner.checkUnique(registered)
        if let name = options.callgrindChild {
            return try Runner.runCallgrindChild(name, in: registered, iterations: options.iterations)
        }
        var tasks = registered.filter { filter.matches($0.name) }
        // A fork measures the tasks in an order rotated by its position, so no task always runs first or last.
        if let position = ForkPosition(environment: variables) { tasks = position.rotated(tasks) }
        guard !tasks.isEmpty else {
            if options.filters.isEmpty { preconditionFailure("MicroBench.main was given no tasks to run") }
            throw .noTaskMatches(filters: options.filters)
        }
        if options.list {
            console.write(tasks.map { $0.name + "\n" }.joined())
            return 0
        }
        if let path = options.jsonPath { try Runner.checkWritable(path) }

        var environment = captureEnvironment()
        if options.requireRelease && environment.buildConfiguration == .debug { throw .debugBuildRefused }
        environment.profile = options.profile.rawValue
        if options.instructions {
            return try countInstructions(
                tasks, iterations: options.iterations, environment: environment, jsonPath: options.jsonPath)
        }
        // The system metrics asked for join the suite's probes; with none, nothing more is read.
        var runner = self
        runner.probes += SystemMetric.probes(for: options.metrics)
        return try runner.measureAndWrite(options, tasks: tasks, arguments: arguments, environment: environment)
    }

    /// Measures `tasks` in this process or in forks, prints them and writes the report.
    private func measureAndWrite(
        _ options: RunOptions, tasks: [BenchTask], arguments: [String], environment: Environment
    ) throws(MicroBenchError) -> Int32 {
        // Sites are recorded in one process: --allocation-sites without --forks measures here.
        let forks = options.forks ?? (options.allocationSites != nil ? 1 : defaultForks(options.profile))
        if forks > 1 {
            return try measureInForks(
                options, forks: forks, tasks: tasks, arguments: arguments, environment: environment)
        }
        var policy = options.profile == .quick ? SamplingPolicy.quick : SamplingPolicy.full
        if let time = options.time { policy.timeBudget = time }
        let results = measure(tasks, policy: policy, environment: environment, allocationSites: options.allocationSites)
        if let path = options.jsonPath {
            try writeReport(suite: reportName, results.map { $0.result() }, environment: environment, to: path)
        }
        return 0
    }

    /// Writes the report of `results` to `path`, and a line that says so.
    func writeReport(suite: String, _ results: [Result], environment: Environment, to path: String)
        throws(MicroBenchError)
    {
        do {
            try Report(suite: suite, environment: environment, results: results).write(to: path)
        } catch {
            throw .reportFailed(error)
        }
        console.write("wrote \(path) (\(results.count) result\(results.count == 1 ? "" : "s"))\n")
    }

    /// Prints the header, measures each task and prints its row as soon as it is done.
    private func measure(
        _ tasks: [BenchTask], policy: SamplingPolicy, environment: Environment, allocationSites top: Int?
    ) -> [Measurement] {
        let colors = console.outputColors(variables)
        writeEnvironment(environment, colors: colors)
        let available = probes.filter { $0.availability == .available }
        for probe in probes {
            if case let .unavailable(reason) = probe.availability {
                console.write(colors.paint("probe \(probe.name) unavailable: \(reason)", .yellow) + "\n")
            }
        }
        let floor = tasks.contains { $0.form == .closure } ? measureHarnessFloor?() : nil
        var settings = "MicroBench · profile \(environment.profile ?? "full") · warmup "
        settings += "\(NumberText.fixed(policy.warmup.secondsDouble, decimals: 2)) s · "
        settings += "\(NumberText.fixed(policy.timeBudget.secondsDouble, decimals: 2)) s per task · samples ≥ "
        settings += NumberText.duration(nanoseconds: Double(policy.effectiveSampleNanoseconds))
        if let floor { settings += " · harness floor \(NumberText.nanoseconds(floor)) ns/op" }
        console.write(colors.paint(settings, .dim) + "\n\n")

        let table = ResultTable(
            names: tasks.map(\.name), probeMetricKeys: Runner.metricKeys(of: available),
            showsThroughput: tasks.contains { $0.throughput != nil })
        console.write(colors.paint(table.header(), .bold) + "\n")
        var sampler = Sampler(policy: policy, clocks: clocks, probes: available, harnessFloor: floor)
        if top != nil { sampler.siteRecording = siteRecording(colors: colors) }
        var results: [Measurement] = []
        for (index, task) in tasks.enumerated() {
            if console.errorIsTerminal { console.writeError("\r\u{1B}[2K[\(index + 1)/\(tasks.count)] \(task.name)") }
            let measurement = sampler.measure(task)
            if console.errorIsTerminal { console.writeError("\r\u{1B}[2K") }
            let row = table.row(measurement)
            console.write(colors.paint(row, measurement.findings.isEmpty ? nil : .yellow) + "\n")
            if let top, let sites = measurement.allocationSites { writeSites(sites, top: top, colors: colors) }
            results.append(measurement)
        }
        writeNotes(results, colors: colors)
        return results
    }

    /// Prints the environment line, and the debug-build warning (also on standard error when standard
    /// output is not a terminal).
    func writeEnvironment(_ environment: Environment, colors: TerminalColors) {
        console.write(colors.paint(environment.description, .bold) + "\n")
        if let warning = environment.buildWarning {
            console.write(colors.paint(warning, .bold + .red) + "\n")
            if !console.outputIsTerminal { console.writeError(warning + "\n") }
        }
    }

    /// Explains each finding once, with the tasks it applies to.
    private func writeNotes(_ results: [Measurement], colors: TerminalColors) {
        var order: [String] = []
        var byLabel: [String: (explanation: String, names: [String])] = [:]
        for measurement in results {
            for finding in measurement.findings {
                if byLabel[finding.label] == nil {
                    order.append(finding.label)
                    byLabel[finding.label] = (finding.explanation, [])
                }
                byLabel[finding.label]!.names.append(measurement.name)
            }
        }
        guard !order.isEmpty else { return }
        console.write("\nnotes:\n")
        for label in order {
            let entry = byLabel[label]!
            console.write(
                "  \(colors.paint(label, .yellow)): \(entry.explanation) (\(entry.names.joined(separator: ", ")))\n")
        }
    }

    /// The metric keys the probes report, learned from one empty window before anything is measured.
    static func metricKeys(of probes: [any Probe]) -> [String] {
        guard !probes.isEmpty else { return [] }
        for probe in probes { probe.start() }
        for probe in probes.reversed() { probe.stop() }
        var keys: [String] = []
        for metric in probes.flatMap({ $0.metrics(operations: 1) }) where !keys.contains(metric.key) {
            keys.append(metric.key)
        }
        return keys
    }

    private static func checkUnique(_ tasks: [BenchTask]) {
        var seen: Set<String> = []
        for task in tasks {
            precondition(
                seen.insert(task.name).inserted, "two suites define \"\(task.name)\": give each suite its own name")
        }
    }

    /// Fails early, before minutes of measuring, when the report could not be written.
    static func checkWritable(_ path: String) throws(MicroBenchError) {
        var info = stat()
        if stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            throw .reportNotWritable(path: path, reason: "it is a directory")
        }
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let checked = directory.isEmpty ? "/" : directory
        guard access(checked, W_OK) == 0 else {
            let reason = SystemError.capture("access").text
            throw .reportNotWritable(path: path, reason: "\(checked): \(reason)")
        }
    }
}
