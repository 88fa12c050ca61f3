import CLoadGen
import CLoadGenTLS

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

/// Issuing requests: into the connection's ring, then out with one `sendmsg` of every unwritten
/// request (the template bytes are never copied).
extension WorkerLoop {
    /// Puts the next request template in flight on connection `index`.
    @inline(__always)
    mutating func issue(_ index: Int, intendedNs: UInt64, now: UInt64) {
        let slots = self.slots // a local, not self's: ThreadSanitizer workaround (WorkerLoop.swift)
        let measured = intendedNs >= plan.measureStartNs
        ring[ringIndex(index, offset: slots[index].inFlight)] = InFlight(
            intendedNs: intendedNs, sentNs: now, template: Int32(truncatingIfNeeded: nextTemplate), measured: measured)
        nextTemplate += 1
        if nextTemplate == templateCount { nextTemplate = 0 }
        slots[index].inFlight += 1
        slots[index].unwritten += 1
        inFlightTotal += 1
        if slots[index].phase == .open { freeCapacity -= 1 }
        if measured { tally.sent += 1 } else { tally.warmupSent += 1 }
    }

    /// Closed model: tops connection `index` up to `pipelining` requests in flight.
    ///
    /// Each request is due when the response it replaces arrived: a full pipeline frees its ring
    /// positions in the order new requests fill them, so the position's `freedNs` is that moment. A
    /// connection that just opened or was activated has nothing to replace; its requests are due then.
    /// The corrected latency thus includes the time a request waited inside the client before its write.
    mutating func refill(_ index: Int, now: UInt64) {
        guard !draining, slots[index].active, slots[index].phase == .open else { return }
        while slots[index].inFlight < depth {
            if now >= plan.measureStartNs, let share = plan.countShare, tally.sent >= share { return }
            let freed = ring[ringIndex(index, offset: slots[index].inFlight)].freedNs
            let due = min(max(freed, slots[index].readySinceNs), now)
            issue(index, intendedNs: due, now: now)
        }
    }

    /// Writes every unwritten request of connection `index`; watches for writability when the socket
    /// buffer is full.
    mutating func flush(_ index: Int, now: UInt64) {
        let slots = self.slots // a local, not self's: ThreadSanitizer workaround (WorkerLoop.swift)
        let unwritten = slots[index].unwritten
        guard unwritten > 0, slots[index].phase == .open else { return }
        let first = slots[index].inFlight - unwritten
        for vector in 0..<unwritten {
            let template = Int(ring[ringIndex(index, offset: first + vector)].template)
            var start = requestOffsets[template]
            if vector == 0 { start += slots[index].partialBytes }
            vectors[vector] = iovec(iov_base: requestBytes + start, iov_len: requestOffsets[template + 1] - start)
        }
        var written = 0
        while true {
            written =
                tlsConnections == nil
                ? loadgen_send_vectors(slots[index].fd, vectors, Int32(unwritten)) : tlsWrite(index, count: unwritten)
            if written >= 0 { break }
            if written == -2 {
                tlsConnectionFailed(index, now: now)
                return
            }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK {
                watchWrites(index, true)
                return
            }
            fail(index, .write, now: now)
            return
        }
        var offset = first
        while slots[index].unwritten > 0 {
            let template = Int(ring[ringIndex(index, offset: offset)].template)
            let length = requestOffsets[template + 1] - requestOffsets[template] - slots[index].partialBytes
            if written < length {
                slots[index].partialBytes += written
                break
            }
            written -= length
            slots[index].unwritten -= 1
            slots[index].partialBytes = 0
            offset += 1
        }
        watchWrites(index, slots[index].unwritten > 0)
    }

    /// Open model: sends every request that is due, on connections with room, filling one connection
    /// at a time so that a backlog goes out in few writes.
    mutating func sendDue(_ now: UInt64) {
        while nextDueNs <= now, freeCapacity > 0 {
            var index = cursor
            var found = -1
            for _ in 0..<slotCount {
                if slots[index].phase == .open, slots[index].inFlight < depth {
                    found = index
                    break
                }
                index += 1
                if index == slotCount { index = 0 }
            }
            guard found >= 0 else { return }
            cursor = found + 1 == slotCount ? 0 : found + 1
            fillFromSchedule(found, now: now)
        }
    }

    /// Open model: gives connection `index` as many due requests as it has room for, then writes them.
    mutating func fillFromSchedule(_ index: Int, now: UInt64) {
        while slots[index].inFlight < depth, nextDueNs <= now {
            let intended = nextDueNs
            issue(index, intendedNs: intended, now: now)
            if intended >= plan.measureStartNs, now - intended > plan.lateThresholdNs { tally.late += 1 }
            arrivalIndex += UInt64(plan.workers)
            nextDueNs = dueTime(of: arrivalIndex)
        }
        flush(index, now: now)
    }

    /// The absolute time the arrival of index `k` is due, or `.max` when there is none before the
    /// deadline or the count share is used up.
    func dueTime(of k: UInt64) -> UInt64 {
        if let share = plan.countShare, tally.sent >= share { return .max }
        guard let offset = plan.schedule.arrivalTime(of: k) else { return .max }
        let due = plan.startNs + offset
        return due >= deadlineNs ? .max : due
    }
}

#endif
