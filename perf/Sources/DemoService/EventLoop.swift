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

/// One event-loop thread: its own epoll instance, its own `SO_REUSEPORT` listening socket, its connections.
///
/// Level-triggered epoll; one `recv` per readiness into a loop-wide 64 KiB buffer, parsed in place, so a
/// connection holds request bytes only while a request is partial. Every complete request in the buffer is
/// answered in order (pipelining) into a loop-wide output buffer, sent with one `send` per batch; only bytes the
/// socket does not take are copied to the connection, which then stops reading until they are sent
/// (backpressure). Timeouts are checked by a sweep every 100 ms. Nothing here is shared with other threads
/// except the service (thread-safe) and the counters (this loop's own block).
final class EventLoop {
    static let listenerToken = UInt64.max
    static let wakeToken = UInt64.max - 1
    static let readBufferBytes = 65536
    static let outputHighWater = 262_144
    static let maxEvents: Int32 = 256
    static let sweepInterval: UInt64 = 100_000_000
    static let lingerTimeout: UInt64 = 2_000_000_000
    static let acceptPause: UInt64 = 100_000_000
    static let maxLingeringRejected = 256

    let service: DemoService
    let counters: CounterBlock
    let allocator: any HotPathAllocator
    let epollFD: Int32
    let wakeFD: Int32
    var listenerFD: Int32
    let stopRequested: @Sendable () -> Bool
    let maxConnections: Int
    let headerTimeout: UInt64
    let idleTimeout: UInt64
    let drainTimeout: UInt64
    let parserTemplate: HTTPRequestParser

    var connections: [Connection?] = []
    var liveConnections = 0
    var lingeringRejected = 0
    let readBuffer: UnsafeMutableBufferPointer<UInt8>
    var output: [UInt8] = []
    let events: UnsafeMutablePointer<epoll_event>
    var now: UInt64
    var nextSweep: UInt64
    var acceptPausedUntil: UInt64 = 0
    var draining = false
    /// Set by `process` when it stopped at the output high-water mark with complete requests left.
    var stoppedAtHighWater = false
    var drainDeadline: UInt64 = 0
    var summary = ShutdownSummary(drained: 0, forced: 0)

    init(
        service: DemoService, index: Int, epollFD: Int32, wakeFD: Int32, listenerFD: Int32,
        stopRequested: @escaping @Sendable () -> Bool
    ) {
        let configuration = service.configuration
        self.service = service
        self.counters = service.metrics.blocks[index]
        self.allocator = service.allocator
        self.epollFD = epollFD
        self.wakeFD = wakeFD
        self.listenerFD = listenerFD
        self.stopRequested = stopRequested
        maxConnections = configuration.maxConnections
        headerTimeout = configuration.headerTimeout.nanosecondsClamped
        idleTimeout = configuration.idleTimeout.nanosecondsClamped
        drainTimeout = configuration.drainTimeout.nanosecondsClamped
        parserTemplate = HTTPRequestParser(
            maxHeadBytes: configuration.maxHeaderBytes, maxBodyBytes: configuration.maxBodyBytes)
        readBuffer = .allocate(capacity: EventLoop.readBufferBytes)
        events = .allocate(capacity: Int(EventLoop.maxEvents))
        output.reserveCapacity(EventLoop.readBufferBytes)
        now = MonotonicClock.now()
        nextSweep = now + EventLoop.sweepInterval
    }

    deinit {
        readBuffer.deallocate()
        events.deallocate()
    }

    /// Serves until a requested stop has drained; returns how the drain went.
    func run() -> ShutdownSummary {
        while true {
            let count = epoll_wait(epollFD, events, EventLoop.maxEvents, 100)
            now = MonotonicClock.now()
            if count < 0 && errno != EINTR { break }
            for index in 0..<Int(max(count, 0)) { dispatch(events[index]) }
            if now >= nextSweep {
                sweep()
                nextSweep = now + EventLoop.sweepInterval
            }
            if draining {
                if liveConnections == 0 { break }
                if now >= drainDeadline {
                    forceCloseAll()
                    break
                }
            }
        }
        if liveConnections > 0 { forceCloseAll() }
        if listenerFD >= 0 { close(listenerFD) }
        close(epollFD)
        return summary
    }

