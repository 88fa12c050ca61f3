// perf-pools: the pools suite. Pool and BufferPool against plain allocation, one thread against two, with
// the bars as ratios measured in the same run. Exit 0 when the run completes, 2 on bad usage.
// See `perf-pools --help`.
import PerfResult
import SuiteSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

var variables: [String: String] = [:]
if let profile = getenv("PERF_PROFILE") { variables["PERF_PROFILE"] = String(cString: profile) }
let options: Options
let cases: [PoolCase]
do {
    options = try Options.parse(Array(CommandLine.arguments.dropFirst()), environment: variables)
    if options.help {
        print(Options.usage)
        exit(0)
    }
    let all = PoolCase.all(PoolFixtures())
    let selected = try CaseFilter(options.filters).select(all.map(\.name))
    cases = all.filter { selected.contains($0.name) }
    if options.list {
        print(Options.list(cases))
        exit(0)
    }
    if let path = options.jsonPath { try ReportPath.checkWritable(path) }
} catch {
    printError("perf-pools: \(error)")
    exit(2)
}
var environment = Environment.capture()
environment.profile = options.profile.rawValue
exit(PoolsSuite(options: options, cases: cases).run(environment: environment))
