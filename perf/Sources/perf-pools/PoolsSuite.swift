import MemProbe
import MicroBench
import PerfResult
import PerfSupport
import Pooling

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One run of the suite: measures the selected cases round by round, prints the table and the bars,
/// and writes the report.
///
/// Each round measures every selected case once: single-thread cases with MicroBench's `Sampler`
/// (warmup, batch calibration, samples, preemption filtering), threads cases with `ThreadWindow`. The
/// order alternates between rounds, so neither side of a ratio always runs first.
struct PoolsSuite {
    var options: Options
    /// The selected cases, in report order.
    var cases: [PoolCase]

    /// Runs and returns the exit status: 0, or 2 when the report cannot be written.
    func run(environment: Environment) -> Int32 {
        let loadBefore = LoadAverage.current()
        printHeader(environment: environment, load: loadBefore)
        let run = measure()
        let table = PoolsTable(run: run)
        print("")
        for line in table.lines { print(line) }
        print("")
        for line in table.barLines { print(line) }
        if let loadAfter = LoadAverage.current() { print("load average at the end: \(loadAfter.text)") }
        guard let path = options.jsonPath else { return 0 }
        do {
            try run.report(environment: environment).write(to: path)
        } catch {
            printError("perf-pools: cannot write the report: \(error)")
            return 2
        }
        print("wrote \(path) (\(run.records.count) result\(run.records.count == 1 ? "" : "s"))")
        return 0
    }

    private func printHeader(environment: Environment, load: LoadAverage?) {
        print(environment.description)
        if let warning = environment.buildWarning {
            print(warning)
            if isatty(STDOUT_FILENO) == 0 { printError(warning) }
        }
        if case let .unavailable(reason) = AllocationCounter.availability {
            print("probe allocations unavailable: \(reason)")
        }
        let profile = options.profile
        let policy = profile.samplingPolicy
        print(
            "perf-pools · profile \(profile.rawValue) · \(profile.rounds) rounds · per case and round: MicroBench "
                + "warmup \(NumberText.fixed(policy.warmup.secondsDouble, decimals: 2)) s + "
                + "\(NumberText.fixed(policy.timeBudget.secondsDouble, decimals: 2)) s of samples, thread windows "
                + "\(NumberText.fixed(profile.threadWindow.secondsDouble, decimals: 2)) s")
        guard let load else { return }
        print("load average \(load.text) (1, 5, 15 min)")
        if load.oneMinute > 0.5, cases.contains(where: { $0.name == "threads2/pool" }) {
            print(
                "caution: 1-minute load average \(NumberText.fixed(load.oneMinute, decimals: 2)): threads2 needs two "
                    + "quiet cores; while other work runs, its ops/s and scalingRatio read low "
                    + "(cpuScalingRatio does not)")
        }
    }

    /// Measures every selected case once per round.
    private func measure() -> PoolsRun {
        let profile = options.profile
        let sampler = Sampler(policy: profile.samplingPolicy, probes: [AllocationProbe(scope: .currentThread)])
        var singles: [String: SingleThreadRecord] = [:]
        var threads: [String: ThreadsRecord] = [:]
        var counts: [String: (hits: Int, acquired: Int)] = [:]
        let progress = isatty(STDERR_FILENO) != 0
        for round in 0..<profile.rounds {
            for poolCase in round % 2 == 0 ? cases : cases.reversed() {
                if progress {
                    StandardStream.write(
                        "\r\u{1B}[2K[round \(round + 1)/\(profile.rounds)] \(poolCase.name)", to: .error)
                }
                let before = poolCase.poolStats?()
                switch poolCase.method {
                case let .microBench(suite):
                    let measurement = sampler.measure(suite)[0]
                    singles[poolCase.name, default: SingleThreadRecord(name: poolCase.name, rounds: [])].rounds
                        .append(SingleThreadRecord.Round(measurement))
                case let .threads(count, loop):
                    let window = ThreadWindow(threads: count, window: profile.threadWindow)
                    threads[poolCase.name, default: ThreadsRecord(name: poolCase.name, threads: count, rounds: [])]
                        .rounds.append(window.run(loop))
                }
                if let before, let after = poolCase.poolStats?() {
                    counts[poolCase.name, default: (0, 0)].hits += after.hits - before.hits
                    counts[poolCase.name, default: (0, 0)].acquired += after.acquired - before.acquired
                }
            }
        }
        if progress { StandardStream.write("\r\u{1B}[2K", to: .error) }
        func hitRate(_ name: String) -> Double? {
            guard let count = counts[name], count.acquired > 0 else { return nil }
            return Double(count.hits) / Double(count.acquired)
        }
        return PoolsRun(
            records: cases.map { poolCase in
                if var record = singles[poolCase.name] {
                    record.hitRate = hitRate(poolCase.name)
                    return .single(record)
                }
                var record = threads[poolCase.name]!
                record.hitRate = hitRate(poolCase.name)
                return .threads(record)
            })
    }
}
