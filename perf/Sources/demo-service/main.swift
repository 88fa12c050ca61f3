// demo-service: parse flags, start the server, wait for SIGTERM or SIGINT, drain, exit 0.
// Exit 2 for a bad flag or an address that cannot be used. See `demo-service --help`.
import DemoService
import Glibc
import MemProbe
import PerfResult

/// Writes a line straight to a descriptor: unbuffered, so a script reading a pipe sees it at once.
func writeLine(_ line: String, to fd: Int32) {
    var text = line + "\n"
    text.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written <= 0 { return }
            offset += written
        }
    }
}

func say(_ line: String) { writeLine(line, to: STDOUT_FILENO) }

func fail(_ message: String) -> Never {
    writeLine("demo-service: \(message)", to: STDERR_FILENO)
    exit(2)
}

let configuration: ServiceConfiguration
do {
    switch try ServiceConfiguration.parse(arguments: Array(CommandLine.arguments.dropFirst())) {
    case .help:
        print(ServiceConfiguration.usage)
        exit(0)
    case .run(let parsed):
        configuration = parsed
    }
} catch {
    fail("\(error)")
}

let environment = Environment.capture()
say(environment.description)
if let warning = environment.buildWarning {
    say(warning)
    writeLine(warning, to: STDERR_FILENO)
}

// Every connection is a descriptor: raise the soft limit to the hard one.
var limit = rlimit()
if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max {
    limit.rlim_cur = limit.rlim_max
    _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
}
if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < UInt(configuration.maxConnections) + 64 {
    say("note: the descriptor limit (\(limit.rlim_cur)) is below --max-connections; accept will fail beyond it")
}

// Signals are taken synchronously by the main thread; the event loops inherit the blocked mask.
var stopSignals = sigset_t()
sigemptyset(&stopSignals)
sigaddset(&stopSignals, SIGTERM)
sigaddset(&stopSignals, SIGINT)
pthread_sigmask(SIG_BLOCK, &stopSignals, nil)
signal(SIGPIPE, SIG_IGN)

// MemProbe's allocation counter (linked into this executable, it counts every malloc of the process) and
// mallinfo2 feed /metrics: demo_allocations_total, demo_live_allocations, demo_heap_in_use_bytes. Without a
// working counter the first two series are left out rather than shown as 0.
var hooks = MetricsHooks(heapInUseBytes: {
    MemorySampler(fields: .heapInUse).sample().heapInUseBytes.map { UInt64($0) }
})
if AllocationCounter.isCounting {
    hooks.allocationCount = { AllocationCounter.allThreads()?.allocations ?? 0 }
    hooks.liveAllocations = { AllocationCounter.allThreads()?.live ?? 0 }
} else if case .unavailable(let reason) = AllocationCounter.availability {
    say("note: /metrics has no demo_allocations_total or demo_live_allocations: \(reason)")
}

let server: DemoServer
do {
    let service = try DemoService(configuration: configuration, hooks: hooks)
    server = try DemoServer.start(service: service)
} catch {
    fail("\(error)")
}
say(
    "demo-service: \(configuration.threads) event loop\(configuration.threads == 1 ? "" : "s"), "
        + "max \(configuration.maxConnections) connections, users user0…user\(configuration.users - 1) "
        + "(password<i>), allocator \(server.service.allocator.name)")
say("listening on \(configuration.host):\(server.port)")

var received: Int32 = 0
sigwait(&stopSignals, &received)
say(
    "received \(received == SIGINT ? "SIGINT" : "SIGTERM"): no longer accepting; draining for up to "
        + "\(configuration.drainTimeout)")
let summary = server.shutdown()
say("stopped: \(summary.drained) connection(s) closed during the drain, \(summary.forced) closed by force")
exit(0)