    private func dispatch(_ event: epoll_event) {
        switch event.data.u64 {
        case EventLoop.listenerToken: acceptConnections()
        case EventLoop.wakeToken: onWake()
        default:
            let fd = Int(event.data.u64)
            guard fd < connections.count, let connection = connections[fd] else { return }
            let flags = event.events
            if flags & EPOLLERR.rawValue != 0 {
                var code: Int32 = 0
                var length = socklen_t(MemoryLayout<Int32>.size)
                getsockopt(connection.fd, SOL_SOCKET, SO_ERROR, &code, &length)
                closeConnection(connection, code == ECONNRESET || code == EPIPE ? .reset : .ioError)
                return
            }
            if flags & EPOLLOUT.rawValue != 0 { onWritable(connection) }
            if flags & (EPOLLIN.rawValue | EPOLLHUP.rawValue) != 0, connection.isOpen { onReadable(connection) }
            // Both directions are gone: nothing more can be read or sent, and level-triggered HUP would spin.
            if flags & EPOLLHUP.rawValue != 0, connection.isOpen { closeConnection(connection, .client) }
        }
    }

    // MARK: - Accepting

    private func acceptConnections() {
        for _ in 0..<64 {
            let fd = cds_accept_nonblocking(listenerFD)
            if fd < 0 {
                let code = errno
                if code == EINTR || code == ECONNABORTED || code == EPROTO { continue }
                if code == EAGAIN || code == EWOULDBLOCK { return }
                counters.countError(.acceptFailed)
                if code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM { pauseAccepting() }
                return
            }
            counters.count(.connectionsAccepted)
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            let connection = Connection(
                fd: fd, parser: parserTemplate, now: now, headerDeadline: now + headerTimeout,
                interest: EPOLLIN.rawValue)
            guard register(connection) else {
                close(fd)
                counters.countClose(.ioError)
                continue
            }
            if service.metrics.openConnections.wrappingAdd(1, ordering: .relaxed).newValue > maxConnections {
                service.metrics.openConnections.wrappingSubtract(1, ordering: .relaxed)
                reject(connection)
            } else {
                connection.countsTowardLimit = true
            }
        }
    }

    /// Over the connection limit: a 503, then close (lingering, so the client reads it before any reset).
    private func reject(_ connection: Connection) {
        counters.countError(.connectionLimit)
        connection.closeReason = .rejected
        ResponseHead.appendError(
            .serviceUnavailable, message: "the server has \(maxConnections) connections open; retry later",
            to: &output)
        counters.recordRequest(route: .unknown, status: .serviceUnavailable, nanoseconds: 0)
        connection.closeAfterFlush = true
        flush(connection)
    }

    private func pauseAccepting() {
        guard listenerFD >= 0 else { return }
        var event = epoll_event()
        event.events = 0
        event.data.u64 = EventLoop.listenerToken
        epoll_ctl(epollFD, EPOLL_CTL_MOD, listenerFD, &event)
        acceptPausedUntil = now + EventLoop.acceptPause
    }

    private func resumeAcceptingIfDue() {
        guard acceptPausedUntil != 0, now >= acceptPausedUntil, listenerFD >= 0 else { return }
        acceptPausedUntil = 0
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.u64 = EventLoop.listenerToken
        epoll_ctl(epollFD, EPOLL_CTL_MOD, listenerFD, &event)
    }

    private func register(_ connection: Connection) -> Bool {
        var event = epoll_event()
        event.events = connection.interest
        event.data.u64 = UInt64(connection.fd)
        guard epoll_ctl(epollFD, EPOLL_CTL_ADD, connection.fd, &event) == 0 else { return false }
        let fd = Int(connection.fd)
        if fd >= connections.count {
            connections.append(contentsOf: repeatElement(nil, count: fd + 1 - connections.count))
        }
        connections[fd] = connection
        liveConnections += 1
        return true
    }

