/// The figures of a run while it goes on, as `/metrics` serves them (`PrometheusText`): counts since the end
/// of the warmup, gauges of the last moment, and the corrected latency histogram, all cumulative.
///
/// During a run they come from the seconds the worker threads hand over (`LoadTest.liveFigures()`), so they
/// lag by up to a second; a coordinator adds up its shards' latest figures (`Coordinator.liveFigures()`).
/// Once the run has ended, `init(result:)` gives the exact final figures: the result's counts and histogram,
/// never below the live ones (drained responses and errors after the window only add).
public struct LiveFigures: Sendable, Hashable {
    /// The status classes counted: `other` (a status outside 100…599), then `1xx` to `5xx`.
    public static let statusClasses = ["other", "1xx", "2xx", "3xx", "4xx", "5xx"]

    /// Responses to measured requests.
    public var requests: UInt64 = 0
    /// Responses by status class, indexed as `statusClasses`.
    public var statuses = [UInt64](repeating: 0, count: LiveFigures.statusClasses.count)
    /// Failed requests (and connection attempts) by class.
    public var errors = ErrorCounts()
    /// Bytes read in the measured window.
    public var bytes: UInt64 = 0
    /// Responses in the last whole second of the window (summed over shards: each one's last whole second).
    public var lastSecondRequests: UInt64 = 0
    /// Requests written and not yet answered, at the last second (0 once the run has ended).
    public var inFlight: UInt64 = 0
    /// Open connections at the last second (0 once the run has ended).
    public var connections: UInt64 = 0
    /// The corrected latency (from the intended send time) of the responses counted.
    public var latency = LatencyHistogram()
    /// How many processes' figures these are: 1 for one run, the shards heard from for a coordinator.
    public var shards = 1
    /// Whether the run has ended and these are its exact final figures.
    public var finished = false

    /// Empty figures of one process.
    public init() {}

    /// The exact final figures of a finished run (or of a merged result): its counts and corrected histogram.
    public init(result: LoadResult) {
        requests = result.completed
        for (status, count) in result.statusCounts {
            statuses[LiveFigures.statusClass(of: status)] += count
        }
        errors = result.errors
        bytes = result.bytesInWindow
        // The last whole second of the window; a partial last second does not count.
        let wholeSeconds = Int(result.windowNs / 1_000_000_000)
        lastSecondRequests = result.perSecond.last { $0.second < wholeSeconds }?.requests ?? 0
        latency = result.latency
        finished = true
    }

    /// The index in `statusClasses` of an HTTP status code.
    public static func statusClass(of status: Int) -> Int {
        (100...599).contains(status) ? status / 100 : 0
    }

    /// These figures and `other`'s as one: counts, gauges and buckets add up; shards too.
    public func merged(with other: LiveFigures) -> LiveFigures {
        var sum = self
        sum.requests += other.requests
        for index in sum.statuses.indices { sum.statuses[index] += other.statuses[index] }
        sum.errors = errors + other.errors
        sum.bytes += other.bytes
        sum.lastSecondRequests += other.lastSecondRequests
        sum.inFlight += other.inFlight
        sum.connections += other.connections
        sum.latency.merge(other.latency)
        sum.shards += other.shards
        sum.finished = finished && other.finished
        return sum
    }
}
