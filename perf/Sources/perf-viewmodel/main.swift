// perf-viewmodel: the view-model churn suite (a plain keyed list against PooledList) and a live demo.
// Exit 0 every check passed, 1 a check failed, 2 bad usage. See `perf-viewmodel --help`.
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
do {
    options = try Options.parse(
        Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
} catch {
    printError("perf-viewmodel: \(error)")
    exit(ViewModelSuite.Outcome.badUsage.rawValue)
}
if options.help {
    print(Options.usage)
    exit(0)
}
var environment = Environment.capture()
environment.profile = options.profile.rawValue
switch options.command {
case .suite:
    exit(ViewModelSuite(options: options).run(environment: environment).rawValue)
case .demo:
    ChatDemo(options: options).run(environment: environment)
    exit(0)
}
