import CLoadGen
import CLoadGenTLS
import PerfSupport
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// LoadGen's engine is epoll, so Linux only; elsewhere LoadTest.run and TargetServer throw
// LoadGenError.requiresLinux (TargetServer+Unavailable.swift).
#if os(Linux)

/// One connection of `TargetServer`.
final class ServerConnection {
    static let inputCapacity = 16 * 1024

    let fd: Int32
    let serial: UInt64
    let input = UnsafeMutablePointer<UInt8>.allocate(capacity: ServerConnection.inputCapacity)
    var inputCount = 0
    var bodyRemaining = 0
    var output: [UInt8] = []
    var outputOffset = 0
    var pendingDelayed = 0
    var closeAfterFlush = false
    var stopReading = false
    var watchingWrites = false
    /// TLS (`--tls-cert`): the connection's `SSL`, and whether its handshake is still going on.
    var tls: UnsafeMutablePointer<lg_tls_conn>?
    var handshaking = false

    init(fd: Int32, serial: UInt64) {
        self.fd = fd
        self.serial = serial
    }

    deinit {
        input.deallocate()
        if let tls {
            lg_tls_release(tls)
            tls.deallocate()
        }
    }
}

/// A response waiting for its delay or the end of a stall.
struct DelayedResponse {
    var fd: Int32
    var serial: UInt64
    var dueNs: UInt64
    var closing: Bool
}

/// The event loop of one `TargetServer` thread.
struct ServerLoop: ~Copyable {
    static let listenTag = UInt64.max
    static let wakeTag = UInt64.max - 1

