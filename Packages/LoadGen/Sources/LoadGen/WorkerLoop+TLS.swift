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

/// https: the handshake inside the epoll loop (its WANT_READ/WANT_WRITE set the interest), reads and writes
/// through OpenSSL, failures by reason.
extension WorkerLoop {
    /// The TCP connection is up: starts the handshake on this connection's `SSL` (made here, once per connection).
    mutating func beginHandshake(_ index: Int, now: UInt64) {
        let connection = tlsConnections! + index
        slots[index].handshakeStartNs = now
        guard lg_tls_start(connection, plan.tls!.pointer, slots[index].fd, serverName, verifyHost, 0) == 0 else {
            handshakeFailed(index, now: now, key: failureKey(index, duringHandshake: true))
            return
        }
        slots[index].phase = .handshaking
        advanceHandshake(index, now: now)
    }

    /// One step of the handshake; on its end the connection opens (and takes its requests).
    mutating func advanceHandshake(_ index: Int, now: UInt64) {
        let connection = tlsConnections! + index
        switch Int(lg_tls_handshake(connection)) {
        case Int(LG_TLS_DONE):
            // A fresh reading: one call may run the whole handshake when the server answers while it runs.
            let now = MonotonicClock.now()
            if measuring, now < deadlineNs {
                _ = handshakeTimes.record(now - slots[index].handshakeStartNs)
                if lg_tls_resumed(connection) != 0 { resumedHandshakes += 1 } else { fullHandshakes += 1 }
            }
            // Also from the warmup: a keep-alive run may have no handshake in its window.
            if tlsProtocol == nil { tlsProtocol = lg_tls_protocol(connection) }
            connected(index, now: now)
        case Int(LG_TLS_WANT_READ):
            watchWrites(index, false)
        case Int(LG_TLS_WANT_WRITE):
            watchWrites(index, true)
        default:
            handshakeFailed(index, now: now, key: failureKey(index, duringHandshake: true))
        }
    }

    func failureKey(_ index: Int, duringHandshake: Bool) -> TLSFailureKey {
        TLSFailureKey(tlsConnections![index], duringHandshake: duringHandshake)
    }

    /// Counts a failed handshake (per attempt, inside the measured window, like a failed connect) with its
    /// reason, and retries after `connectRetryNs`.
    mutating func handshakeFailed(_ index: Int, now: UInt64, key: TLSFailureKey) {
        if measuring, now < deadlineNs {
            tally.errors.tls += 1
            tlsFailures[key, default: 0] += 1
        }
        closeSocket(index)
        slots[index].phase = .backoff
        slots[index].retryAtNs = now + WorkerLoop.connectRetryNs
    }

    /// A TLS failure after the handshake (an alert, a bad record): the requests in flight fail as `tls`.
    mutating func tlsConnectionFailed(_ index: Int, now: UInt64) {
        let key = failureKey(index, duringHandshake: false)
        let before = tally.errors.tls
        fail(index, .tls, now: now)
        if tally.errors.tls > before { tlsFailures[key, default: 0] += tally.errors.tls - before }
    }

    /// Reads through OpenSSL with `read`'s conventions: bytes, 0 at the end, -1 with `errno` EAGAIN when it
    /// would block; -2 when TLS failed.
    mutating func tlsRead(_ index: Int) -> Int {
        let count = lg_tls_read(tlsConnections! + index, readBuffer, WorkerLoop.readCapacity)
        if count >= 0 { return count }
        switch Int(count) {
        case Int(LG_TLS_WANT_READ):
            errno = EAGAIN
            return -1
        case Int(LG_TLS_WANT_WRITE):
            watchWrites(index, true)
            errno = EAGAIN
            return -1
        default:
            return -2
        }
    }

    /// Writes the first `count` vectors through OpenSSL with `sendmsg`'s conventions (-2 when TLS failed).
    mutating func tlsWrite(_ index: Int, count: Int) -> Int {
        let written = lg_tls_writev(
            tlsConnections! + index, vectors, Int32(count), tlsScratch, WorkerLoop.tlsScratchCapacity)
        if written >= 0 { return written }
        switch Int(written) {
        case Int(LG_TLS_WANT_READ), Int(LG_TLS_WANT_WRITE):
            errno = EAGAIN
            return -1
        default:
            return -2
        }
    }

    /// What this worker's TLS side measured.
    func tlsStatistics() -> TLSStatistics {
        var statistics = TLSStatistics(
            verification: plan.tlsSettings.verificationText, resumption: plan.tlsSettings.resume)
        statistics.protocolVersion = tlsProtocol.map { String(cString: $0) }
        statistics.connectTime = connectTimes.snapshot()
        statistics.handshakeTime = handshakeTimes.snapshot()
        statistics.fullHandshakes = fullHandshakes
        statistics.resumedHandshakes = resumedHandshakes
        for (key, count) in tlsFailures { statistics.failureReasons[key.text, default: 0] += count }
        return statistics
    }
}

#endif
