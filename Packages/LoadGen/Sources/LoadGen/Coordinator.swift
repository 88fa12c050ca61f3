import CLoadGen
public import PerfSupport
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The coordinator of a distributed run (`loadgen coordinate`): it listens, waits for every shard to report
/// ready with its clock offset, sends them one start time, collects their reports and aborts the run when a
/// shard does not get ready in time, disconnects, goes silent or sends garbage.
///
/// The protocol, one JSON object a line (`ControlChannel`), worker → coordinator unless marked ←:
/// `hello {run, shard, shards}` ← `welcome` (or ← `error {message}` and the connection is closed);
/// `ping {t0}` ← `pong {t0, t1}` a few times (the worker keeps the round trip of least delay: offset =
/// t1 − (t0 + t3)/2); `ready {offsetNs, rttNs}`; ← `start {atEpochNs}` by the coordinator's clock (with
/// `live: true` when it serves `/metrics`); during the run `progress {completed, errors}` every second (with
/// `live`, the shard's cumulative `LiveFigures`, when the start asked for them); `result {bytes}` and the report
/// file's bytes; ← `abort {reason}` when another shard failed.
public final class Coordinator: Sendable {
    /// The port it listens on (the one asked for, or the one the system chose for 0).
    public let port: Int
    /// The settings.
    public let settings: CoordinatorSettings
    private let listenFD: Int32
    /// Each shard's latest live figures (`liveFigures()`), read by the metrics server's thread.
    let live = Mutex<[Int: LiveFigures]>([:])

    /// Listens on `host:port` (an IPv4 address; port 0 picks a free one).
    /// - Throws: `LoadGenError.invalidField` for bad settings, `.systemCallFailed` when it cannot listen.
    public init(host: String, port: Int, settings: CoordinatorSettings) throws(LoadGenError) {
        guard (1...Shard.maximumCount).contains(settings.workers) else {
            throw .invalidField(
                field: "workers", reason: "must be in 1...\(Shard.maximumCount), got \(settings.workers)", file: nil)
        }
        let fd = try ListeningSocket.open(host: host, port: port, backlog: 256, field: "listen")
        listenFD = fd
        self.port = Int(loadgen_bound_port(fd))
        self.settings = settings
    }

    deinit { close(listenFD) }

    /// The live figures of the run: the sum of every shard's latest (`shards` says how many have sent some).
    /// Safe from any thread, while `run` goes on.
    public func liveFigures() -> LiveFigures {
        let parts = live.withLock { $0 }
        var sum = LiveFigures()
        sum.shards = 0
        for index in parts.keys.sorted() { sum = sum.merged(with: parts[index]!) }
        return sum
    }

    /// One worker's connection and what it said.
    private final class Peer {
        let channel: ControlChannel
        var shard: Int?
        var ready = false
        var offsetNs: Int64 = 0
        var rttNs: Int64 = 0
        var lastHeardNs: UInt64
        var report: ShardReport?
        var completed: UInt64 = 0
        var errors: UInt64 = 0
        var saidNoLiveFigures = false

        init(channel: ControlChannel, now: UInt64) {
            self.channel = channel
            lastHeardNs = now
        }
    }

    /// Live figures of the running shards (their latest `progress`), for a caller's display.
    public struct Progress: Sendable {
        /// Responses the shards reported so far, in all.
        public var completed: UInt64
        /// Errors the shards reported so far, in all.
        public var errors: UInt64
        /// Shards with a result in.
        public var finished: Int
    }

