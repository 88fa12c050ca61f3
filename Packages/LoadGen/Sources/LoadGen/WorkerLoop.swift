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

/// One request on a connection: when it was meant to go, when it went, which template, and whether it
/// counts (sent after the warmup).
struct InFlight {
    var intendedNs: UInt64
    var sentNs: UInt64
    /// Once answered: when this ring position became free. In the closed model the next request put
    /// here was due at that moment (a user with no think time sends as soon as a response arrives).
    var freedNs: UInt64 = 0
    var template: Int32
    var measured: Bool
}

/// Where a connection is in its life.
enum ConnectionPhase: UInt8 {
    case closed, connecting, handshaking, open, backoff
}

/// One connection of a worker: its socket, parser and ring of requests in flight.
struct ConnectionSlot {
    var fd: Int32 = -1
    /// Bumped on every close, and put in epoll tags, so that events of an old socket are ignored.
    var generation: UInt32 = 0
    var phase = ConnectionPhase.closed
    /// Closed model: whether the current stage uses this connection.
    var active = false
    /// Ring index of the oldest request in flight.
    var head = 0
    var inFlight = 0
    /// The last `unwritten` requests in flight are not fully written yet.
    var unwritten = 0
    /// Bytes of the first unwritten request already written.
    var partialBytes = 0
    var watchingWrites = false
    var retryAtNs: UInt64 = 0
    /// When `connect` was called, and (https) when the TCP connection was up and the handshake began.
    var connectStartNs: UInt64 = 0
    var handshakeStartNs: UInt64 = 0
    /// Closed model: when the connection last opened or was activated; no request on it was due earlier.
    var readySinceNs: UInt64 = 0
    /// Closed model: queued for the write pass after the current batch of events.
    var queued = false
    var parser = HTTPResponseParser()
}

/// The event loop of one worker thread: its connections, counters and histograms.
///
/// Everything the loop touches per request lives in memory allocated once in `init` and addressed
/// through pointers, so the request path neither allocates nor pays copy-on-write or exclusivity checks.
/// The struct is non-copyable: it owns that memory and frees it in `deinit`.
///
/// ThreadSanitizer workaround: a mutating method that changes memory in place through one of the `let`
/// pointers of this non-copyable struct (`slots[index].inFlight += 1`, `slots[index].parser.reset()`) makes
/// swift-frontend 6.3.1 abort with `-sanitize=thread` ("Invalid bitcast": its inout-access instrumentation
/// takes the struct's first field for the address; swiftlang/swift#86265, reduced in
/// Scripts/sanitizers/noncopyable-tsan-repro.swift). Such a method first copies the pointer into a local of
/// the same name (`let slots = self.slots`), which compiles the same code without the fault.
struct WorkerLoop: ~Copyable {
    static let housekeepingNs: UInt64 = 10_000_000
    static let connectRetryNs: UInt64 = 10_000_000
    static let eventCapacity: Int32 = 256
    static let readCapacity = 64 * 1024

    let plan: WorkerPlan
    let depth: Int
    let slotCount: Int
    let epfd: Int32
    let events: UnsafeMutablePointer<epoll_event>
    let readBuffer: UnsafeMutableRawPointer
    let slots: UnsafeMutablePointer<ConnectionSlot>
    let ring: UnsafeMutablePointer<InFlight>
    let vectors: UnsafeMutablePointer<iovec>
    let requestBytes: UnsafeMutableRawPointer
    let requestOffsets: UnsafeMutablePointer<Int>
    let headFlags: UnsafeMutablePointer<Bool>
    let templateCount: Int
    let statusCounts: UnsafeMutablePointer<UInt64>
    let pending: UnsafeMutablePointer<Int32>
    var pendingCount = 0
    var corrected = HistogramRecorder.allocate()
    var uncorrected = HistogramRecorder.allocate()
    var interval = HistogramRecorder.allocate()
    /// Open model: the waits of the requests never sent, made once when sending stops (`beginDrain`) and
    /// added to the corrected histogram at the end.
    var unsentWaits: LatencyHistogram?
    var tally = Tally()
    var nextTemplate = 0
    var inFlightTotal = 0
    var freeCapacity = 0
    var cursor = 0

    var measuring = false
    var second = 0
    var nextSecondNs: UInt64
    var secondRequests: UInt64 = 0
    var secondErrors: UInt64 = 0
    var secondBytes: UInt64 = 0

