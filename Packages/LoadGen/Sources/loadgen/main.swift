import LoadGen
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

let parsed = Options.command.parseOrExit()
switch parsed.subcommand {
case Merge.command.name: exit(Merge.run(parsed))
case Plan.command.name: exit(Plan.run(parsed))
case Coordinate.command.name: exit(Coordinate.run(parsed))
default:
    #if os(Linux)
    exit(Run.run(parsed))
    #else
    // The engine is epoll; `merge` and `plan` above work everywhere.
    exit(Run.fail(LoadGenError.requiresLinux(feature: LoadGenError.engine).description))
    #endif
}
