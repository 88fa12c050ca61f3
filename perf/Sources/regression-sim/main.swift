// regression-sim: the bars of the regression gate, measured by simulation (not a timed test).
//
// 1. False alarms: 1,000 seeded A/A comparisons of 10 samples a side (5 % CV, occasional +30 % outliers)
//    through the shipped rule; bar: <= 1 % flagged.
// 2. Power: 1,000 seeded 20 % regressions with the same noise; bar: >= 95 % flagged.
// 3. Scale: 10 suites x 100 results checked end to end; bar: <= 1 s.
//
// Usage: regression-sim [--seed N] [--comparisons N] [--keep DIR]
//   --keep DIR writes the scale files under DIR (results/, baselines/) and leaves them, to time the
//   perf-check executable on them. Exit status: 0 every bar met, 1 a bar missed, 2 bad usage.
import Foundation
import PerfResult
import Regression

var seed: UInt64 = 20_261_122
var comparisons = 1_000
var keep: String?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--seed": seed = arguments.popFirst().flatMap(UInt64.init) ?? seed
    case "--comparisons": comparisons = arguments.popFirst().flatMap(Int.init) ?? comparisons
    case "--keep": keep = arguments.popFirst()
    case "--help", "-h":
        print("Usage: regression-sim [--seed N] [--comparisons N] [--keep DIR]")
        exit(0)
    default:
        print("regression-sim: unknown argument \(argument); see --help")
        exit(2)
    }
}

let environment = Environment.capture()
print("regression-sim · \(environment)")
if let warning = environment.buildWarning { print(warning) }
print(
    "seed \(seed), \(comparisons) comparisons per scenario, 10 samples a side, shipped rule for nsPerOp "
        + "(+10 %, Mann–Whitney U p < 0.05)\n")

let simulation = FalseAlarmSimulation(samplesPerSide: 10, comparisons: comparisons, seed: seed)
let base = NoiseModel()
let scenarios: [FalseAlarmSimulation.Scenario] = [
    .init(name: "A/A", noise: base, slowdown: 0),
    .init(name: "A/A, 10 % outliers", noise: NoiseModel(outlierProbability: 0.10), slowdown: 0),
    .init(name: "A/A, run drift 3 %", noise: NoiseModel(runDrift: 0.03), slowdown: 0),
    .init(name: "+20 %", noise: base, slowdown: 0.20),
    .init(name: "+20 %, 10 % outliers", noise: NoiseModel(outlierProbability: 0.10), slowdown: 0.20),
    .init(name: "+20 %, run drift 3 %", noise: NoiseModel(runDrift: 0.03), slowdown: 0.20),
    .init(name: "+10 % (at the threshold)", noise: base, slowdown: 0.10),
    .init(name: "+15 %", noise: base, slowdown: 0.15),
]

func share(_ count: Int, _ total: Int) -> String {
    let tenths = (Double(count) * 1000 / Double(total)).rounded() / 10
    return "\(tenths) %"
}

func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
}

print(pad("scenario", 26) + pad("noise", 44) + pad("gate flags", 12) + pad("U test alone", 14) + "threshold alone")
var outcomes: [String: FalseAlarmSimulation.Outcome] = [:]
for scenario in scenarios {
    let outcome = simulation.run(scenario)
    outcomes[scenario.name] = outcome
    print(
        pad(scenario.name, 26) + pad(scenario.noise.description, 44)
            + pad(share(outcome.gateFlagged, outcome.comparisons), 12)
            + pad(share(outcome.testAloneFlagged, outcome.comparisons), 14)
            + share(outcome.thresholdAloneFlagged, outcome.comparisons))
}

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
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
func milliseconds(_ values: [Double]) -> String {
    let sorted = values.sorted()
    return
        "median \(Int((sorted[sorted.count / 2] * 1000).rounded())) ms, max \(Int((sorted.last! * 1000).rounded())) ms"
}
let checkSeconds = timings.map { seconds($0.check) }
let fullSeconds = timings.map { seconds($0.full) }
print(
    "\nscale: \(benchmark.suites) suites × \(benchmark.results) results, \(timings[0].rows) rows, 5 runs "
        + "(files in \(directory))")
print("  read + validate + compare:                         \(milliseconds(checkSeconds))")
print("  + table, Markdown and HTML reports written:        \(milliseconds(fullSeconds))")
if keep == nil { try? FileManager.default.removeItem(atPath: directory) }

let aa = outcomes["A/A"]!
let power = outcomes["+20 %"]!
let fullMedian = fullSeconds.sorted()[fullSeconds.count / 2]
let bars: [(String, Bool)] = [
    ("A/A flagged <= 1 %: \(share(aa.gateFlagged, aa.comparisons))", aa.gateFlagged * 100 <= aa.comparisons),
    (
        "20 % regressions flagged >= 95 %: \(share(power.gateFlagged, power.comparisons))",
        power.gateFlagged * 100 >= 95 * power.comparisons
    ),
    (
        "10 suites × 100 results checked <= 1 s: \(Int((fullMedian * 1000).rounded())) ms (median, with reports)",
        fullMedian <= 1
    ),
]
print("\nbars:")
for (text, met) in bars { print("  \(met ? "met   " : "MISSED") \(text)") }
exit(bars.allSatisfy(\.1) ? 0 : 1)
