// perf-memory: the memory suite. Leak checks of healthy workloads (which must pass) and of injected
// leaks (which must fail). Exit 0 no leak, 1 a leak found, 2 bad usage. See `perf-memory --help`.
import PerfResult
import SuiteSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

let options: Options
let specs: [MemorySpec]
do {
    options = try Options.parse(
        Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
    specs = try MemorySpec.select(options.specFilters)
} catch {
    printError("perf-memory: \(error)")
    exit(MemorySuite.Outcome.badUsage.rawValue)
}
if options.help {
    print(Options.usage)
    exit(0)
}
if options.list {
    print(Options.list)
    exit(0)
}
var environment = Environment.capture()
environment.profile = options.profile.rawValue
let outcome = MemorySuite(options: options, specs: specs).run(environment: environment)
exit(outcome.rawValue)