    var deadlineNs: UInt64
    var draining = false
    var drainEndNs: UInt64 = .max
    var finished = false
    var measureEndNs: UInt64 = 0
    /// When the thread woke at the start time (`MonotonicClock`).
    var startedNs: UInt64 = 0
    var cpuStartNs: UInt64 = 0
    var cpuNs: UInt64 = 0
    var nextHousekeepingNs: UInt64 = 0
    var arrivalIndex: UInt64 = 0
    var nextDueNs: UInt64 = .max
    var failure: LoadGenError?

    /// https: one `lg_tls_conn` per connection (its `SSL` while open, its session across reconnects), a
    /// buffer to gather pipelined requests into one TLS write, and the names as C strings; all made once here.
    let tlsConnections: UnsafeMutablePointer<lg_tls_conn>?
    let tlsScratch: UnsafeMutableRawPointer?
    let serverName: UnsafeMutablePointer<CChar>?
    let verifyHost: UnsafeMutablePointer<CChar>?
    var connectTimes = HistogramRecorder.allocate()
    var handshakeTimes = HistogramRecorder.allocate()
    var fullHandshakes: UInt64 = 0
    var resumedHandshakes: UInt64 = 0
    /// TLS failures by kind, OpenSSL's static reason text (its address) and verification code: no text is
    /// made until the end of the run.
    var tlsFailures: [TLSFailureKey: UInt64] = [:]
    var tlsProtocol: UnsafePointer<CChar>?
    static let tlsScratchCapacity = 16 * 1024

