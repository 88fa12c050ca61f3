import Synchronization

/// Combines the workers' seconds into one per-second series while the run goes on.
///
/// Each worker hands over its second (counts and an interval histogram) once per second; the last
/// worker to hand over a second computes its percentiles. Four slots let workers be up to three seconds
/// apart; a slot still holding an older second when a newer one needs it is finished with what it has.
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
    }

    private let state: Mutex<State>

    /// An aggregator for `workers` workers keeping the most recent `secondsKept` finished seconds (all with
    /// `nil`).
    init(workers: Int, secondsKept: Int? = nil) {
        state = Mutex(State(kept: RecentSeconds(limit: secondsKept), activeWorkers: workers))
    }

    /// Adds one worker's `second`. Called once per second per worker, never per request.
    func publish(second: Int, requests: UInt64, errors: UInt64, bytes: UInt64, interval: HistogramRecorder) {
        state.withLock { state in
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
        state.slots[index] = Slot()
    }
}
