import Foundation
import PerfResult
import PerfSupport
import Regression

/// The three simulations of `regression-sim`, their tables and their bars.
enum RegressionSimulation {
    /// The scenarios every run simulates: A/A comparisons, then real slowdowns, under three kinds of noise.
    static let scenarios: [FalseAlarmSimulation.Scenario] = [
        .init(name: "A/A", noise: NoiseModel(), slowdown: 0),
        .init(name: "A/A, 10 % outliers", noise: NoiseModel(outlierProbability: 0.10), slowdown: 0),
        .init(name: "A/A, run drift 3 %", noise: NoiseModel(runDrift: 0.03), slowdown: 0),
        .init(name: "+20 %", noise: NoiseModel(), slowdown: 0.20),
        .init(name: "+20 %, 10 % outliers", noise: NoiseModel(outlierProbability: 0.10), slowdown: 0.20),
        .init(name: "+20 %, run drift 3 %", noise: NoiseModel(runDrift: 0.03), slowdown: 0.20),
        .init(name: "+10 % (at the threshold)", noise: NoiseModel(), slowdown: 0.10),
        .init(name: "+15 %", noise: NoiseModel(), slowdown: 0.15),
    ]

    /// Runs the simulations and the scale check, printing as it goes; returns 0 when every bar is met, else 1.
    /// - Throws: What writing the scale files throws.
    static func run(_ options: SimulationOptions) throws -> Int32 {
        let environment = Environment.capture()
        print("regression-sim · \(environment)")
        if let warning = environment.buildWarning { print(warning) }
        print(
            "seed \(options.seed), \(options.comparisons) comparisons per scenario, 10 samples a side, shipped rule "
                + "for nsPerOp (+10 %, Mann–Whitney U p < 0.05)\n")

        let simulation = FalseAlarmSimulation(samplesPerSide: 10, comparisons: options.comparisons, seed: options.seed)
        let table = TextTable([
            .left("scenario", minimumWidth: 24), .left("noise", minimumWidth: 42), .left("gate flags"),
            .left("U test alone"), .left("threshold alone"),
        ])
        print(table.headerLine())
        var outcomes: [String: FalseAlarmSimulation.Outcome] = [:]
        for scenario in scenarios {
            let outcome = simulation.run(scenario)
            outcomes[scenario.name] = outcome
            print(
                table.line([
                    .init(scenario.name), .init(scenario.noise.description),
                    .init(share(outcome.gateFlagged, of: outcome)),
                    .init(share(outcome.testAloneFlagged, of: outcome)),
                    .init(share(outcome.thresholdAloneFlagged, of: outcome)),
                ]))
        }

        let fullMedian = try timeScale(seed: options.seed, keep: options.keep)
        let aa = outcomes["A/A"]!
        let power = outcomes["+20 %"]!
        let bars: [(String, Bool)] = [
            ("A/A flagged <= 1 %: \(share(aa.gateFlagged, of: aa))", aa.gateFlagged * 100 <= aa.comparisons),
            (
                "20 % regressions flagged >= 95 %: \(share(power.gateFlagged, of: power))",
                power.gateFlagged * 100 >= 95 * power.comparisons
            ),
            (
                "10 suites × 100 results checked <= 1 s: \(Int((fullMedian * 1000).rounded())) ms (median, with reports)",
                fullMedian <= 1
            ),
        ]
        print("\nbars:")
        for (text, met) in bars { print("  \(met ? "met   " : "MISSED") \(text)") }
        return bars.allSatisfy(\.1) ? 0 : 1
    }

    /// Writes the scale files (under `keep`, or a temporary directory removed afterwards), times five checks of
    /// them, prints the timings, and returns the median seconds of the full check (with reports).
    private static func timeScale(seed: UInt64, keep: String?) throws -> Double {
        let directory = keep ?? (NSTemporaryDirectory() + "regression-sim-\(UInt32.random(in: 0...UInt32.max))")
        let benchmark = ScaleBenchmark(seed: seed)
        let files = try benchmark.makeFiles(in: directory)
        try FileManager.default.createDirectory(atPath: directory + "/reports", withIntermediateDirectories: true)
        var timings: [ScaleBenchmark.Timing] = []
        for _ in 0..<5 {
            timings.append(
                benchmark.time(
                    resultsDirectory: files.resultsDirectory, baselinesDirectory: files.baselinesDirectory,
                    reportsDirectory: directory + "/reports"))
        }
        let check = SortedSample(timings.map(\.check.secondsDouble))
        let full = SortedSample(timings.map(\.full.secondsDouble))
        print(
            "\nscale: \(benchmark.suites) suites × \(benchmark.results) results, \(timings[0].rows) rows, 5 runs "
                + "(files in \(directory))")
        print("  read + validate + compare:                         \(milliseconds(check))")
        print("  + table, Markdown and HTML reports written:        \(milliseconds(full))")
        if keep == nil { try? FileManager.default.removeItem(atPath: directory) }
        return full.median
    }

    /// `count` of the outcome's comparisons in percent with one decimal: `0.1 %`.
    static func share(_ count: Int, of outcome: FalseAlarmSimulation.Outcome) -> String {
        NumberText.fixed(Double(count) * 100 / Double(outcome.comparisons), decimals: 1) + " %"
    }

    private static func milliseconds(_ seconds: SortedSample) -> String {
        "median \(Int((seconds.median * 1000).rounded())) ms, max \(Int((seconds.maximum * 1000).rounded())) ms"
    }
}
