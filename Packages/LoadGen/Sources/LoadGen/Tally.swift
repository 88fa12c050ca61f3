/// The counters of one worker thread, merged once at the end of a run.
///
/// "Measured" requests are those sent (closed model) or scheduled (open model) after the warmup;
/// only they enter the statistics.
struct Tally: Sendable {
    /// Measured requests written (or queued to be written).
    var sent: UInt64 = 0
    /// Requests sent during the warmup.
    var warmupSent: UInt64 = 0
    /// Open model: warmup arrivals still unsent when the measurement started, skipped.
    var warmupSkipped: UInt64 = 0
    /// Responses to measured requests, whenever they arrived.
    var completed: UInt64 = 0
    /// Responses to measured requests that arrived before the deadline.
    var completedInWindow: UInt64 = 0
    /// Responses to measured requests that arrived during the grace period after the deadline.
    var drained: UInt64 = 0
    /// Measured requests still in flight when the grace period ended.
    var abandoned: UInt64 = 0
    /// Open model: measured requests written more than the late threshold after their intended time.
    var late: UInt64 = 0
    /// Open model: measured requests due before the deadline that were never sent.
    var dropped: UInt64 = 0
    /// Open model: dropped requests recorded in the corrected histogram at a lower bound of their latency
    /// (all of `dropped` but those beyond the histogram's range).
    var censored: UInt64 = 0
    /// Bytes read between the end of the warmup and the deadline.
    var bytesInWindow: UInt64 = 0
    /// Responses with status 400 or more.
    var httpErrors: UInt64 = 0
    /// Latencies too large for the histogram (more than 18 minutes).
    var outOfRange: UInt64 = 0
    /// Errors by class (measured requests; connection attempts during the measured window).
    var errors = ErrorCounts()

    static func + (lhs: Tally, rhs: Tally) -> Tally {
        var sum = lhs
        sum.sent += rhs.sent
        sum.warmupSent += rhs.warmupSent
        sum.warmupSkipped += rhs.warmupSkipped
        sum.completed += rhs.completed
        sum.completedInWindow += rhs.completedInWindow
        sum.drained += rhs.drained
        sum.abandoned += rhs.abandoned
        sum.late += rhs.late
        sum.dropped += rhs.dropped
        sum.censored += rhs.censored
        sum.bytesInWindow += rhs.bytesInWindow
        sum.httpErrors += rhs.httpErrors
        sum.outOfRange += rhs.outOfRange
        sum.errors = sum.errors + rhs.errors
        return sum
    }
}
