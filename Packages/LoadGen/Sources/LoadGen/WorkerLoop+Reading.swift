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

/// Reading responses: one `read` per readiness event, parsed in place, one clock read per `read`.
extension WorkerLoop {
    mutating func readable(_ index: Int) {
        var now: UInt64 = 0
        while true {
            let count =
                tlsConnections == nil ? read(slots[index].fd, readBuffer, WorkerLoop.readCapacity) : tlsRead(index)
            now = MonotonicClock.now()
            if count == -2 {
                tlsConnectionFailed(index, now: now)
                return
            }
            if count > 0 {
                if now >= nextSecondNs { rollSeconds(now) }
                if measuring, now < deadlineNs {
                    tally.bytesInWindow &+= UInt64(count)
                    secondBytes &+= UInt64(count)
                }
                guard consume(index, count: count, now: now) else { return }
                if count < WorkerLoop.readCapacity { break }
                continue
            }
            if count == 0 {
                endOfStream(index, now: now)
                return
            }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { break }
            fail(index, slots[index].unwritten > 0 ? .write : .read, now: now)
            return
        }
        // Closed model: the connection gets its next requests in the write pass after this batch of
        // events, so that reads and writes are done in two tight passes.
        if plan.model == .closed, !slots[index].queued {
            slots[index].queued = true
            pending[pendingCount] = Int32(truncatingIfNeeded: index)
            pendingCount += 1
        }
    }

    /// Parses `count` bytes of the read buffer; `false` when the connection was closed on the way.
    mutating func consume(_ index: Int, count: Int, now: UInt64) -> Bool {
        let slots = self.slots // a local, not self's: ThreadSanitizer workaround (WorkerLoop.swift)
        var offset = 0
        while offset < count {
            guard slots[index].inFlight > 0 else {
                // Bytes nobody asked for: the stream cannot be trusted any more.
                fail(index, .parse, now: now)
                return false
            }
            let oldest = ring[ringIndex(index, offset: 0)]
            let step = slots[index].parser.parse(
                UnsafeRawBufferPointer(start: readBuffer + offset, count: count - offset),
                headRequest: headFlags[Int(oldest.template)])
            offset += step.consumed
            switch step.event {
            case .response:
                let keepAlive = slots[index].parser.keepAlive
                complete(index, status: slots[index].parser.statusCode, now: now)
                if !keepAlive {
                    closeAndReconnect(index, now: now)
                    return false
                }
            case .needMoreData:
                return true
            case .malformed, .truncated:
                fail(index, .parse, now: now)
                return false
            }
        }
        return true
    }

    /// The peer closed: completes a close-delimited response, fails requests it left unanswered.
    mutating func endOfStream(_ index: Int, now: UInt64) {
        let slots = self.slots // a local, not self's: ThreadSanitizer workaround (WorkerLoop.swift)
        switch slots[index].parser.finishAtEndOfStream() {
        case .response:
            complete(index, status: slots[index].parser.statusCode, now: now)
            closeAndReconnect(index, now: now)
        case .needMoreData where slots[index].inFlight == 0:
            closeAndReconnect(index, now: now)
        default:
            fail(index, .closedByPeer, now: now)
        }
    }

    /// Records the response to the oldest request in flight on connection `index`.
    @inline(__always)
    mutating func complete(_ index: Int, status: Int, now: UInt64) {
        // Locals, not self's: ThreadSanitizer workaround (WorkerLoop.swift).
        let slots = self.slots, statusCounts = self.statusCounts
        let position = ringIndex(index, offset: 0)
        let entry = ring[position]
        ring[position].freedNs = now
        slots[index].head += 1
        if slots[index].head == depth { slots[index].head = 0 }
        slots[index].inFlight -= 1
        inFlightTotal -= 1
        if slots[index].unwritten > slots[index].inFlight {
            slots[index].unwritten = slots[index].inFlight
            slots[index].partialBytes = 0
        }
        if slots[index].phase == .open { freeCapacity += 1 }
        guard entry.measured else { return }
        tally.completed += 1
        let latency = now > entry.intendedNs ? now - entry.intendedNs : 0
        if !corrected.record(latency) { tally.outOfRange += 1 }
        _ = uncorrected.record(now > entry.sentNs ? now - entry.sentNs : 0)
        statusCounts[status < WorkerOutcome.statusSlots ? status : 0] &+= 1
        let isError = status >= 400
        if isError { tally.httpErrors += 1 }
        if now < deadlineNs {
            tally.completedInWindow += 1
            secondRequests += 1
            if isError { secondErrors += 1 }
            _ = interval.record(latency)
        } else {
            tally.drained += 1
        }
    }
}

#endif
