import PerfSupport
import Synchronization

// LoadGen's engine is epoll, so Linux only; elsewhere LoadTest.run and TargetServer throw
// LoadGenError.requiresLinux (TargetServer+Unavailable.swift).
#if os(Linux)

/// What the loop does every 10 ms and at phase changes: seconds, the deadline, timeouts, reconnects
/// and connection stages.
extension WorkerLoop {
    mutating func housekeeping(_ now: UInt64) {
        if !draining, plan.control.stopRequested.load(ordering: .relaxed) { deadlineNs = min(deadlineNs, now) }
        if now >= nextSecondNs { rollSeconds(now) }
        if !draining, now >= deadlineNs { beginDrain(now) }
        for index in 0..<slotCount {
            if slots[index].inFlight > 0 {
                let sent = ring[ringIndex(index, offset: 0)].sentNs
                if now > sent, now - sent > plan.timeoutNs {
                    fail(index, .timeout, now: now)
                    continue
                }
            }
            if slots[index].phase == .handshaking, now > slots[index].handshakeStartNs,
                now - slots[index].handshakeStartNs > plan.timeoutNs
            {
                handshakeFailed(
                    index, now: now,
                    key: TLSFailureKey(kind: TLSFailureKey.timeoutKind, reason: 0, verify: 0, duringHandshake: true))
                continue
            }
            if slots[index].phase == .backoff, now >= slots[index].retryAtNs {
                slots[index].phase = .closed
                reconnectIfUseful(index, now: now)
            }
        }
        if plan.model == .closed, !draining { updateActiveConnections(now) }
        nextHousekeepingNs = now + WorkerLoop.housekeepingNs
    }

    /// Starts measuring at the end of the warmup, and hands every whole second that ended by `now` (and
    /// by the deadline) to the aggregator.
    mutating func rollSeconds(_ now: UInt64) {
        if !measuring {
            guard now >= plan.measureStartNs else { return }
            measuring = true
            cpuStartNs = CPUClock.thread() ?? 0
            nextSecondNs = plan.measureStartNs + 1_000_000_000
            // Open model: a backlog left by the warmup would eat into the measured window; skip it.
            while nextDueNs < plan.measureStartNs {
                tally.warmupSkipped += 1
                arrivalIndex += UInt64(plan.workers)
                nextDueNs = dueTime(of: arrivalIndex)
            }
        }
        while nextSecondNs <= now, nextSecondNs <= deadlineNs {
            publishSecond()
            nextSecondNs += 1_000_000_000
        }
    }

    mutating func publishSecond() {
        plan.control.seconds.publish(
            second: second, requests: secondRequests, errors: secondErrors, bytes: secondBytes, interval: interval,
            snapshot: snapshot())
        interval.reset()
        second += 1
        secondRequests = 0
        secondErrors = 0
        secondBytes = 0
    }

    /// This worker's cumulative figures for the live ones: a scan of the status slots and the connections,
    /// once per second.
    func snapshot() -> WorkerSnapshot {
        var snapshot = WorkerSnapshot(worker: plan.index, errors: tally.errors, inFlight: UInt64(inFlightTotal))
        for status in 0..<WorkerOutcome.statusSlots where statusCounts[status] != 0 {
            snapshot.statuses[LiveFigures.statusClass(of: status)] += statusCounts[status]
        }
        for index in 0..<slotCount where slots[index].phase == .open { snapshot.connections += 1 }
        return snapshot
    }

    /// The deadline (or a stop, or the end of a count) has come: closes the measured window, counts the
    /// open model's unsent requests as dropped (and censored), and lets requests in flight drain for the
    /// grace period.
    mutating func beginDrain(_ now: UInt64) {
        let end = min(deadlineNs, now)
        deadlineNs = end
        rollSeconds(end)
        if measuring {
            if nextSecondNs - 1_000_000_000 < end { publishSecond() }
            measureEndNs = end
            cpuNs = (CPUClock.thread() ?? cpuStartNs) - cpuStartNs
        } else {
            measureEndNs = plan.measureStartNs
        }
        nextSecondNs = .max
        if plan.model == .open {
            countUnsent(before: end)
            nextDueNs = .max
        }
        draining = true
        drainEndNs = end + plan.graceNs
    }

    /// Counts the measured arrivals due before `end` that were never sent, and keeps for each the time it
    /// had waited by `end`, a value its latency certainly exceeds (it was not even written by then), for
    /// the corrected histogram: censored there rather than left out. Arithmetic, not one per arrival.
    private mutating func countUnsent(before end: UInt64) {
        let limit = plan.countShare.map { $0 > tally.sent ? $0 - tally.sent : 0 } ?? .max
        guard end > plan.startNs, limit > 0 else { return }
        let unsent = plan.schedule.unsentArrivals(
            first: arrivalIndex, stride: UInt64(plan.workers), from: plan.measureStartNs - plan.startNs,
            before: end - plan.startNs, limit: limit)
        tally.dropped += unsent.count
        tally.censored += unsent.count - unsent.outOfRange
        tally.outOfRange += unsent.outOfRange
        if unsent.count > 0 { unsentWaits = unsent.waits }
    }

    /// Closed model: activates this worker's share of the stage's connections, parks the rest (they
    /// finish what is in flight and send nothing more).
    mutating func updateActiveConnections(_ now: UInt64) {
        let level = Int(plan.schedule.level(at: now > plan.startNs ? now - plan.startNs : 0))
        let share = level > plan.index ? min(slotCount, (level - plan.index + plan.workers - 1) / plan.workers) : 0
        for index in 0..<slotCount {
            if index < share {
                guard !slots[index].active else { continue }
                slots[index].active = true
                switch slots[index].phase {
                case .closed: connect(index, now: now)
                case .open:
                    slots[index].readySinceNs = now
                    refill(index, now: now)
                    flush(index, now: now)
                case .connecting, .handshaking, .backoff: break
                }
            } else {
                slots[index].active = false
            }
        }
    }
}

#endif
