import PerfResult
import PerfSupport

extension Runner {
    /// `--forks N`: runs this executable N times (`--forks 1`, the other arguments unchanged), each process
    /// measuring every selected task, and merges them: each metric's value is the median of the processes' values,
    /// its samples are those values, and the table's ± is the interval for another run's median
    /// (`RepeatInterval`), from the spread between processes rather than inside one.
    func measureInForks(
        _ options: RunOptions, forks: Int, tasks: [BenchTask], arguments: [String], environment: Environment
    ) throws(MicroBenchError) -> Int32 {
        let colors = console.outputColors(variables)
        writeEnvironment(environment, colors: colors)
        console.write(
            colors.paint(
                "MicroBench · profile \(environment.profile ?? "full") · \(forks) forks of \(tasks.count) "
                    + "task\(tasks.count == 1 ? "" : "s"), each in its own process (layout perturbed, order rotated)",
                .dim) + "\n\n")
        let merged: Report
        do {
            merged = try SelfForks.run(
                forks: forks, arguments: arguments, environment: ProcessEnvironment.current(),
                progress: { line in if console.errorIsTerminal { console.writeError("\r\u{1B}[2K" + line) } }
            ).report
        } catch {
            if console.errorIsTerminal { console.writeError("\r\u{1B}[2K") }
            throw .forksFailed(reason: "\(error)")
        }
        if console.errorIsTerminal { console.writeError("\r\u{1B}[2K") }
        let probeKeys = Runner.metricKeys(of: probes.filter { $0.availability == .available })
        console.write(merged.forkTable(keys: ["nsPerOp"] + probeKeys, colors: colors) + "\n")
        if let path = options.jsonPath {
            do {
                try merged.write(to: path)
            } catch {
                throw .reportFailed(error)
            }
            console.write("wrote \(path) (\(merged.results.count) results, \(forks) forks)\n")
        }
        return 0
    }
}
