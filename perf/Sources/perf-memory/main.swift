// perf-memory: the memory suite. Leak checks of healthy workloads (which must pass) and of injected
// leaks (which must fail). Exit 0 no leak, 1 a leak found, 2 bad usage. See `perf-memory --help`.
import PerfResult
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let parsed = Options.command.parseOrExit()
let options: Options
let specs: [MemorySpec]
do {
    options = try Options(parsed)
    specs = try MemorySpec.select(options.specFilters)
} catch {
    printError("perf-memory: \(error)")
    exit(UsageError.exitStatus)
}
if options.list {
    print(Options.list)
    exit(0)
}
var environment = Environment.capture()
environment.profile = options.profile.rawValue
exit(MemorySuite(options: options, specs: specs).run(environment: environment).rawValue)