    init(plan: WorkerPlan) throws(LoadGenError) {
        let epfd = loadgen_epoll_create()
        guard epfd >= 0 else { throw .systemCallFailed(call: "epoll_create1", errno: errno) }
        self.plan = plan
        self.epfd = epfd
        depth = plan.pipelining
        slotCount = plan.connections
        events = .allocate(capacity: Int(WorkerLoop.eventCapacity))
        readBuffer = .allocate(byteCount: WorkerLoop.readCapacity, alignment: 16)
        slots = .allocate(capacity: max(1, slotCount))
        slots.initialize(repeating: ConnectionSlot(), count: max(1, slotCount))
        ring = .allocate(capacity: max(1, slotCount * depth))
        ring.initialize(
            repeating: InFlight(intendedNs: 0, sentNs: 0, template: 0, measured: false),
            count: max(1, slotCount * depth))
        vectors = .allocate(capacity: depth)
        templateCount = plan.requests.count
        let totalBytes = plan.requests.reduce(0) { $0 + $1.count }
        let bytes = UnsafeMutableRawPointer.allocate(byteCount: max(1, totalBytes), alignment: 16)
        let offsets = UnsafeMutablePointer<Int>.allocate(capacity: templateCount + 1)
        let heads = UnsafeMutablePointer<Bool>.allocate(capacity: templateCount)
        var offset = 0
        for (index, request) in plan.requests.enumerated() {
            offsets[index] = offset
            request.withUnsafeBytes { (bytes + offset).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            offset += request.count
            heads[index] = plan.headRequests[index]
        }
        offsets[templateCount] = offset
        requestBytes = bytes
        requestOffsets = offsets
        headFlags = heads
        pending = .allocate(capacity: max(1, slotCount))
        statusCounts = .allocate(capacity: WorkerOutcome.statusSlots)
        statusCounts.initialize(repeating: 0, count: WorkerOutcome.statusSlots)
        nextSecondNs = plan.measureStartNs
        deadlineNs = plan.deadlineNs
        if plan.tls != nil {
            let connections = UnsafeMutablePointer<lg_tls_conn>.allocate(capacity: max(1, slotCount))
            connections.initialize(repeating: lg_tls_conn(), count: max(1, slotCount))
            for index in 0..<max(1, slotCount) { connections[index].resume = plan.tlsSettings.resume ? 1 : 0 }
            tlsConnections = connections
            tlsScratch = .allocate(byteCount: WorkerLoop.tlsScratchCapacity, alignment: 16)
            serverName = plan.serverName.map { strdup($0) }
            verifyHost = plan.verifyHost.map { strdup($0) }
        } else {
            tlsConnections = nil
            tlsScratch = nil
            serverName = nil
            verifyHost = nil
        }
    }

    deinit {
        if let tlsConnections {
            for index in 0..<max(1, slotCount) { lg_tls_release(tlsConnections + index) }
            tlsConnections.deallocate()
        }
        tlsScratch?.deallocate()
        free(serverName)
        free(verifyHost)
        connectTimes.deallocate()
        handshakeTimes.deallocate()
        for index in 0..<slotCount where slots[index].fd >= 0 { close(slots[index].fd) }
        close(epfd)
        events.deallocate()
        readBuffer.deallocate()
        slots.deinitialize(count: max(1, slotCount))
        slots.deallocate()
        ring.deallocate()
        vectors.deallocate()
        requestBytes.deallocate()
        requestOffsets.deallocate()
        headFlags.deallocate()
        statusCounts.deallocate()
        pending.deallocate()
        corrected.deallocate()
        uncorrected.deallocate()
        interval.deallocate()
    }

    /// Runs the worker's share of the load to its end and returns what it measured.
    mutating func run() -> WorkerOutcome {
        _ = loadgen_set_timer_slack(1)
        let before = MonotonicClock.now()
        if plan.startNs > before { PosixThread.sleep(nanoseconds: plan.startNs - before) }
        var now = MonotonicClock.now()
        startedNs = now
        rollSeconds(now)
        if plan.model == .open {
            for index in 0..<slotCount {
                slots[index].active = true
                connect(index, now: now)
            }
            arrivalIndex = UInt64(plan.index)
            nextDueNs = dueTime(of: arrivalIndex)
        } else {
            updateActiveConnections(now)
        }
        nextHousekeepingNs = now + WorkerLoop.housekeepingNs
        while !finished {
            now = MonotonicClock.now()
            let wake = nextWakeNs()
            let timeout = wake <= now ? 0 : Int64(min(wake - now, 1_000_000_000))
            let count = loadgen_epoll_wait_ns(epfd, events, WorkerLoop.eventCapacity, timeout)
            if count < 0, errno != EINTR {
                failure = .systemCallFailed(call: "epoll_wait", errno: errno)
                break
            }
            for index in 0..<Int(max(0, count)) { handleEvent(index) }
            if pendingCount > 0 { writePass() }
            now = MonotonicClock.now()
            if plan.model == .open, !draining, nextDueNs <= now { sendDue(now) }
            if now >= nextHousekeepingNs || now >= nextSecondNs || (!draining && now >= deadlineNs) {
                housekeeping(now)
            }
            checkEnd(now)
        }
        return outcome()
    }

    /// Closed model: tops up and writes every connection that read responses in this batch.
    private mutating func writePass() {
        for position in 0..<pendingCount {
            let index = Int(pending[position])
            slots[index].queued = false
            let now = MonotonicClock.now()
            refill(index, now: now)
            flush(index, now: now)
        }
        pendingCount = 0
    }

    /// The earliest moment the loop must wake up without an event.
    private func nextWakeNs() -> UInt64 {
        var wake = min(nextHousekeepingNs, nextSecondNs)
        if draining {
            wake = min(wake, drainEndNs)
        } else {
            wake = min(wake, deadlineNs)
            if plan.model == .open, freeCapacity > 0 { wake = min(wake, nextDueNs) }
        }
        return wake
    }

    /// Ends the measured window when a count-stopped run has all its responses, and the run when
    /// nothing is in flight after the deadline or the grace period is over.
    private mutating func checkEnd(_ now: UInt64) {
        if !draining, measuring, let share = plan.countShare, tally.sent >= share, inFlightTotal == 0 {
            deadlineNs = now
            beginDrain(now)
        }
        if draining, inFlightTotal == 0 || now >= drainEndNs { finish() }
    }

    private mutating func finish() {
        if inFlightTotal > 0 {
            for index in 0..<slotCount {
                for offset in 0..<slots[index].inFlight where ring[ringIndex(index, offset: offset)].measured {
                    tally.abandoned += 1
                }
            }
        }
        finished = true
    }

    private func outcome() -> WorkerOutcome {
        var outcome = WorkerOutcome()
        outcome.tally = tally
        outcome.statusCounts = Array(UnsafeBufferPointer(start: statusCounts, count: WorkerOutcome.statusSlots))
        outcome.corrected = corrected.snapshot()
        if let unsentWaits { outcome.corrected.merge(unsentWaits) }
        outcome.uncorrected = uncorrected.snapshot()
        outcome.cpuNs = cpuNs
        outcome.measureEndNs = measureEndNs
        outcome.startedNs = startedNs
        outcome.failure = failure
        if plan.tls != nil { outcome.tls = tlsStatistics() }
        return outcome
    }

    /// The ring position of the `offset`-th request in flight on connection `index`.
    @inline(__always)
    func ringIndex(_ index: Int, offset: Int) -> Int {
        var position = slots[index].head + offset
        if position >= depth { position -= depth }
        return index * depth + position
    }
}

#endif
