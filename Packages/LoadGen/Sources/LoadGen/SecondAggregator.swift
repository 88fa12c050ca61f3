import Synchronization

/// Combines the workers' seconds into one per-second series while the run goes on.
///
/// Each worker hands over its second (counts and an interval histogram) once per second; the last
/// worker to hand over a second computes its percentiles. Four slots let workers be up to three seconds
/// apart; a slot still holding an older second when a newer one needs it is finished with what it has.
/// The same hand-over keeps the run's live figures (`live()`): sums of the seconds, and each worker's
/// latest error counts, status classes and gauges.
/// Finished seconds go to a `RecentSeconds` (all, or the most recent `secondsKept`); the responses and
/// errors of every finished second are summed as they finish, so progress does not depend on what is kept.
final class SecondAggregator: Sendable {
    /// What the progress callback needs: the seconds finished since a cursor and the totals of all finished.
    struct Progress {
        /// Kept seconds finished since the cursor passed in, in the order they finished.
        var newSeconds: [SecondSample]
        /// The most recent finished second, kept or not.
        var latest: SecondSample?
        /// Responses in all finished seconds.
        var completed: UInt64
        /// Errors in all finished seconds.
        var errors: UInt64
        /// The cursor to pass next time.
        var cursor: Int
    }

    private struct Slot {
        var second = -1
        var reporters = 0
        var requests: UInt64 = 0
        var errors: UInt64 = 0
        var bytes: UInt64 = 0
        var histogram = LatencyHistogram()
    }

    private struct State {
        var slots: [Slot] = Array(repeating: Slot(), count: 4)
        var kept: RecentSeconds
        var latest: SecondSample?
        var completed: UInt64 = 0
        var errors: UInt64 = 0
        var activeWorkers: Int
        /// Requests, bytes and latency of every second handed over.
        var live = LiveFigures()
        /// Each worker's latest cumulative state.
        var workers: [WorkerSnapshot]
        /// The requests of the latest second every worker handed over, and its index.
        var lastSecond = -1
        var lastSecondRequests: UInt64 = 0
    }

    private let state: Mutex<State>

    /// An aggregator for `workers` workers keeping the most recent `secondsKept` finished seconds (all with
    /// `nil`).
    init(workers: Int, secondsKept: Int? = nil) {
        state = Mutex(
            State(
                kept: RecentSeconds(limit: secondsKept), activeWorkers: workers,
                workers: Array(repeating: WorkerSnapshot(), count: workers)))
    }

    /// Adds one worker's `second`, and its cumulative `snapshot`. Called once per second per worker, never per
    /// request.
    func publish(
        second: Int, requests: UInt64, errors: UInt64, bytes: UInt64, interval: HistogramRecorder,
        snapshot: WorkerSnapshot
    ) {
        state.withLock { state in
            state.live.requests += requests
            state.live.bytes += bytes
            interval.merge(into: &state.live.latency)
            if state.workers.indices.contains(snapshot.worker) { state.workers[snapshot.worker] = snapshot }
            let index = second % state.slots.count
            if state.slots[index].second != second {
                if state.slots[index].second >= 0 { SecondAggregator.finish(index, in: &state) }
                state.slots[index].second = second
            }
            state.slots[index].requests += requests
            state.slots[index].errors += errors
            state.slots[index].bytes += bytes
            interval.merge(into: &state.slots[index].histogram)
            state.slots[index].reporters += 1
            if state.slots[index].reporters >= state.activeWorkers { SecondAggregator.finish(index, in: &state) }
        }
    }

    /// A worker has published its last second; seconds waiting only for it are finished.
    func retire() {
        state.withLock { state in
            state.activeWorkers -= 1
            for index in state.slots.indices
            where state.slots[index].second >= 0 && state.slots[index].reporters >= state.activeWorkers {
                SecondAggregator.finish(index, in: &state)
            }
        }
    }

    /// The kept seconds finished since `cursor` (0 at first, then the last call's `cursor`) and the totals
    /// of every second finished so far.
    func progress(since cursor: Int) -> Progress {
        state.withLock { state in
            Progress(
                newSeconds: state.kept.records(from: cursor), latest: state.latest, completed: state.completed,
                errors: state.errors, cursor: state.kept.finished)
        }
    }

    /// The live figures so far: a copy made here, so that the workers' next hand-over does not copy.
    func live() -> LiveFigures {
        state.withLock { state in
            var figures = state.live
            figures.latency = LatencyHistogram()
            figures.latency.merge(state.live.latency)
            figures.lastSecondRequests = state.lastSecondRequests
            for worker in state.workers {
                figures.errors = figures.errors + worker.errors
                for index in figures.statuses.indices { figures.statuses[index] += worker.statuses[index] }
                figures.inFlight += worker.inFlight
                figures.connections += worker.connections
            }
            return figures
        }
    }

    /// The kept seconds, sorted, with duplicates (from a slot finished early) combined, and how many seconds
    /// from the window's start are not among them (0 when every second is kept). Finishes the open slots.
    func finalSeries() -> (seconds: [SecondSample], dropped: Int) {
        state.withLock { state in
            for index in state.slots.indices where state.slots[index].second >= 0 {
                SecondAggregator.finish(index, in: &state)
            }
            return state.kept.series()
        }
    }

    /// The finished seconds kept in memory, and the bytes their storage holds without growing.
    var storage: (kept: Int, bytes: Int) {
        state.withLock { ($0.kept.count, $0.kept.storageBytes) }
    }

    private static func finish(_ index: Int, in state: inout State) {
        let slot = state.slots[index]
        let hasLatency = slot.histogram.totalCount > 0
        let sample = SecondSample(
            second: slot.second, requests: slot.requests, errors: slot.errors, bytes: slot.bytes,
            latencyP50Ns: hasLatency ? slot.histogram.value(atPercentile: 50) : 0,
            latencyP99Ns: hasLatency ? slot.histogram.value(atPercentile: 99) : 0)
        state.kept.append(sample)
        state.latest = sample
        state.completed += sample.requests
        state.errors += sample.errors
        // A second every worker handed over is whole; one finished early (a worker gone) is not.
        if slot.reporters >= state.workers.count, slot.second > state.lastSecond {
            state.lastSecond = slot.second
            state.lastSecondRequests = slot.requests
        }
        state.slots[index] = Slot()
    }
}

/// One worker's cumulative figures at the second it hands over: errors and status classes so far, and what is
/// open and in flight.
struct WorkerSnapshot: Sendable {
    /// The worker's index.
    var worker = 0
    /// Errors by class since the end of the warmup.
    var errors = ErrorCounts()
    /// Responses by status class (`LiveFigures.statusClasses`).
    var statuses = [UInt64](repeating: 0, count: LiveFigures.statusClasses.count)
    /// Requests in flight.
    var inFlight: UInt64 = 0
    /// Open connections.
    var connections: UInt64 = 0
}
