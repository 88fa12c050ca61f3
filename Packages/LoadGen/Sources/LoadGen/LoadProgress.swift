/// What a running load test reports to its progress callback, a few times per second.
public struct LoadProgress: Sendable {
    /// Where the run is.
    public enum Phase: String, Sendable {
        /// Load is applied but nothing is measured yet.
        case warmup
        /// The measured window.
        case measuring
        /// After the deadline: requests in flight are completing (or not) within the grace period.
        case draining
    }

    /// Where the run is.
    public var phase: Phase
    /// Time since the run started, warmup included.
    public var elapsed: Duration
    /// The length of the measured window the run is configured for.
    public var measuredDuration: Duration
    /// Seconds of the measured window that finished since the previous callback (a second that finished in
    /// parts comes once per part). With `LoadConfiguration.secondsKept`, only those still kept: a callback
    /// more than that many seconds late misses some; `latestSecond`, `completed` and `errors` never do.
    public var newSeconds: [SecondSample]
    /// The most recent finished second, whenever it finished.
    public var latestSecond: SecondSample?
    /// Responses counted in all finished seconds so far, kept or not.
    public var completed: UInt64
    /// Errors counted in all finished seconds so far, kept or not.
    public var errors: UInt64
}
