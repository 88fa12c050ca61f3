// regression-sim: the bars of the regression gate, measured by simulation (not a timed test): seeded A/A
// comparisons (false alarms), seeded 20 % regressions (power), and 10 suites x 100 results checked end to end
// (scale). Exit status: 0 every bar met, 1 a bar missed, 2 bad usage or files that cannot be written.
// See `regression-sim --help`.
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let options = SimulationOptions(SimulationOptions.command.parseOrExit())
do {
    exit(try RegressionSimulation.run(options))
} catch {
    printError("regression-sim: \(error)")
    exit(2)
}
