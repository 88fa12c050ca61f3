import PerfSupport

/// Everything a load test needs to know: where, what, how hard and for how long.
///
/// ```swift
/// var configuration = LoadConfiguration(target: try Target(url: "http://127.0.0.1:8080/"))
/// configuration.connections = 50
/// configuration.duration = .seconds(10)
/// configuration.rate = 20_000          // open model; leave nil for the closed model
/// ```
///
/// Every run is bounded: by `duration` (a count-stopped run also stops at `duration`, 10 minutes when
/// not set), by the per-request `timeout`, by `maximumConnections`, and by the grace period at the end.
public struct LoadConfiguration: Sendable, Hashable {
    /// The most connections one run may open.
    public static let maximumConnections = 10_000
    /// How long a count-stopped run may last when no duration is given.
    public static let defaultCountDuration: Duration = .seconds(600)

    /// Where requests go.
    public var target: Target
    /// The requests, sent round-robin; one `GET` of the target's path by default.
    public var requests: [RequestTemplate] = [RequestTemplate()]
    /// Connections: kept busy in the closed model, the pool requests are sent on in the open model.
    /// With connection stages, the pool is the largest stage level instead.
    public var connections = 50
    /// Worker threads, each with its own event loop and share of the connections (at most `connections`).
    public var threads = PosixThread.processorCount
    /// Requests in flight per connection (HTTP/1.1 pipelining); 1 disables pipelining.
    public var pipelining = 1
    /// How long the measured part of the run lasts; with `stages`, their sum (leave `nil`).
    public var duration: Duration? = .seconds(10)
    /// Stop after this many measured requests instead of (or before) the duration.
    public var count: Int?
    /// Requests per second for the open model; `nil` for the closed model (unless `stages` set rates).
    public var rate: Double?
    /// The load shape, instead of a constant `rate` or `connections` for `duration`.
    public var stages: [Stage] = []
    /// How long a request may wait for its response before it counts as a timeout.
    public var timeout: Duration = .seconds(2)
    /// Load before the measurement starts, at the first stage's level; excluded from every statistic.
    public var warmup: Duration = .zero
    /// How long requests in flight at the deadline may still complete (they are counted as drained;
    /// those still missing after it are counted as abandoned).
    public var grace: Duration = .seconds(1)
    /// Open model: a request written later than this after its intended time counts as late.
    public var lateThreshold: Duration = .milliseconds(1)
    /// When the load starts (the warmup, if any), in nanoseconds since the Unix epoch by this host's clock;
    /// `nil` starts it 20 ms after `LoadTest.run` is called. Shards of one run share a start time (a
    /// coordinator's, converted by each shard's clock offset, or `loadgen --start-at`). A time already
    /// past starts at once.
    public var startAtEpochNs: Int64?
    /// Which part of a split run this is (`Shard.apply(to:)` made the configuration), or `nil`; recorded in
    /// the result.
    public var shard: Shard?
    /// https targets: certificate verification and session resumption.
    public var tls = TLSSettings()
    /// How many finished seconds the run keeps for the result's `perSecond`: `nil` (the default) keeps every
    /// second; a number keeps only the most recent ones, so that a run of hours (a soak) holds a fixed amount
    /// of memory. The totals, counts and latency histograms of the whole run are accumulated apart from the
    /// seconds and stay exact; the result's `secondsDropped` says how many seconds at the window's start were
    /// left out, and progress callbacks still count every second. In 1...86400.
    public var secondsKept: Int?

    /// Creates a configuration with the defaults: closed model, 50 connections, 10 seconds.
    public init(target: Target) {
        self.target = target
    }

    /// The load model the settings select.
    public var model: LoadModel {
        if let first = stages.first { return first.rate != nil ? .open : .closed }
        return rate == nil ? .closed : .open
    }

    /// The connections opened: `connections`, or the largest level of connection stages.
    public var connectionPool: Int {
        if model == .closed, !stages.isEmpty { return stages.compactMap(\.connections).max() ?? 0 }
        return connections
    }

    /// The worker threads actually started: `threads`, at most one per connection.
    public var effectiveThreads: Int { max(1, min(threads, connectionPool)) }

    /// The stages the run follows: `stages`, or one stage of `rate` or `connections` for `duration`.
    public var effectiveStages: [Stage] {
        if !stages.isEmpty { return stages }
        let length = duration ?? LoadConfiguration.defaultCountDuration
        if let rate { return [.rate(rate, for: length)] }
        return [.connections(connections, for: length)]
    }

    /// The measured length of the run: the stages' sum, the duration, or the default bound of count runs.
    public var measuredDuration: Duration {
        effectiveStages.reduce(Duration.zero) { $0 + $1.duration }
    }
}