    let epfd: Int32
    let listenFD: Int32
    let shared: ServerShared
    let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: 128)
    var connections: [ServerConnection?] = []
    var delayed: [DelayedResponse] = []
    var delayedHead = 0
    var requestNumber = 0
    var serial: UInt64 = 0
    var hung: [Int32] = []

    /// Creates the epoll instance of one thread, watching the listening socket and the wake-up eventfd.
    static func makeEventLoop(listenFD: Int32, wakeFD: Int32) throws(LoadGenError) -> Int32 {
        let epfd = loadgen_epoll_create()
        guard epfd >= 0 else { throw .systemCallFailed(call: "epoll_create1", errno: errno) }
        guard
            loadgen_epoll_ctl(
                epfd, LOADGEN_EPOLL_CTL_ADD, listenFD, LOADGEN_EPOLLIN | LOADGEN_EPOLLEXCLUSIVE, listenTag) == 0,
            loadgen_epoll_ctl(epfd, LOADGEN_EPOLL_CTL_ADD, wakeFD, LOADGEN_EPOLLIN, wakeTag) == 0
        else {
            let code = errno
            close(epfd)
            throw .systemCallFailed(call: "epoll_ctl", errno: code)
        }
        return epfd
    }

    init(epfd: Int32, listenFD: Int32, shared: ServerShared) {
        self.epfd = epfd
        self.listenFD = listenFD
        self.shared = shared
    }

    deinit {
        for connection in connections { if let connection { close(connection.fd) } }
        for fd in hung { close(fd) }
        close(epfd)
        events.deallocate()
    }

    mutating func run() {
        _ = loadgen_set_timer_slack(1)
        while !shared.stopping.load(ordering: .relaxed) {
            var timeout: Int64 = -1
            if delayedHead < delayed.count {
                let now = MonotonicClock.now()
                let due = delayed[delayedHead].dueNs
                timeout = due > now ? Int64(due - now) : 0
            }
            let count = loadgen_epoll_wait_ns(epfd, events, 128, timeout)
            if count < 0 && errno != EINTR { return }
            for index in 0..<Int(max(0, count)) {
                let tag = loadgen_event_data(events, Int32(index))
                switch tag {
                case ServerLoop.listenTag: acceptAll()
                case ServerLoop.wakeTag: return
                default: readable(Int32(truncatingIfNeeded: tag), bits: loadgen_event_bits(events, Int32(index)))
                }
            }
            if delayedHead < delayed.count { releaseDelayed(MonotonicClock.now()) }
        }
    }

    private mutating func acceptAll() {
        while true {
            let fd = loadgen_accept(listenFD)
            guard fd >= 0 else { return }
            _ = loadgen_set_nodelay(fd)
            serial += 1
            let index = Int(fd)
            if connections.count <= index { connections += Array(repeating: nil, count: index + 1 - connections.count) }
            let connection = ServerConnection(fd: fd, serial: serial)
            if let context = shared.tls {
                let tls = UnsafeMutablePointer<lg_tls_conn>.allocate(capacity: 1)
                tls.initialize(to: lg_tls_conn())
                connection.tls = tls
                connection.handshaking = true
                guard lg_tls_start(tls, context.pointer, fd, nil, nil, 1) == 0 else {
                    close(fd)
                    continue
                }
            }
            connections[index] = connection
            _ = loadgen_epoll_ctl(epfd, LOADGEN_EPOLL_CTL_ADD, fd, LOADGEN_EPOLLIN | LOADGEN_EPOLLRDHUP, UInt64(fd))
        }
    }

    private mutating func readable(_ fd: Int32, bits: UInt32) {
        guard Int(fd) < connections.count, let connection = connections[Int(fd)] else { return }
        // TLS: the handshake first, driven by its WANT_READ/WANT_WRITE; once done, read what came with it.
        var handshakeEnded = false
        if connection.handshaking {
            guard advanceHandshake(connection) else { return }
            handshakeEnded = true
        }
        if !handshakeEnded, bits & LOADGEN_EPOLLOUT != 0 {
            flush(connection)
            guard connections[Int(fd)] != nil else { return }
        }
        guard
            handshakeEnded
                || bits & (LOADGEN_EPOLLIN | LOADGEN_EPOLLRDHUP | LOADGEN_EPOLLHUP | LOADGEN_EPOLLERR) != 0
        else { return }
        while !connection.stopReading {
            let space = ServerConnection.inputCapacity - connection.inputCount
            let count = receive(connection, into: connection.input + connection.inputCount, space)
            if count == 0 {
                closeConnection(connection)
                return
            }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { break }
                closeConnection(connection)
                return
            }
            connection.inputCount += count
            guard process(connection) else { return }
            if count < space { break }
        }
        flush(connection)
    }

    /// One step of a TLS handshake; `true` when it ended and the connection is open.
    private mutating func advanceHandshake(_ connection: ServerConnection) -> Bool {
        switch Int(lg_tls_handshake(connection.tls!)) {
        case Int(LG_TLS_DONE):
            connection.handshaking = false
            watchWrites(connection, false)
            return true
        case Int(LG_TLS_WANT_READ):
            watchWrites(connection, false)
        case Int(LG_TLS_WANT_WRITE):
            watchWrites(connection, true)
        default:
            closeConnection(connection)
        }
        return false
    }

    /// `read`, or through OpenSSL with `read`'s conventions.
    private func receive(_ connection: ServerConnection, into buffer: UnsafeMutablePointer<UInt8>, _ space: Int) -> Int
    {
        guard let tls = connection.tls else { return read(connection.fd, buffer, space) }
        let count = lg_tls_read(tls, buffer, space)
        if count >= 0 { return count }
        if Int(count) == Int(LG_TLS_WANT_WRITE) { watchWrites(connection, true) }
        errno = Int(count) == Int(LG_TLS_ERROR) ? ECONNRESET : EAGAIN
        return -1
    }

    /// `send`, or through OpenSSL with `send`'s conventions.
    private func transmit(_ connection: ServerConnection, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        guard let tls = connection.tls else { return loadgen_send(connection.fd, bytes, count) }
        var vector = iovec(iov_base: UnsafeMutableRawPointer(mutating: bytes), iov_len: count)
        let sent = lg_tls_writev(tls, &vector, 1, nil, 0)
        if sent >= 0 { return sent }
        errno = Int(sent) == Int(LG_TLS_ERROR) ? EPIPE : EAGAIN
        return -1
    }

    /// Answers every complete request in the input; `false` when the connection was closed or hung.
    private mutating func process(_ connection: ServerConnection) -> Bool {
        var start = 0
        var received = 0
        defer { if received > 0 { shared.requests.add(received, ordering: .relaxed) } }
        while start < connection.inputCount, !connection.stopReading {
            if connection.bodyRemaining > 0 {
                let skip = min(connection.bodyRemaining, connection.inputCount - start)
                start += skip
                connection.bodyRemaining -= skip
                continue
            }
            let found = loadgen_find_head_end(connection.input + start, connection.inputCount - start)
            guard found > 0 else { break }
            let headLength = Int(found)
            let head = RequestHead(UnsafeBufferPointer(start: connection.input + start, count: headLength))
            start += headLength
            connection.bodyRemaining = head.contentLength
            received += 1
            requestNumber += 1
            if let fault = shared.options.fault, requestNumber % fault.every == 0 {
                guard inject(fault.kind, into: connection) else { return false }
                continue
            }
            answer(connection, closing: head.closing || shared.options.mode == .closeDelimited)
        }
        let rest = connection.inputCount - start
        if start > 0, rest > 0 { memmove(connection.input, connection.input + start, rest) }
        connection.inputCount = rest
        if rest == ServerConnection.inputCapacity {
            // A request head larger than the buffer: not something this server answers.
            closeConnection(connection)
            return false
        }
        return true
    }

    private mutating func answer(_ connection: ServerConnection, closing: Bool) {
        if shared.options.delay == .zero, shared.options.stallEvery == nil, connection.pendingDelayed == 0 {
            connection.output += closing ? shared.closingResponse : shared.response
            if closing {
                connection.closeAfterFlush = true
                connection.stopReading = true
            }
            return
        }
        delayed.append(
            DelayedResponse(
                fd: connection.fd, serial: connection.serial, dueNs: shared.dueTime(receivedAt: MonotonicClock.now()),
                closing: closing))
        connection.pendingDelayed += 1
        if closing { connection.stopReading = true }
    }

    /// Applies a fault; `false` when the connection is gone (closed, reset or hung).
    private mutating func inject(_ kind: TargetOptions.Fault.Kind, into connection: ServerConnection) -> Bool {
        switch kind {
        case .malformed:
            connection.output += Array("HTTX/1.1 200 OK\r\n\r\n".utf8)
            connection.closeAfterFlush = true
            connection.stopReading = true
            return true
        case .close:
            flush(connection)
            if connections[Int(connection.fd)] != nil { closeConnection(connection) }
        case .reset:
            _ = loadgen_set_linger_zero(connection.fd)
            closeConnection(connection)
        case .hang:
            flush(connection)
            if connections[Int(connection.fd)] != nil {
                _ = loadgen_epoll_ctl(epfd, LOADGEN_EPOLL_CTL_DEL, connection.fd, 0, 0)
                connections[Int(connection.fd)] = nil
                hung.append(connection.fd)
            }
        }
        return false
    }

    private mutating func releaseDelayed(_ now: UInt64) {
        while delayedHead < delayed.count, delayed[delayedHead].dueNs <= now {
            let entry = delayed[delayedHead]
            delayedHead += 1
            guard Int(entry.fd) < connections.count, let connection = connections[Int(entry.fd)],
                connection.serial == entry.serial
            else { continue }
            connection.pendingDelayed -= 1
            connection.output += entry.closing ? shared.closingResponse : shared.response
            if entry.closing { connection.closeAfterFlush = true }
            flush(connection)
        }
        if delayedHead == delayed.count {
            delayed.removeAll(keepingCapacity: true)
            delayedHead = 0
        } else if delayedHead > 4096 {
            delayed.removeFirst(delayedHead)
            delayedHead = 0
        }
    }

    private mutating func flush(_ connection: ServerConnection) {
        while connection.outputOffset < connection.output.count {
            let sent = connection.output.withUnsafeBytes { bytes in
                transmit(
                    connection, bytes.baseAddress! + connection.outputOffset, bytes.count - connection.outputOffset)
            }
            if sent > 0 {
                connection.outputOffset += sent
                continue
            }
            if sent < 0, errno == EINTR { continue }
            if sent < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                watchWrites(connection, true)
                return
            }
            closeConnection(connection)
            return
        }
        connection.output.removeAll(keepingCapacity: true)
        connection.outputOffset = 0
        watchWrites(connection, false)
        if connection.closeAfterFlush, connection.pendingDelayed == 0 { closeConnection(connection) }
    }

    private func watchWrites(_ connection: ServerConnection, _ watch: Bool) {
        guard connection.watchingWrites != watch else { return }
        connection.watchingWrites = watch
        let bits = LOADGEN_EPOLLIN | LOADGEN_EPOLLRDHUP | (watch ? LOADGEN_EPOLLOUT : 0)
        _ = loadgen_epoll_ctl(epfd, LOADGEN_EPOLL_CTL_MOD, connection.fd, bits, UInt64(connection.fd))
    }

    private mutating func closeConnection(_ connection: ServerConnection) {
        guard Int(connection.fd) < connections.count, connections[Int(connection.fd)] === connection else { return }
        connections[Int(connection.fd)] = nil
        if let tls = connection.tls { lg_tls_close(tls, connection.handshaking ? 0 : 1) }
        close(connection.fd)
    }
}

#endif
