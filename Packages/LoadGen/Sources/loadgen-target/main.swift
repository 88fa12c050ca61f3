import LoadGen
import PerfSupport
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

let stopRequested = Atomic<Bool>(false)

let settings: (options: TargetOptions, lifetime: Duration)
let server: TargetServer
do {
    settings = try TargetCommand.settings(TargetCommand.command.parseOrExit())
    server = try TargetServer(settings.options)
} catch {
    printError("loadgen-target: \(error)")
    exit(UsageError.exitStatus)
}
print(
    "loadgen-target listening on \(settings.options.tlsCertificate == nil ? "http" : "https")://\(settings.options.host):\(server.port)/"
)
fflush(nil)

_ = stopRequested.load(ordering: .relaxed)
signal(SIGINT) { _ in stopRequested.store(true, ordering: .relaxed) }
signal(SIGTERM) { _ in stopRequested.store(true, ordering: .relaxed) }
let start = MonotonicClock.now()
while !stopRequested.load(ordering: .relaxed), MonotonicClock.now() - start < settings.lifetime.nanosecondsClamped {
    var pause = timespec(tv_sec: 0, tv_nsec: 50_000_000)
    nanosleep(&pause, nil)
}
server.stop()
print("loadgen-target: \(server.requestCount) requests")
