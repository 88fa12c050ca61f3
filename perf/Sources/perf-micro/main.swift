import MemProbe
import MicroBench
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// perf-micro: the micro suite (harness, stringOps, routing, pipeline, poolAcquire).
// `perf-micro --json results/micro.json` writes the report (suite "micro"); `perf-micro hand-loop` compares the
// harness with a hand-written loop; `perf-micro --instructions --json results/instructions.json` counts instructions
// under callgrind (suite "instructions"), re-running this executable with the arguments it passes to MicroBench.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "arc-cost" {
    let parsed = ARCCostComparison.command.parseOrExit(Array(arguments.dropFirst()))
    exit(ARCCostComparison.run(rounds: parsed[ARCCostComparison.rounds] ?? 5))
}
if arguments.first == "hand-loop" {
    let parsed = HandLoopComparison.command.parseOrExit(Array(arguments.dropFirst()))
    exit(HandLoopComparison.run(rounds: parsed[HandLoopComparison.rounds] ?? 3))
}
let status = MicroBench.run(
    [harness, stringOps, routing, pipeline, poolAcquire], arguments: arguments, programName: "perf-micro",
    reportName: "micro", probes: [AllocationProbe(scope: .currentThread), ARCProbe()],
    allocationSites: AllocationSiteProbe(), forksByProfile: true)
if status == 0, arguments.contains("--help") || arguments.contains("-h") {
    print("\n" + HandLoopComparison.helpLine + ARCCostComparison.helpLine, terminator: "")
}
exit(status)
