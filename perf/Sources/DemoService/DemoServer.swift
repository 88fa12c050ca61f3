import CDemoServiceSystem
import PerfSupport
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The server half of the demo service: epoll, eventfd and SO_REUSEPORT balancing, so Linux only. Elsewhere
// demo-service says so and exits 2; the service's logic (routes, JSON, sessions) builds everywhere.
#if os(Linux)

/// The HTTP/1.1 server around a `DemoService`: one event-loop thread per `configuration.threads`, each with
/// its own epoll instance and its own listening socket on the shared port (`SO_REUSEPORT`).
///
/// ```swift
/// let server = try DemoServer.start(service: DemoService(configuration: configuration))
/// print("listening on \(configuration.host):\(server.port)")
/// // ... on SIGTERM:
/// let summary = server.shutdown()   // stops accepting, drains in-flight requests, joins the threads
/// ```
/// Call `shutdown()` (or `beginShutdown()` then `waitUntilStopped()`) before dropping the server: the threads
/// keep serving until then.
public final class DemoServer: Sendable {
    /// The service answering requests.
    public let service: DemoService
    /// The bound port (the kernel's choice when the configuration asked for 0).
    public let port: Int
    private let wakeFDs: [Int32]
    private let stopRequested: StopFlag
    private let threads: Mutex<[pthread_t]>
    private let summaries: Mutex<[ShutdownSummary]>
    private let finalSummary = Mutex<ShutdownSummary?>(nil)

    private init(service: DemoService, port: Int, wakeFDs: [Int32], stopRequested: StopFlag) {
        self.service = service
        self.port = port
        self.wakeFDs = wakeFDs
        self.stopRequested = stopRequested
        threads = Mutex([])
        summaries = Mutex([])
    }

    /// Binds the listening sockets and starts the event loops; returns once connections are accepted.
    ///
    /// - Throws: `DemoServiceError.cannotListen` (address in use, bad address, permission) or
    ///   `.systemCallFailed` (epoll, eventfd, thread creation).
    public static func start(service: DemoService) throws(DemoServiceError) -> DemoServer {
        let configuration = service.configuration
        var opened = OpenedDescriptors()
        let port: Int
        do throws(DemoServiceError) {
            let first = try ListeningSocket.open(host: configuration.host, port: configuration.port, backlog: 1024)
            opened.listeners.append(first.fd)
            port = first.port
            for _ in 1..<configuration.threads {
                opened.listeners.append(
                    try ListeningSocket.open(host: configuration.host, port: port, backlog: 1024).fd)
            }
            for listener in opened.listeners {
                let epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
                guard epollFD >= 0 else {
                    throw .systemCallFailed(call: "epoll_create1", reason: SystemError.text(for: errno))
                }
                opened.epolls.append(epollFD)
                let wakeFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
                guard wakeFD >= 0 else {
                    throw .systemCallFailed(call: "eventfd", reason: SystemError.text(for: errno))
                }
                opened.wakes.append(wakeFD)
                try watch(epollFD, listener, token: EventLoop.listenerToken)
                try watch(epollFD, wakeFD, token: EventLoop.wakeToken)
            }
        } catch {
            opened.closeAll()
            throw error
        }
        let server = DemoServer(service: service, port: port, wakeFDs: opened.wakes, stopRequested: StopFlag())
        // On failure, startLoops stops the loops already running and closes every descriptor itself.
        try server.startLoops(opened)
        return server
    }

    private func startLoops(_ opened: OpenedDescriptors) throws(DemoServiceError) {
        for index in 0..<opened.listeners.count {
            let service = service
            let epollFD = opened.epolls[index]
            let wakeFD = opened.wakes[index]
            let listenerFD = opened.listeners[index]
            let stopRequested = stopRequested
            do {
                let thread = try ThreadLauncher.start {
                    let loop = EventLoop(
                        service: service, index: index, epollFD: epollFD, wakeFD: wakeFD, listenerFD: listenerFD,
                        stopRequested: { stopRequested.isSet })
                    let summary = loop.run()
                    self.summaries.withLock { $0.append(summary) }
                }
                threads.withLock { $0.append(thread) }
            } catch {
                // The loops already running own their descriptors; stop them, then close the rest.
                beginShutdown()
                _ = waitUntilStopped()
                for rest in index..<opened.listeners.count {
                    close(opened.listeners[rest])
                    close(opened.epolls[rest])
                }
                throw error
            }
        }
    }

    private static func watch(_ epollFD: Int32, _ fd: Int32, token: UInt64) throws(DemoServiceError) {
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.u64 = token
        guard epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event) == 0 else {
            throw .systemCallFailed(call: "epoll_ctl", reason: SystemError.text(for: errno))
        }
    }

    /// Stops accepting and starts draining: idle connections close now, busy ones after their response
    /// (which says `Connection: close`), the rest by force after `drainTimeout`. Returns at once; idempotent.
    public func beginShutdown() {
        guard stopRequested.set() else { return }
        for wakeFD in wakeFDs {
            var one: UInt64 = 1
            _ = write(wakeFD, &one, MemoryLayout<UInt64>.size)
        }
    }

    /// Waits until every event loop has drained and stopped; returns the drain's summary. Call it once
    /// `beginShutdown()` was called (else it waits forever); later calls return the same summary.
    public func waitUntilStopped() -> ShutdownSummary {
        let joining = threads.withLock { threads in
            defer { threads.removeAll() }
            return threads
        }
        for thread in joining { ThreadLauncher.join(thread) }
        return finalSummary.withLock { summary in
            if let summary { return summary }
            let total = summaries.withLock { summaries in
                summaries.reduce(ShutdownSummary(drained: 0, forced: 0)) {
                    ShutdownSummary(drained: $0.drained + $1.drained, forced: $0.forced + $1.forced)
                }
            }
            for wakeFD in wakeFDs { close(wakeFD) }
            summary = total
            return total
        }
    }

    /// `beginShutdown()` then `waitUntilStopped()`.
    public func shutdown() -> ShutdownSummary {
        beginShutdown()
        return waitUntilStopped()
    }
}

/// The one-way stop request the event loops poll when woken.
private final class StopFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    var isSet: Bool { flag.load(ordering: .acquiring) }

    /// Sets the flag; `true` only for the call that set it.
    func set() -> Bool {
        !flag.exchange(true, ordering: .acquiringAndReleasing)
    }
}

/// Descriptors opened while starting, closed together if starting fails.
private struct OpenedDescriptors {
    var listeners: [Int32] = []
    var epolls: [Int32] = []
    var wakes: [Int32] = []

    func closeAll() {
        for fd in listeners + epolls + wakes { close(fd) }
    }
}

#endif
