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
default: exit(Run.run(parsed))
}