    /// Runs the whole protocol: gathers the workers, starts them, collects their reports.
    /// - Parameters:
    ///   - log: called with one line per event (a shard ready, a connection refused, the start, an abort).
    ///   - progress: called about every 100 ms during the run.
    /// - Returns: the run; `failure` says why when it was aborted (it is never thrown).
    public func run(log: (String) -> Void = { _ in }, progress: (Progress) -> Void = { _ in }) -> CoordinatedRun {
        var run = CoordinatedRun(
            runID: settings.runID, shardCount: settings.workers, startAtEpochNs: nil, shards: [], failure: nil,
            warnings: [])
        var peers: [Peer] = []
        func refuse(_ peer: Peer, _ reason: String) {
            run.warnings.append(reason)
            log("refused: \(reason)")
            try? peer.channel.send(
                .message("error", [("message", .string(reason))]), deadlineNs: MonotonicClock.now() + 500_000_000)
            peers.removeAll { $0 === peer }
        }
        // 1. Every shard connects, says hello, measures its clock and reports ready.
        let readyDeadline = MonotonicClock.now() + settings.readyTimeout.nanosecondsClamped
        while peers.filter(\.ready).count < settings.workers {
            let now = MonotonicClock.now()
            guard now < readyDeadline else {
                run.failure = notReady(peers)
                log("abort: \(run.failure!)")
                abort(peers, reason: run.failure!)
                return run
            }
            for peer in readable(peers, deadlineNs: min(readyDeadline, now + 100_000_000), accepting: true) {
                if peer == nil {
                    acceptAll(into: &peers)
                    continue
                }
                let peer = peer!
                do {
                    while let message = try peer.channel.receive(deadlineNs: 0) {
                        if let reason = gather(message, from: peer, among: peers, log: log) {
                            refuse(peer, reason)
                            break
                        }
                    }
                } catch {
                    let reason = "\(peer.channel.peer) before the start: \(error)"
                    if peer.shard != nil { log("lost: \(reason)") } else { run.warnings.append(reason) }
                    peers.removeAll { $0 === peer }
                }
            }
        }
        // 2. One start time, by this clock; each worker converts it by its offset.
        let startAt = WallClock.nanosecondsSinceEpoch() + Int64(settings.startDelay.nanosecondsClamped)
        run.startAtEpochNs = startAt
        let startMonotonic = MonotonicClock.now() + settings.startDelay.nanosecondsClamped
        log(
            "start: \(settings.workers) shards at \(startAt) ns since the epoch (in \(UnitText.format(settings.startDelay)))"
        )
        for peer in peers {
            peer.lastHeardNs = startMonotonic
            do {
                try peer.channel.send(
                    .message(
                        "start",
                        [("atEpochNs", .number(startAt))] + (settings.liveFigures ? [("live", .bool(true))] : [])),
                    deadlineNs: MonotonicClock.now() + 1_000_000_000)
            } catch {
                run.failure = "\(peer.channel.peer) did not take the start: \(error)"
                break
            }
        }
        // 3. Progress, then the reports; a shard that fails aborts the others, whose partial reports still count.
        let runDeadline = startMonotonic + settings.runTimeout.nanosecondsClamped
        var abortDeadline: UInt64 = run.failure == nil ? .max : MonotonicClock.now()
        if let failure = run.failure { abort(peers, reason: failure) }
        var lastProgress: UInt64 = 0
        while peers.contains(where: { $0.report == nil }) {
            let now = MonotonicClock.now()
            if now >= abortDeadline { break }
            if run.failure == nil {
                if now >= runDeadline {
                    let missing = peers.filter { $0.report == nil }.map { "shard \($0.shard!)" }
                    run.failure =
                        "\(missing.joined(separator: ", ")) sent no result within \(UnitText.format(settings.runTimeout)) of the start"
                } else if let silent = peers.first(where: {
                    $0.report == nil && now > $0.lastHeardNs + settings.silenceTimeout.nanosecondsClamped
                }) {
                    run.failure =
                        "shard \(silent.shard!) sent nothing for \(UnitText.format(settings.silenceTimeout)): hung or unreachable"
                }
                if let failure = run.failure {
                    log("abort: \(failure)")
                    abort(peers.filter { $0.report == nil }, reason: failure)
                    abortDeadline = now + settings.abortGrace.nanosecondsClamped
                    continue
                }
            }
            let waiting = peers.filter { $0.report == nil }
            for peer in readable(waiting, deadlineNs: min(abortDeadline, now + 100_000_000), accepting: false) {
                let peer = peer!
                do {
                    while peer.report == nil, let message = try peer.channel.receive(deadlineNs: 0) {
                        peer.lastHeardNs = MonotonicClock.now()
                        try collect(message, from: peer, log: log)
                        if let report = peer.report {
                            log("result: shard \(report.index) (\(report.reportBytes.count) bytes)")
                        }
                    }
                } catch {
                    peers.removeAll { $0 === peer }
                    // It is told too, when it still listens (garbage, a wrong report).
                    abort([peer], reason: "\(error)")
                    guard run.failure == nil else {
                        log("lost: shard \(peer.shard!) after the abort: \(error)")
                        continue
                    }
                    run.failure = "shard \(peer.shard!) failed during the run: \(error)"
                    log("abort: \(run.failure!)")
                    abort(peers.filter { $0.report == nil }, reason: run.failure!)
                    abortDeadline = MonotonicClock.now() + settings.abortGrace.nanosecondsClamped
                }
            }
            if MonotonicClock.now() >= lastProgress + 100_000_000 {
                lastProgress = MonotonicClock.now()
                progress(
                    Progress(
                        completed: peers.reduce(0) { $0 + $1.completed }, errors: peers.reduce(0) { $0 + $1.errors },
                        finished: peers.count { $0.report != nil }))
            }
        }
        if run.failure == nil, peers.contains(where: { $0.report == nil }) {
            run.failure = "shards without a result when the run ended"
        }
        run.shards = peers.compactMap(\.report).sorted { $0.index < $1.index }
        if run.failure == nil {
            for peer in peers {
                try? peer.channel.send(.message("done"), deadlineNs: MonotonicClock.now() + 500_000_000)
            }
        }
        return run
    }

