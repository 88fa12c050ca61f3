/// Everything one load test measured, merged over its worker threads.
///
/// Counts are exact. Latencies are in two histograms: `latency` is measured from the intended send time
/// and `uncorrectedLatency` from the actual send. In the open model the intended time is the schedule's
/// (corrected for coordinated omission); in the closed model it is the moment the connection could take
/// the request (the response it replaces arrived, or the connection opened), so the difference is the
/// time requests waited inside the client. Open model: requests never sent (`dropped`) are in `latency` too,
/// censored at how long they had waited when sending stopped (`censored`); `uncorrectedLatency` holds sent
/// requests only. Results of several processes combine with `merged(with:)`. When a service was sampled
/// during the run, `service` holds its samples and `serviceUsage` what they say.
public struct LoadResult: Sendable, Hashable {
    /// The target URL.
    public var target: String
    /// The load model of the run.
    public var model: LoadModel
    /// Connections in the pool.
    public var connections: Int
    /// Worker threads.
    public var threads: Int
    /// Requests in flight per connection.
    public var pipelining: Int
    /// Open model with a constant rate: the requested rate; otherwise `nil`.
    public var targetRate: Double?
    /// When the measured window started, in nanoseconds since the Unix epoch.
    public var startedAtEpochNs: Int64
    /// The length of the measured window in nanoseconds.
    public var windowNs: UInt64
    /// Measured requests sent.
    public var sent: UInt64
    /// Requests sent during the warmup (not in any statistic).
    public var warmupSent: UInt64
    /// Open model: warmup arrivals still unsent when the measurement started; skipped so that a warmup
    /// backlog does not eat into the measured window.
    public var warmupSkipped: UInt64
    /// Responses to measured requests.
    public var completed: UInt64
    /// Responses that arrived inside the measured window (the throughput counts these).
    public var completedInWindow: UInt64
    /// Responses that arrived during the grace period after the deadline.
    public var drained: UInt64
    /// Requests still unanswered when the grace period ended.
    public var abandoned: UInt64
    /// Open model: requests written later than the late threshold after their intended time.
    public var late: UInt64
    /// Open model: requests due before the deadline that were never sent.
    public var dropped: UInt64
    /// Open model: dropped requests that `latency` holds at a lower bound of their latency, the time each had
    /// waited when sending stopped (end of the window − scheduled time); all of `dropped` but those beyond the
    /// histogram's range (or, merged with an older report, those it left out). When it is above zero, every
    /// figure of `latency` is a lower bound of what the scheduled requests would have seen.
    public var censored: UInt64
    /// Bytes read inside the measured window.
    public var bytesInWindow: UInt64
    /// Responses with a status of 400 or more.
    public var httpErrors: UInt64
    /// Latencies beyond the histogram's range (not in the percentiles).
    public var outOfRange: UInt64
    /// Failed requests (and connection attempts) by class.
    public var errors: ErrorCounts
    /// Responses by status code (unparseable codes above 599 under 0).
    public var statusCounts: [Int: UInt64]
    /// Latency from the intended send time (closed model: from when the connection could take the request).
    public var latency: LatencyHistogram
    /// Latency from the actual send time.
    public var uncorrectedLatency: LatencyHistogram
    /// One sample per second of the measured window, or of its last seconds only: those from
    /// `secondsDropped` on (`LoadConfiguration.secondsKept`).
    public var perSecond: [SecondSample]
    /// The seconds at the start of the window that `perSecond` leaves out because the run kept only its most
    /// recent seconds (`LoadConfiguration.secondsKept`); 0 when it holds every second. Every other figure of
    /// the result covers the whole window.
    public var secondsDropped = 0
    /// CPU time the worker threads used inside the measured window, in nanoseconds.
    public var clientCPUNs: UInt64
    /// The service under load, sampled by its process id during the run (a scenario's `service`, or
    /// `loadgen --service-pid`); `nil` when none was, and for merged results (several processes' services
    /// cannot be combined).
    public var service: ServiceSamples? = nil
    /// Which shard of a split run measured this (`loadgen --shard I/N`), or `nil` (a whole run, or merged).
    public var shard: Shard? = nil
    /// When the load actually started, in nanoseconds since the Unix epoch by this host's clock: the
    /// earliest moment a worker thread woke at the start time (the start of the warmup, if any). Shards of
    /// one run compare these, after their clock offsets, for the start skew; merged: the earliest.
    public var actualStartEpochNs: Int64? = nil
    /// An `https://` run's TLS figures: connect and handshake times, full and resumed handshakes, failure
    /// reasons; `nil` for plain HTTP.
    public var tls: TLSStatistics? = nil

    /// The measured window as a `Duration`.
    public var window: Duration { .nanoseconds(Int64(clamping: windowNs)) }

    /// Responses per second inside the measured window.
    public var requestsPerSecond: Double {
        windowNs == 0 ? 0 : Double(completedInWindow) / (Double(windowNs) / 1e9)
    }

    /// Bytes read per second inside the measured window.
    public var bytesPerSecond: Double {
        windowNs == 0 ? 0 : Double(bytesInWindow) / (Double(windowNs) / 1e9)
    }

    /// Requests between their send and their response on average over the window, by Little's law:
    /// `requestsPerSecond` × the mean of `uncorrectedLatency`.
    ///
    /// In the closed model this is the concurrency the target actually saw; `connections × pipelining`
    /// minus it is how many requests the client held back on average. Two closed-loop tools with the same
    /// connections and throughput report different latencies exactly when this figure differs.
    public var meanRequestsInFlight: Double {
        requestsPerSecond * uncorrectedLatency.mean / 1e9
    }

    /// Failed requests, failed connection attempts and error responses.
    public var failures: UInt64 { errors.total + httpErrors }

    /// Failures divided by attempts (responses plus failed requests and connection attempts), 0...1.
    public var errorRate: Double {
        let attempts = completed + errors.total
        return attempts == 0 ? 0 : Double(failures) / Double(attempts)
    }

    /// Client CPU time per response inside the window, in microseconds (0 without responses).
    public var clientCPUMicrosecondsPerRequest: Double {
        completedInWindow == 0 ? 0 : Double(clientCPUNs) / 1000 / Double(completedInWindow)
    }

    /// The length of second `index` of the window in seconds (the last one may be partial).
    public func secondLength(_ index: Int) -> Double {
        let remaining = Double(windowNs) / 1e9 - Double(index)
        return max(0.001, min(1, remaining))
    }
}
