import CLoadGen
import CLoadGenTLS
import PerfSupport

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

/// Opening, closing and failing connections.
extension WorkerLoop {
    @inline(__always)
    func tag(_ index: Int) -> UInt64 {
        UInt64(index) | UInt64(slots[index].generation) << 32
    }

    mutating func connect(_ index: Int, now: UInt64) {
        let fd = loadgen_tcp_socket()
        guard fd >= 0 else {
            connectFailed(index, now: now)
            return
        }
        _ = loadgen_set_nodelay(fd)
        if loadgen_connect_ipv4(fd, plan.address, plan.port) != 0, errno != EINPROGRESS {
            close(fd)
            connectFailed(index, now: now)
            return
        }
        slots[index].fd = fd
        slots[index].connectStartNs = now
        slots[index].phase = .connecting
        slots[index].watchingWrites = true
        _ = loadgen_epoll_ctl(
            epfd, LOADGEN_EPOLL_CTL_ADD, fd, LOADGEN_EPOLLIN | LOADGEN_EPOLLOUT | LOADGEN_EPOLLRDHUP, tag(index))
    }

    mutating func connected(_ index: Int, now: UInt64) {
        slots[index].phase = .open
        slots[index].readySinceNs = now
        freeCapacity += depth - slots[index].inFlight
        watchWrites(index, slots[index].unwritten > 0)
        if plan.model == .closed { refill(index, now: now) }
        flush(index, now: now)
    }

    /// Counts a failed attempt (inside the measured window) and retries after `connectRetryNs`.
    mutating func connectFailed(_ index: Int, now: UInt64) {
        if measuring, now < deadlineNs { tally.errors.connect += 1 }
        slots[index].phase = .backoff
        slots[index].retryAtNs = now + WorkerLoop.connectRetryNs
    }

    mutating func watchWrites(_ index: Int, _ watch: Bool) {
        guard slots[index].watchingWrites != watch, slots[index].fd >= 0 else { return }
        slots[index].watchingWrites = watch
        let bits = LOADGEN_EPOLLIN | LOADGEN_EPOLLRDHUP | (watch ? LOADGEN_EPOLLOUT : 0)
        _ = loadgen_epoll_ctl(epfd, LOADGEN_EPOLL_CTL_MOD, slots[index].fd, bits, tag(index))
    }

    /// Closes the socket; the requests in flight stay in the ring.
    mutating func closeSocket(_ index: Int) {
        let slots = self.slots // a local, not self's: ThreadSanitizer workaround (WorkerLoop.swift)
        if slots[index].phase == .open { freeCapacity -= depth - slots[index].inFlight }
        // https: a close_notify on an open connection, then the SSL goes (its session stays for the next one).
        if let tlsConnections { lg_tls_close_keeping(tlsConnections + index, slots[index].phase == .open ? 1 : 0) }
        if slots[index].fd >= 0 { close(slots[index].fd) }
        slots[index].fd = -1
        slots[index].generation &+= 1
        slots[index].phase = .closed
        slots[index].watchingWrites = false
        slots[index].parser.reset()
    }

    /// Fails every request in flight with `errorClass`, then reconnects.
    mutating func fail(_ index: Int, _ errorClass: ErrorClass, now: UInt64) {
        let inWindow = measuring && now < deadlineNs
        for offset in 0..<slots[index].inFlight where ring[ringIndex(index, offset: offset)].measured {
            tally.errors[errorClass] += 1
            if inWindow { secondErrors += 1 }
        }
        closeSocket(index)
        inFlightTotal -= slots[index].inFlight
        slots[index].inFlight = 0
        slots[index].head = 0
        slots[index].unwritten = 0
        slots[index].partialBytes = 0
        reconnectIfUseful(index, now: now)
    }

    /// Closes after a response that ended the connection (`Connection: close` or a close-delimited
    /// body): requests pipelined behind it were never answered, so they are sent again on a new one.
    mutating func closeAndReconnect(_ index: Int, now: UInt64) {
        closeSocket(index)
        slots[index].unwritten = slots[index].inFlight
        slots[index].partialBytes = 0
        reconnectIfUseful(index, now: now)
    }

    mutating func reconnectIfUseful(_ index: Int, now: UInt64) {
        let idle = slots[index].inFlight == 0
        if idle && (draining || !slots[index].active) { return }
        connect(index, now: now)
    }

    /// Dispatches one epoll event.
    mutating func handleEvent(_ eventIndex: Int) {
        let data = loadgen_event_data(events, Int32(eventIndex))
        let bits = loadgen_event_bits(events, Int32(eventIndex))
        let index = Int(truncatingIfNeeded: data & 0xFFFF_FFFF)
        let generation = UInt32(truncatingIfNeeded: data >> 32)
        guard index < slotCount, slots[index].generation == generation, slots[index].fd >= 0 else { return }
        switch slots[index].phase {
        case .connecting:
            let now = MonotonicClock.now()
            let error = loadgen_socket_error(slots[index].fd)
            if error == 0, bits & LOADGEN_EPOLLOUT != 0 {
                if measuring, now < deadlineNs { _ = connectTimes.record(now - slots[index].connectStartNs) }
                if tlsConnections != nil { beginHandshake(index, now: now) } else { connected(index, now: now) }
            } else if error != 0 || bits & (LOADGEN_EPOLLERR | LOADGEN_EPOLLHUP) != 0 {
                closeSocket(index)
                connectFailed(index, now: now)
            }
        case .open:
            if bits & (LOADGEN_EPOLLIN | LOADGEN_EPOLLERR | LOADGEN_EPOLLHUP | LOADGEN_EPOLLRDHUP) != 0 {
                readable(index)
            }
            if bits & LOADGEN_EPOLLOUT != 0, slots[index].generation == generation, slots[index].phase == .open {
                flush(index, now: MonotonicClock.now())
            }
        case .handshaking:
            advanceHandshake(index, now: MonotonicClock.now())
        case .closed, .backoff:
            break
        }
    }
}

#endif
