// perf-service: the runtime strategy's concurrency targets in process — 100 concurrent clients through the demo
// service's request pipeline (p95 < 50 ms) and the topic store as a queue (> 10k messages/s). Exit 0 every target
// met, 1 a target missed, 2 bad usage. See `perf-service --help`.
import PerfResult
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let options = Options(Options.command.parseOrExit())
var environment = Environment.capture()
environment.profile = options.profile.rawValue
print(environment.description)
if let warning = environment.buildWarning { print(warning) }
print(
    "service: \(options.effectiveRounds) round(s) of \(UnitText.format(options.effectiveWindow)) per case, "
        + "\(options.clients) pipeline clients, \(options.publishers) queue publishers")
let results = ServiceSuite.results(ServiceSuite(options: options).run(), options: options)
let verdicts = ServiceSuite.verdicts(results)
print("\nTargets (medians of the rounds)\n" + ServiceSuite.table(verdicts))
if let path = options.jsonPath {
    do {
        try Report(suite: "service", environment: environment, results: results).write(to: path)
        print("wrote \(path)")
    } catch {
        printError("perf-service: cannot write \(path): \(error)")
        exit(2)
    }
}
exit(verdicts.allSatisfy(\.met) ? 0 : 1)
