import PerfResult
import PerfSupport

/// `perf-check coverage RUN.json...`: how often each run's figure falls inside the others' 95 % intervals.
extension PerfCheckCommand {
    static let coverageMetric = Option(
        "metric", .string.placeholder("KEY"), default: "nsPerOp", help: "the metric whose intervals are checked")
    static let minimumCoverage = Option(
        "min", .number.placeholder("PERCENT").within(0...100),
        help: "exit 1 when the coverage is below PERCENT (e.g. 90)")

    static let coverage = Command(
        "coverage",
        summary: """
            Checks that the uncertainty a suite prints is honest. Give the reports of several independent runs of
            one suite, each measured in forks (e.g. five runs of perf-micro --forks 5 --json runN.json): for every
            result and every ordered pair of runs, it checks whether the first run's figure falls inside the 95 %
            interval for another run's median that the second run reported (the ± of its table). An honest
            interval is hit about 95 % of the time.
            """,
        options: [coverageMetric, minimumCoverage],
        positionals: [Positional("RUN.json", .oneOrMore, help: "reports of independent runs of one suite, with forks")],
        footer: "Exit status: 0 done, 1 the coverage is below --min, 2 bad usage or input.")

    /// Runs `perf-check coverage` as `parsed` says.
    static func runCoverage(_ parsed: ParsedArguments) -> CheckRun.Output {
        let files = parsed.positionals
        guard files.count >= 2 else {
            return CheckRun.Output(
                standardOutput: "", standardError: "perf-check coverage: give at least two reports; see --help\n",
                exitCode: 2)
        }
        var runs: [Report] = []
        for file in files {
            do {
                runs.append(try Report.read(from: file))
            } catch {
                return CheckRun.Output(
                    standardOutput: "", standardError: "perf-check coverage: \(error)\n", exitCode: 2)
            }
        }
        let metric = parsed[coverageMetric] ?? "nsPerOp"
        let coverage = RepeatCoverage(runs: runs, metric: metric)
        guard coverage.checks > 0 else {
            return CheckRun.Output(
                standardOutput: "",
                standardError: "perf-check coverage: no result has \(metric) with fork samples in two runs; "
                    + "measure with --forks\n", exitCode: 2)
        }
        var text =
            "\(metric): \(coverage.hits) of \(coverage.checks) figures inside the other runs' 95 % "
            + "intervals (\(NumberText.fixed(coverage.coverage * 100, decimals: 1)) %)\n"
        if !coverage.misses.isEmpty {
            var table = TextTable([
                .left("run"), .left("interval of"), .left("result"), .right("figure"), .right("interval"),
            ])
            for miss in coverage.misses.prefix(30) {
                table.append([
                    "\(miss.run)", "run \(miss.intervalOf)", miss.result, NumberText.significant(miss.value),
                    "\(NumberText.significant(miss.lower))–\(NumberText.significant(miss.upper))",
                ])
            }
            text += "misses:\n" + table.rendered(indent: "  ") + "\n"
            if coverage.misses.count > 30 { text += "  … and \(coverage.misses.count - 30) more\n" }
        }
        let below = parsed[minimumCoverage].map { coverage.coverage * 100 < $0 } ?? false
        return CheckRun.Output(standardOutput: text, standardError: "", exitCode: below ? 1 : 0)
    }
}
