import PerfSupport

/// A worker's side of the coordination protocol (`loadgen --coordinator HOST:PORT`; see `Coordinator`).
///
/// ```swift
/// let client = try CoordinatorClient.join(host: "10.77.0.2", port: 7000, shard: shard, runID: "loadgen", deadlineNs: d)
/// let clock = try client.measureClock(deadlineNs: d)
/// try client.ready(clock, deadlineNs: d)
/// configuration.startAtEpochNs = try client.awaitStart(clock, deadlineNs: d)
/// ```
public final class CoordinatorClient {
    /// The coordinator's clock relative to this host's: `offsetNs` = coordinator − local, good to within half
    /// of `rttNs`, the round trip it was measured by (the fastest of several).
    public struct ClockOffset: Sendable, Hashable {
        /// Coordinator time minus local time, in nanoseconds.
        public var offsetNs: Int64
        /// The round trip of the exchange the offset comes from, in nanoseconds.
        public var rttNs: Int64
    }

    /// This worker's shard.
    public let shard: Shard
    /// Whether the coordinator's start asked for live figures with every progress (it serves `/metrics`).
    public private(set) var sendsLiveFigures = false
    private let channel: ControlChannel

    private init(channel: ControlChannel, shard: Shard) {
        self.channel = channel
        self.shard = shard
    }

    /// Connects (retrying until `deadlineNs`) and says hello.
    /// - Throws: `LoadGenError.coordinationFailed` when it cannot connect or the coordinator refuses (its
    ///   message says why: another run id, another shard count, a duplicate index).
    public static func join(host: String, port: Int, shard: Shard, runID: String, deadlineNs: UInt64)
        throws(LoadGenError) -> CoordinatorClient
    {
        let channel = try ControlChannel.connect(host: host, port: port, deadlineNs: deadlineNs)
        channel.peer = "the coordinator at \(host):\(port)"
        let client = CoordinatorClient(channel: channel, shard: shard)
        try channel.send(
            .message(
                "hello", [("run", .string(runID)), ("shard", .number(shard.index)), ("shards", .number(shard.count))]),
            deadlineNs: deadlineNs)
        _ = try client.expect("welcome", deadlineNs: deadlineNs)
        return client
    }

    /// Measures the clock offset by `rounds` ping–pong exchanges and keeps the one of least round trip.
    /// - Throws: `LoadGenError.coordinationFailed`.
    public func measureClock(rounds: Int = 8, deadlineNs: UInt64) throws(LoadGenError) -> ClockOffset {
        var best: ClockOffset?
        for _ in 0..<max(1, rounds) {
            let t0 = WallClock.nanosecondsSinceEpoch()
            try channel.send(.message("ping", [("t0", .number(t0))]), deadlineNs: deadlineNs)
            let pong = try expect("pong", deadlineNs: deadlineNs)
            let t3 = WallClock.nanosecondsSinceEpoch()
            guard pong["t0"]?.intValue.map(Int64.init) == t0, let t1 = pong["t1"]?.intValue.map(Int64.init) else {
                throw .coordinationFailed(reason: "\(channel.peer) answered a ping with a malformed pong")
            }
            let sample = ClockOffset(offsetNs: t1 - (t0 + (t3 - t0) / 2), rttNs: t3 - t0)
            if best.map({ sample.rttNs < $0.rttNs }) ?? true { best = sample }
        }
        return best!
    }

    /// Reports ready with the measured clock.
    /// - Throws: `LoadGenError.coordinationFailed`.
    public func ready(_ clock: ClockOffset, deadlineNs: UInt64) throws(LoadGenError) {
        try channel.send(
            .message("ready", [("offsetNs", .number(clock.offsetNs)), ("rttNs", .number(clock.rttNs))]),
            deadlineNs: deadlineNs)
    }

    /// Waits for the start and returns it by this host's clock (nanoseconds since the epoch).
    /// - Throws: `LoadGenError.coordinationFailed` on an abort (its reason), a timeout or a lost connection.
    public func awaitStart(_ clock: ClockOffset, deadlineNs: UInt64) throws(LoadGenError) -> Int64 {
        let start = try expect("start", deadlineNs: deadlineNs)
        guard let at = start["atEpochNs"]?.intValue else {
            throw .coordinationFailed(reason: "\(channel.peer) sent a start without atEpochNs")
        }
        sendsLiveFigures = start["live"] == .bool(true)
        return Int64(at) - clock.offsetNs
    }

    /// Reports the run's progress (best effort: a failure shows at the next `abortReason()`), with `live`
    /// figures when the coordinator asked for them (`sendsLiveFigures`; they are ignored otherwise).
    public func progress(completed: UInt64, errors: UInt64, live: LiveFigures? = nil) {
        var members: [(String, JSONValue)] = [("completed", .number(completed)), ("errors", .number(errors))]
        if sendsLiveFigures, let live { members.append(("live", live.message)) }
        try? channel.send(.message("progress", members), deadlineNs: MonotonicClock.now() + 100_000_000)
    }

    /// Why the run must stop, without waiting: the coordinator's abort reason, or that it is gone; `nil` to go on.
    public func abortReason() -> String? {
        do {
            while let message = try channel.receive(deadlineNs: 0) {
                if message["type"]?.stringValue == "abort" {
                    return "the coordinator aborted the run: \(message["reason"]?.stringValue ?? "no reason given")"
                }
            }
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// Sends the report file's bytes.
    /// - Throws: `LoadGenError.coordinationFailed`.
    public func sendResult(_ bytes: [UInt8], deadlineNs: UInt64) throws(LoadGenError) {
        try channel.send(.message("result", [("bytes", .number(bytes.count))]), deadlineNs: deadlineNs)
        try channel.send(bytes: bytes, deadlineNs: deadlineNs)
    }

    /// Waits until the coordinator acknowledges the run (`done`) or aborts it.
    /// - Returns: `nil` when done, otherwise why not.
    public func awaitDone(deadlineNs: UInt64) -> String? {
        do {
            while let message = try channel.receive(deadlineNs: deadlineNs) {
                switch message["type"]?.stringValue {
                case "done": return nil
                case "abort": return "the coordinator aborted the run: \(message["reason"]?.stringValue ?? "")"
                default: continue
                }
            }
            return "the coordinator did not acknowledge the result in time"
        } catch {
            return "\(error)"
        }
    }

    /// The next message, which must be of `type`; `error` and `abort` become errors with their text.
    private func expect(_ type: String, deadlineNs: UInt64) throws(LoadGenError) -> JSONValue {
        guard let message = try channel.receive(deadlineNs: deadlineNs) else {
            throw .coordinationFailed(reason: "\(channel.peer) sent no \"\(type)\" in time")
        }
        switch message["type"]?.stringValue {
        case type: return message
        case "error":
            throw .coordinationFailed(
                reason: "\(channel.peer) refused shard \(shard): \(message["message"]?.stringValue ?? "no reason")")
        case "abort":
            throw .coordinationFailed(
                reason: "the coordinator aborted the run: \(message["reason"]?.stringValue ?? "no reason given")")
        case let other:
            throw .coordinationFailed(reason: "\(channel.peer) sent \"\(other ?? "")\" where \"\(type)\" was due")
        }
    }
}
