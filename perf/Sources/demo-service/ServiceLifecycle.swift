import DemoService
import MemProbe
import PerfResult
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Runs the epoll server (DemoServer): Linux only. main.swift says so elsewhere.
#if os(Linux)

/// The life of the `demo-service` process: announce the environment, start the server, wait for SIGTERM or
/// SIGINT, drain.
///
/// Every line goes out unbuffered (`StandardStream`), so a script reading a pipe sees `listening on` at once.
enum ServiceLifecycle {
    /// Runs the service until a stop signal; returns the exit status (0 after a clean stop, 2 when it could not
    /// start).
    static func run(_ configuration: ServiceConfiguration) -> Int32 {
        let environment = Environment.capture()
        say(environment.description)
        if let warning = environment.buildWarning {
            say(warning)
            printError(warning)
        }
        raiseDescriptorLimit(for: configuration)

        // Signals are taken synchronously by the main thread; the event loops inherit the blocked mask.
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        sigaddset(&stopSignals, SIGTERM)
        sigaddset(&stopSignals, SIGINT)
        pthread_sigmask(SIG_BLOCK, &stopSignals, nil)
        signal(SIGPIPE, SIG_IGN)

        let server: DemoServer
        do {
            let service = try DemoService(configuration: configuration, hooks: metricsHooks())
            server = try DemoServer.start(service: service)
        } catch {
            printError("demo-service: \(error)")
            return 2
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
        return 0
    }

    /// Every connection is a descriptor: raises the soft limit to the hard one, and says when that is still
    /// below `--max-connections`.
    private static func raiseDescriptorLimit(for configuration: ServiceConfiguration) {
        var limit = rlimit()
        if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0,
            limit.rlim_cur < UInt(configuration.maxConnections) + 64
        {
            say("note: the descriptor limit (\(limit.rlim_cur)) is below --max-connections; accept will fail beyond it")
        }
    }

    /// MemProbe's allocation counter (linked into this executable, it counts every malloc of the process) and
    /// mallinfo2 feed /metrics: demo_allocations_total, demo_live_allocations, demo_heap_in_use_bytes. Without a
    /// working counter the first two series are left out rather than shown as 0.
    private static func metricsHooks() -> MetricsHooks {
        var hooks = MetricsHooks(heapInUseBytes: {
            MemorySampler(fields: .heapInUse).sample().heapInUseBytes.map { UInt64($0) }
        })
        if AllocationCounter.isCounting {
            hooks.allocationCount = { AllocationCounter.allThreads()?.allocations ?? 0 }
            hooks.liveAllocations = { AllocationCounter.allThreads()?.live ?? 0 }
        } else if case .unavailable(let reason) = AllocationCounter.availability {
            say("note: /metrics has no demo_allocations_total or demo_live_allocations: \(reason)")
        }
        return hooks
    }

    private static func say(_ line: String) {
        StandardStream.write(line + "\n", to: .output)
    }
}

#endif
