// perf-pools: the pools suite. Pool and BufferPool against plain allocation, one thread against two, with
// the bars as ratios measured in the same run. Exit 0 when the run completes, 2 on bad usage.
// See `perf-pools --help`.
import PerfResult
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let parsed = Options.command.parseOrExit()
let options: Options
let cases: [PoolCase]
do {
    options = try Options(parsed)
    let all = PoolCase.all(PoolFixtures())
    let selected = try CaseFilter(options.filters).select(all.map(\.name))
    // A fork (--forks) measures the cases in an order rotated by its position.
    let chosen = all.filter { selected.contains($0.name) }
    cases = ForkPosition(environment: ProcessEnvironment.current())?.rotated(chosen) ?? chosen
    if let path = options.jsonPath, !options.list { try ReportPath.checkWritable(path) }
} catch {
    printError("perf-pools: \(error)")
    exit(UsageError.exitStatus)
}
if options.list {
    print(Options.list(cases))
    exit(0)
}
var environment = Environment.capture()
environment.profile = options.profile.rawValue
let forks = options.forks ?? ForkDefaults.count(profile: options.profile, environment: ProcessEnvironment.current())
if forks > 1 {
    exit(
        SelfForks.main(
            program: "perf-pools", forks: forks, environment: environment, jsonPath: options.jsonPath,
            keys: ["nsPerOp", "opsPerSec", "allocsPerOp"]))
}
exit(PoolsSuite(options: options, cases: cases).run(environment: environment))
