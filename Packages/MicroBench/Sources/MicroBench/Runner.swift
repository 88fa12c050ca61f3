import PerfResult

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
    var clocks: Clocks
    var console: Console
    /// The process environment variables the runner reads: `PERF_PROFILE`, `NO_COLOR`, and `PATH` and
    /// `TMPDIR` for `--instructions`.
    var variables: [String: String]
    var captureEnvironment: () -> Environment
    /// Measures the harness floor in ns/op; `nil` skips it (tests with a fake clock).
    var measureHarnessFloor: (() -> Double)?
    /// The report's suite name with `--instructions`.
    var instructionsReportName = "instructions"

    /// Runs with `arguments` (without the program name) and returns the exit status.
    func run(arguments: [String], programName: String) -> Int32 {
        do {
            return try runChecked(arguments: arguments, programName: programName)
        } catch {
            let style = Style(enabled: console.errorIsTerminal && !colorDisabled)
            console.writeError(style.loud("error:") + " \(error)\n")
            return 2
        }
    }

    var colorDisabled: Bool {
        !(variables["NO_COLOR"] ?? "").isEmpty
    }

    private func runChecked(arguments: [String], programName: String) throws(MicroBenchError) -> Int32 {
        let options = try RunOptions.parse(arguments)
        if options.help {
            console.write(
                RunOptions.usage(
                    programName: programName, reportName: reportName, instructionsReportName: instructionsReportName))
            return 0
        }
        let (profile, policy) = try resolvePolicy(options)
        let filter = NameFilter(options.filters)
        let registered = suites.flatMap { $0.tasks() }
        Runner.checkUnique(registered)
        if let name = options.callgrindChild {
            return try Runner.runCallgrindChild(
                name, in: registered, iterations: options.iterations ?? CallgrindInvocation.defaultIterations)
        }
        let tasks = registered.filter { filter.matches($0.name) }
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
        environment.profile = profile
        if options.instructions {
            return try countInstructions(
                tasks, iterations: options.iterations ?? CallgrindInvocation.defaultIterations,
                environment: environment, jsonPath: options.jsonPath)
        }
        let results = measure(tasks, policy: policy, environment: environment)
        if let path = options.jsonPath {
            do {
                try Report(suite: reportName, environment: environment, results: results.map { $0.result() })
                    .write(to: path)
            } catch {
                throw .reportFailed(error)
            }
            console.write("wrote \(path) (\(results.count) result\(results.count == 1 ? "" : "s"))\n")
        }
        return 0
    }

    /// The profile name and policy from `PERF_PROFILE`, `--quick` and `--time`.
    private func resolvePolicy(_ options: RunOptions) throws(MicroBenchError) -> (String, SamplingPolicy) {
        let variable = variables["PERF_PROFILE"] ?? ""
        guard ["", "full", "quick"].contains(variable) else { throw .invalidProfile(variable) }
        let profile = options.quick || variable == "quick" ? "quick" : "full"
        var policy = profile == "quick" ? SamplingPolicy.quick : SamplingPolicy.full
        if let time = options.time { policy.timeBudget = .nanoseconds(Int64(time * 1e9)) }
        return (profile, policy)
    }

    /// Prints the header, measures each task and prints its row as soon as it is done.
    private func measure(_ tasks: [BenchTask], policy: SamplingPolicy, environment: Environment) -> [Measurement] {
        let style = Style(enabled: console.outputIsTerminal && !colorDisabled)
        writeEnvironment(environment, style: style)
        let available = probes.filter { $0.availability == .available }
        for probe in probes {
            if case let .unavailable(reason) = probe.availability {
                console.write(style.yellow("probe \(probe.name) unavailable: \(reason)") + "\n")
            }
        }
        let floor = tasks.contains { $0.form == .closure } ? measureHarnessFloor?() : nil
        var settings = "MicroBench · profile \(environment.profile ?? "full") · warmup "
        settings += "\(NumberFormat.fixed(policy.warmup.seconds, decimals: 2)) s · "
        settings += "\(NumberFormat.fixed(policy.timeBudget.seconds, decimals: 2)) s per task · samples ≥ "
        settings += NumberFormat.duration(nanoseconds: Double(policy.effectiveSampleNanoseconds))
        if let floor { settings += " · harness floor \(NumberFormat.nanoseconds(floor)) ns/op" }
        console.write(style.dim(settings) + "\n\n")

        let table = ResultTable(
            names: tasks.map(\.name), probeMetricKeys: Runner.metricKeys(of: available),
            showsThroughput: tasks.contains { $0.throughput != nil })
        console.write(style.bold(table.header()) + "\n")
        let sampler = Sampler(policy: policy, clocks: clocks, probes: available, harnessFloor: floor)
        var results: [Measurement] = []
        for (index, task) in tasks.enumerated() {
            if console.errorIsTerminal { console.writeError("\r\u{1B}[2K[\(index + 1)/\(tasks.count)] \(task.name)") }
            let measurement = sampler.measure(task)
            if console.errorIsTerminal { console.writeError("\r\u{1B}[2K") }
            let row = table.row(measurement)
            console.write((measurement.findings.isEmpty ? row : style.yellow(row)) + "\n")
            results.append(measurement)
        }
        writeNotes(results, style: style)
        return results
    }

    /// Prints the environment line, and the debug-build warning (also on standard error when standard
    /// output is not a terminal).
    func writeEnvironment(_ environment: Environment, style: Style) {
        console.write(style.bold(environment.description) + "\n")
        if let warning = environment.buildWarning {
            console.write(style.loud(warning) + "\n")
            if !console.outputIsTerminal { console.writeError(warning + "\n") }
        }
    }

    /// Explains each finding once, with the tasks it applies to.
    private func writeNotes(_ results: [Measurement], style: Style) {
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
            console.write("  \(style.yellow(label)): \(entry.explanation) (\(entry.names.joined(separator: ", ")))\n")
        }
    }

    /// The metric keys the probes report, learned from one empty window before anything is measured.
    private static func metricKeys(of probes: [any Probe]) -> [String] {
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
            throw .reportNotWritable(path: path, reason: "\(checked): \(String(cString: strerror(errno)))")
        }
    }
}
