import MemProbe
import PerfResult
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A run of the suite: every case in turn, the table, the bars and checks, then the JSON report.
@MainActor
struct ViewModelSuite {
    let options: Options

    /// The exit status of a run.
    enum Outcome: Int32 {
        case passed = 0
        case failed = 1
        case badUsage = 2
    }

    /// The reconcile bar of the issue, in nanoseconds per tick.
    static let churnBarNanoseconds = 40_000.0

    /// Runs the suite, printing as it goes; `environment` heads the output and the report.
    func run(environment: Environment) -> Outcome {
        print(environment.description)
        if let warning = environment.buildWarning { print(warning) }
        switch AllocationCounter.availability {
        case .available: print("allocation counter: counting")
        case .unavailable(let reason): print("allocation counter: unavailable (\(reason)); no allocation figures")
        }
        print(
            "churn: \(CaseRun.churnRows) rows, \(Int(CaseRun.churnFraction * 100)) % replaced and 10 edited per tick, "
                + "\(options.ticksPerCase) ticks; mountUnmount: \(CaseRun.screenRows) rows, "
                + "\(CaseRun.updatesPerMount + 1) updates per mount, \(options.cyclesPerCase) cycles; "
                + "pools keep \(CaseRun.churnMaxIdle) (churn) and \(CaseRun.mountMaxIdle) (mount) idle; "
                + "seed \(options.seed)")
        // Every case as a step, so that a fork (--forks) can rotate their order by its position.
        var steps: [(name: String, run: () -> CaseRun)] = []
        for model in ModelKind.allCases {
            for kind in ListKind.allCases {
                steps.append(
                    (
                        "churn/\(kind.rawValue) (\(model.rawValue))",
                        { CaseRun.churn(kind, model: model, ticks: options.ticksPerCase, seed: options.seed) }
                    ))
            }
            for kind in ListKind.allCases {
                steps.append(
                    (
                        "mountUnmount/\(kind.rawValue) (\(model.rawValue))",
                        { CaseRun.mountUnmount(kind, model: model, cycles: options.cyclesPerCase, seed: options.seed) }
                    ))
            }
        }
        if let position = ForkPosition(environment: ProcessEnvironment.current()) { steps = position.rotated(steps) }
        var runs: [CaseRun] = []
        for step in steps {
            progress(step.name)
            runs.append(step.run())
        }
        print("")
        print(CaseRun.table(runs))
        print("")
        let failures = checks(runs)
        if let path = options.jsonPath, !writeReport(runs, environment: environment, to: path) {
            return .badUsage
        }
        print(
            "viewmodel: \(runs.count) cases, "
                + (failures.isEmpty
                    ? "every check passed" : "\(failures.count) check(s) failed: " + failures.joined(separator: "; ")))
        return failures.isEmpty ? .passed : .failed
    }

    /// Prints the bars and checks; returns the failed checks.
    private func checks(_ runs: [CaseRun]) -> [String] {
        func mark(_ passed: Bool) -> String { passed ? "✓" : "✗" }
        var failures: [String] = []
        print("bars and checks:")
        if let pooled = runs.first(where: {
            $0.workload == .churn && $0.kind == .pooled && $0.parameters["model"] == "class"
        }),
            let plain = runs.first(where: {
                $0.workload == .churn && $0.kind == .plain && $0.parameters["model"] == "class"
            })
        {
            let nanoseconds = pooled.measurement.percentiles.p50
            let ratio = nanoseconds / plain.measurement.percentiles.p50
            print(
                "  pooled reconcile, 1,000 rows, 10 % churn ≤ 40 µs per tick (median): "
                    + "\(NumberText.fixed(nanoseconds / 1000, decimals: 1)) µs "
                    + "\(mark(nanoseconds <= Self.churnBarNanoseconds)) (plain keyed list: "
                    + "\(NumberText.fixed(plain.measurement.percentiles.p50 / 1000, decimals: 1)) µs, ratio "
                    + "\(NumberText.fixed(ratio, decimals: 2)); shown, "
                    + "not enforced: timing is the regression gate's job)")
        }
        for run in runs where run.workload == .churn && run.kind == .pooled {
            let perTick = run.measurement.viewModelsCreatedPerOperation
            let allocations =
                run.measurement.allocationsPerOperation.map {
                    ", all allocations \(NumberText.fixed($0, decimals: 2))/tick"
                }
                ?? ""
            print(
                "  \(run.displayName): view models created per tick in steady state = 0: "
                    + "\(NumberText.fixed(perTick, decimals: 3))\(allocations) \(mark(perTick == 0))")
            if perTick != 0 { failures.append("\(run.displayName) creates view models in steady state") }
        }
        for run in runs {
            let slope =
                run.liveAllocationSlope.map { "\(NumberText.fixed($0, decimals: 4, signed: true)) allocations" }
                ?? "n/a"
            let heap = run.heapSlope.map { "\(NumberText.fixed($0, decimals: 1, signed: true)) B" } ?? "n/a"
            let unit = run.workload == .churn ? "tick" : "cycle"
            let verdict = run.leaked ? "LEAK" : "no leak"
            print(
                "  \(run.displayName): heap slope ≈ 0: \(heap)/\(unit), live \(slope)/\(unit), "
                    + "leak check: \(verdict) \(mark(!run.leaked))")
            if run.leaked { failures.append("\(run.displayName) leaks: \(run.measurement.leak.summary)") }
            if run.measurement.failedChecks > 0 {
                let what =
                    run.workload == .churn ? "live view models ≠ rows" : "rows or live view models left after unmount"
                print("  \(run.displayName): \(what) after \(run.measurement.failedChecks) \(unit)(s) ✗")
                failures.append("\(run.displayName): \(what)")
            }
        }
        print(
            "  live view models = rows after every tick; no row and no live view model after every unmount: "
                + mark(runs.allSatisfy { $0.measurement.failedChecks == 0 }))
        return failures
    }

    private func progress(_ name: String) {
        if isatty(STDERR_FILENO) != 0 { printError("running \(name)…") }
    }

    private func writeReport(_ runs: [CaseRun], environment: Environment, to path: String) -> Bool {
        do {
            var report = try Report(suite: "viewmodel", environment: environment)
            for run in runs { try report.append(try run.result()) }
            try report.write(to: path)
            print("wrote \(path)")
            return true
        } catch {
            printError("perf-viewmodel: \(error)")
            return false
        }
    }
}