    /// A message before the start; returns why the connection is refused, or `nil`.
    private func gather(_ message: JSONValue, from peer: Peer, among peers: [Peer], log: (String) -> Void) -> String? {
        let type = message["type"]?.stringValue ?? ""
        let who = peer.channel.peer
        guard let shard = peer.shard else {
            guard type == "hello" else { return "\(who) sent \"\(type)\" before hello" }
            guard let run = message["run"]?.stringValue, run == settings.runID else {
                let theirs = message["run"]?.stringValue ?? "none"
                return
                    "\(who) belongs to run \"\(theirs)\", this is run \"\(settings.runID)\" (give both the same --run-id)"
            }
            guard let count = message["shards"]?.intValue, count == settings.workers else {
                let theirs = message["shards"]?.intValue.map(String.init) ?? "none"
                return "\(who) is a shard of \(theirs), this run has \(settings.workers) workers"
            }
            guard let index = message["shard"]?.intValue, (0..<count).contains(index) else {
                return "\(who) sent hello without a shard index in 0...\(settings.workers - 1)"
            }
            if let holder = peers.first(where: { $0.shard == index }) {
                return "\(who) is shard \(index) too, which \(holder.channel.peer) already is (a duplicate index)"
            }
            peer.shard = index
            peer.channel.peer = "shard \(index) (\(who))"
            do {
                try peer.channel.send(
                    .message("welcome", [("run", .string(settings.runID))]),
                    deadlineNs: MonotonicClock.now() + 1_000_000_000)
            } catch {
                return "\(who): \(error)"
            }
            return nil
        }
        switch type {
        case "ping":
            guard let t0 = message["t0"] else { return "\(who) sent ping without t0" }
            let reply = JSONValue.message("pong", [("t0", t0), ("t1", .number(WallClock.nanosecondsSinceEpoch()))])
            do {
                try peer.channel.send(reply, deadlineNs: MonotonicClock.now() + 1_000_000_000)
            } catch {
                return "\(who): \(error)"
            }
        case "ready":
            guard let offset = message["offsetNs"]?.intValue, let rtt = message["rttNs"]?.intValue else {
                return "\(who) sent ready without offsetNs and rttNs"
            }
            peer.ready = true
            peer.offsetNs = Int64(offset)
            peer.rttNs = Int64(rtt)
            log("ready: shard \(shard), clock offset \(offset) ns (round trip \(rtt) ns)")
        default:
            return "\(who) sent \"\(type)\" before the start"
        }
        return nil
    }