    func setInterest(_ connection: Connection, _ interest: UInt32) {
        guard connection.interest != interest else { return }
        connection.interest = interest
        var event = epoll_event()
        event.events = interest
        event.data.u64 = UInt64(connection.fd)
        epoll_ctl(epollFD, EPOLL_CTL_MOD, connection.fd, &event)
    }

    // MARK: - Closing

    /// Closes the socket now and counts why.
    func closeConnection(_ connection: Connection, _ reason: CloseReason) {
        guard connection.isOpen else { return }
        connection.isOpen = false
        close(connection.fd)
        connections[Int(connection.fd)] = nil
        liveConnections -= 1
        if let input = connection.takeInput() { allocator.giveBack(input, to: .requestBuffer) }
        if let output = connection.takeOutput() { allocator.giveBack(output, to: .responseBuffer) }
        if connection.countsTowardLimit {
            service.metrics.openConnections.wrappingSubtract(1, ordering: .relaxed)
        }
        if connection.closeReason == .rejected, connection.lingerDeadline != 0 { lingeringRejected -= 1 }
        counters.countClose(reason)
        if draining {
            if reason == .drainForced { summary.forced += 1 } else { summary.drained += 1 }
        }
    }

    /// After the last response: shut the write side and wait briefly for the client's FIN, discarding anything
    /// it still sends, so that a client still writing does not turn our close into a reset that loses the response.
    func beginLinger(_ connection: Connection) {
        if connection.closeReason == .rejected {
            guard lingeringRejected < EventLoop.maxLingeringRejected else {
                closeConnection(connection, .rejected)
                return
            }
            lingeringRejected += 1
        }
        shutdown(connection.fd, Int32(SHUT_WR))
        if let input = connection.takeInput() { allocator.giveBack(input, to: .requestBuffer) }
        connection.pendingHead = nil
        connection.headerDeadline = 0
        connection.lingerDeadline = now + EventLoop.lingerTimeout
        setInterest(connection, EPOLLIN.rawValue)
    }

    // MARK: - Shutdown and timeouts

    private func onWake() {
        var value: UInt64 = 0
        _ = read(wakeFD, &value, MemoryLayout<UInt64>.size)
        guard stopRequested(), !draining else { return }
        draining = true
        drainDeadline = now + drainTimeout
        if listenerFD >= 0 {
            epoll_ctl(epollFD, EPOLL_CTL_DEL, listenerFD, nil)
            close(listenerFD)
            listenerFD = -1
        }
        for index in connections.indices {
            guard let connection = connections[index], connection.isIdle else { continue }
            closeConnection(connection, .shutdown)
        }
    }

    private func sweep() {
        resumeAcceptingIfDue()
        for index in connections.indices {
            guard let connection = connections[index] else { continue }
            if connection.lingerDeadline != 0 {
                if now >= connection.lingerDeadline { closeConnection(connection, connection.closeReason) }
            } else if connection.headerDeadline != 0 && now >= connection.headerDeadline {
                counters.countError(.headerTimeout)
                closeConnection(connection, .headerTimeout)
            } else if connection.bodyDeadline != 0 && now >= connection.bodyDeadline {
                counters.countError(.bodyTimeout)
                closeConnection(connection, .bodyTimeout)
            } else if now &- connection.lastActivity >= idleTimeout {
                closeConnection(connection, .idleTimeout)
            }
        }
    }

    private func forceCloseAll() {
        for index in connections.indices {
            guard let connection = connections[index] else { continue }
            counters.countError(.drainForced)
            closeConnection(connection, .drainForced)
        }
    }
}

/// How the drain after a stop request ended.
public struct ShutdownSummary: Sendable, Equatable {
    /// Connections closed during the drain after their last request (or because they were idle).
    public var drained: Int
    /// Connections still busy when the drain time ran out, closed by force.
    public var forced: Int

    /// Creates a summary.
    public init(drained: Int, forced: Int) {
        self.drained = drained
        self.forced = forced
    }
}

#endif
