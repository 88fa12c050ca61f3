// demo-load: the demo service under LoadGen load. `ab` compares pooled with plain allocation in interleaved
// rounds, `soak` samples the service's memory under steady load for a leak verdict, `knee` finds the knee of a
// stress ramp, `scale` finds that knee against the service's event loops per request mix. Exit 0 targets met,
// 1 a target missed, 2 bad usage or setup, 130 or 143 a soak stopped by SIGINT or SIGTERM (partial report).
// See `demo-load --help`.
import LoadGen
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

Interruption.install()
let parsed = Options.command.parseOrExit()
#if os(Linux)
do {
    exit(try DemoLoad.run(try Options(parsed)))
} catch {
    printError("demo-load: \(error)")
    exit(2)
}
#else
// Every job drives LoadGen's engine against demo-service, both epoll.
printError("demo-load: \(LoadGenError.requiresLinux(feature: LoadGenError.engine))")
exit(2)
#endif
