import PerfSupport
import Regression

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// perf-check: compares perf/results with baselines/ and writes reports; `perf-check trend` finds the change
// points of a history of results (see --help). A thin shell: parse, call Regression, print, exit with its status.
let environment = ProcessEnvironment.current()
let parsed = PerfCheckCommand.definition.parseOrExit(environment: environment)
let output = PerfCheckCommand.run(parsed, environment: environment) { line in
    StandardStream.write("perf-check: \(line)\n", to: .error)
}
StandardStream.write(output.standardOutput, to: .output)
StandardStream.write(output.standardError, to: .error)
exit(output.exitCode)
