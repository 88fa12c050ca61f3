import MemProbe
import PerfResult
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A run of the memory suite: every selected spec in turn, its table, a snapshot for each leak, then the
/// JSON report.
struct MemorySuite {
    let options: Options
    let specs: [MemorySpec]

    /// The exit status of a run.
    enum Outcome: Int32 {
        /// Every verdict as its spec expects: no leak, or the leak a spec is built to have.
        case noLeak = 0
        /// A leak in a healthy spec or an injected one, or a spec's built-in leak missed.
        case leak = 1
        case badUsage = 2
    }

    /// The leak check every spec runs under.
    var check: LeakCheck {
        do {
            return try LeakCheck(
                .init(length: .iterations(options.iterationsPerSpec), sampleEvery: options.sampleEvery))
        } catch {
            preconditionFailure("Options.parse keeps iterations in range: \(error)")
        }
    }

    /// Runs the suite, printing as it goes; `environment` heads the output and the report.
    func run(environment: Environment) -> Outcome {
        print(environment.description)
        if let warning = environment.buildWarning { print(warning) }
        switch AllocationCounter.availability {
        case .available:
            print("allocation counter: counting (live allocations decide the verdicts)")
        case .unavailable(let reason) where AllocationCounter.isCompiledOutForSanitizer:
            // glibc's heap numbers are compiled out with the counter: the sanitizer's allocator owns malloc.
            print("allocation counter: unavailable (\(reason)); no heap bytes either: every verdict is inconclusive")
        case .unavailable(let reason):
            print("allocation counter: unavailable (\(reason)); heap bytes decide the verdicts")
        }
        let check = check
        print(
            "\(specs.count) spec(s), \(options.iterationsPerSpec) iterations each, a sample every "
                + "\(options.sampleEvery), seed \(options.seed)"
                + (options.injection.map { "; injected leak: \($0.rawValue) (must be flagged)" } ?? ""))
        print(SpecRun.checksLegend(check.configuration))
        var runs: [SpecRun] = []
        for spec in specs {
            if isatty(STDERR_FILENO) != 0 { printError("running \(spec.name)…") }
            let run = SpecRun.run(spec, seed: options.seed, injection: options.injection, check: check)
            print("")
            print(run.table)
            if run.isExpectedLeak {
                print("  no snapshot: the leak is the spec's own")
            } else if run.report.isLeak {
                writeSnapshot(of: run)
            }
            runs.append(run)
        }
        print("")
        print(Self.summary(of: runs))
        if let path = options.jsonPath, !writeReport(runs, environment: environment, to: path) {
            return .badUsage
        }
        return Self.outcome(of: runs)
    }

    /// `.leak` when a run fails the suite (a leak other than a spec's built-in one, or a built-in leak
    /// missed), else `.noLeak`.
    static func outcome(of runs: [SpecRun]) -> Outcome {
        runs.contains(where: \.failsSuite) ? .leak : .noLeak
    }

    /// The last line: specs, leaks (built-in ones marked expected), inconclusive runs and missed leaks.
    static func summary(of runs: [SpecRun]) -> String {
        let leaks = runs.filter(\.report.isLeak)
        let inconclusive = runs.filter { if case .inconclusive = $0.report.verdict { true } else { false } }
        let missed = runs.filter(\.missedExpectedLeak)
        return "memory: \(runs.count) spec(s), \(leaks.count) leak(s)"
            + (inconclusive.isEmpty ? "" : ", \(inconclusive.count) inconclusive")
            + (leaks.isEmpty
                ? ""
                : ": " + leaks.map { $0.displayName + ($0.isExpectedLeak ? " (expected)" : "") }.joined(separator: ", "))
            + (missed.isEmpty ? "" : "; MISSED, built to leak: " + missed.map(\.displayName).joined(separator: ", "))
    }

    private func writeSnapshot(of run: SpecRun) {
        let executable = CommandLine.arguments.first ?? "perf-memory"
        do {
            let location = try LeakSnapshot.write(
                run.report, spec: run.snapshotName, directory: options.snapshotDirectory,
                arguments: run.repeatArguments(executable: executable, options: options))
            print("  snapshot: \(location.path)")
            print("  call stacks: \(location.heaptrackCommand)")
        } catch {
            printError("perf-memory: \(error)")
        }
    }

    private func writeReport(_ runs: [SpecRun], environment: Environment, to path: String) -> Bool {
        do {
            var report = try Report(suite: "memory", environment: environment)
            for run in runs { try report.append(try run.result()) }
            try report.write(to: path)
            print("wrote \(path)")
            return true
        } catch {
            printError("perf-memory: \(error)")
            return false
        }
    }
}