    /// A message during the run.
    /// - Throws: `LoadGenError.coordinationFailed` for an unexpected message or a report that cannot be read.
    private func collect(_ message: JSONValue, from peer: Peer, log: (String) -> Void) throws(LoadGenError) {
        let shard = peer.shard!
        switch message["type"]?.stringValue {
        case "progress":
            peer.completed = message["completed"]?.uint64Value ?? peer.completed
            peer.errors = message["errors"]?.uint64Value ?? peer.errors
            if let figures = message["live"] {
                let read = try LiveFigures(message: figures, from: "shard \(shard)")
                live.withLock { $0[shard] = read }
            } else if settings.liveFigures, !peer.saidNoLiveFigures {
                peer.saidNoLiveFigures = true
                log("shard \(shard) sends no live figures (a loadgen without them?): /metrics leaves it out")
            }
        case "result":
            guard let count = message["bytes"]?.intValue else {
                throw .coordinationFailed(reason: "shard \(shard) sent a result without its length in bytes")
            }
            let bytes = try peer.channel.receive(count: count, deadlineNs: MonotonicClock.now() + 30_000_000_000)
            let entries = try LoadReport.entries(bytes: bytes, path: "the report of shard \(shard)")
            for entry in entries where entry.result.shard.map({ $0.index != shard }) ?? false {
                throw .coordinationFailed(
                    reason: "shard \(shard) sent the result of shard \(entry.result.shard!.description)")
            }
            peer.report = ShardReport(
                index: shard, offsetNs: peer.offsetNs, rttNs: peer.rttNs, reportBytes: bytes, entries: entries)
        case let type:
            throw .coordinationFailed(reason: "shard \(shard) sent \"\(type ?? "")\" during the run")
        }
    }

    /// Why the run cannot start: the shards that never connected and those not ready.
    private func notReady(_ peers: [Peer]) -> String {
        let connected = Set(peers.compactMap(\.shard))
        let ready = Set(peers.filter(\.ready).compactMap(\.shard))
        let absent = (0..<settings.workers).filter { !connected.contains($0) }
        let unready = (0..<settings.workers).filter { connected.contains($0) && !ready.contains($0) }
        var parts: [String] = []
        if !absent.isEmpty { parts.append("never connected: \(Coordinator.shardList(absent))") }
        if !unready.isEmpty { parts.append("connected but not ready: \(Coordinator.shardList(unready))") }
        return "not every shard was ready within \(UnitText.format(settings.readyTimeout)) "
            + "(\(ready.count) of \(settings.workers) ready; \(parts.joined(separator: "; ")))"
    }

    static func shardList(_ indices: [Int]) -> String {
        (indices.count == 1 ? "shard " : "shards ") + indices.map(String.init).joined(separator: ", ")
    }

    private func abort(_ peers: [Peer], reason: String) {
        for peer in peers {
            try? peer.channel.send(
                .message("abort", [("reason", .string(reason))]), deadlineNs: MonotonicClock.now() + 500_000_000)
        }
    }

    /// Accepts every pending connection.
    private func acceptAll(into peers: inout [Peer]) {
        while true {
            var address = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let fd = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { accept(listenFD, $0, &length) }
            }
            guard fd >= 0 else { return }
            let flags = fcntl(fd, F_GETFL)
            _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
            var text = [CChar](repeating: 0, count: 32)
            inet_ntop(AF_INET, &address.sin_addr, &text, socklen_t(text.count))
            let host = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let name = "\(host):\(UInt16(bigEndian: address.sin_port))"
            peers.append(Peer(channel: ControlChannel(fd: fd, peer: name), now: MonotonicClock.now()))
        }
    }

    /// The peers with something to read (or gone) by `deadlineNs`; `nil` stands for the listening socket.
    private func readable(_ peers: [Peer], deadlineNs: UInt64, accepting: Bool) -> [Peer?] {
        var entries = peers.map { pollfd(fd: $0.channel.fd, events: Int16(POLLIN), revents: 0) }
        if accepting { entries.append(pollfd(fd: listenFD, events: Int16(POLLIN), revents: 0)) }
        let now = MonotonicClock.now()
        let timeout = now >= deadlineNs ? 0 : Int32((deadlineNs - now + 999_999) / 1_000_000)
        guard poll(&entries, nfds_t(entries.count), timeout) > 0 else { return [] }
        var ready: [Peer?] = []
        for (index, entry) in entries.enumerated() where entry.revents != 0 {
            ready.append(index < peers.count ? peers[index] : nil)
        }
        return ready
    }
}
