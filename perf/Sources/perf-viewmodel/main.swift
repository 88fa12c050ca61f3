// perf-viewmodel: the view-model churn suite (a plain keyed list against PooledList) and a live demo.
// Exit 0 every check passed, 1 a check failed, 2 bad usage. See `perf-viewmodel --help`.
import PerfResult
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let variables = ProcessEnvironment.current()
let options = Options(Options.command.parseOrExit(environment: variables))
var environment = Environment.capture()
switch options.mode {
case .suite:
    environment.profile = options.profile.rawValue
    let forks = options.forks ?? ForkDefaults.count(profile: options.profile, environment: variables)
    if forks > 1 {
        exit(
            SelfForks.main(
                program: "perf-viewmodel", forks: forks, environment: environment, jsonPath: options.jsonPath,
                keys: ["nsPerOp", "allocsPerOp", "viewModelAllocsPerOp"]))
    }
    exit(ViewModelSuite(options: options).run(environment: environment).rawValue)
case .demo:
    ChatDemo(options: options, colors: TerminalColors.standardOutput(environment: variables)).run(
        environment: environment)
    exit(0)
}
