// flamegraph: read perf script output or folded stacks, demangle, write folded stacks or an SVG; or summarize
// heaptrack_print output. Exit 0 when written, 2 for bad usage or input. See `flamegraph --help`.
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let options: Options
do {
    options = try Options(Options.command.parseOrExit())
} catch {
    printError("flamegraph: \(error)")
    exit(UsageError.exitStatus)
}
do {
    try FlameGraphTool.run(options)
} catch {
    printError("flamegraph: \(error)")
    exit(2)
}
