import Synchronization

/// Combines the workers' seconds into one per-second series while the run goes on.
///
/// Each worker hands over its second (counts and an interval histogram) once per second; the last
/// worker to hand over a second computes its percentiles. Four slots let workers be up to three seconds
/// apart; a slot still holding an older second when a newer one needs it is finished with what it has.
/// The same hand-over keeps the run's live figures (`live()`): sums of the seconds, and each worker's
/// latest error counts, status classes and gauges.
final class SecondAggregator: Sendable {
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
        var samples: [SecondSample] = []
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

    init(workers: Int) {
        state = Mutex(State(activeWorkers: workers, workers: Array(repeating: WorkerSnapshot(), count: workers)))
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

    /// The finished seconds from `start` on, in the order they finished.
    func samples(from start: Int) -> [SecondSample] {
        state.withLock { state in
            start < state.samples.count ? Array(state.samples[start...]) : []
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

    /// Every finished second, sorted, with duplicates (from a slot finished early) combined.
    func finalSamples() -> [SecondSample] {
        state.withLock { state in
            for index in state.slots.indices where state.slots[index].second >= 0 {
                SecondAggregator.finish(index, in: &state)
            }
            var combined: [Int: SecondSample] = [:]
            for sample in state.samples {
                if var existing = combined[sample.second] {
                    existing.requests += sample.requests
                    existing.errors += sample.errors
                    existing.bytes += sample.bytes
                    combined[sample.second] = existing
                } else {
                    combined[sample.second] = sample
                }
            }
            return combined.values.sorted { $0.second < $1.second }
        }
    }

    private static func finish(_ index: Int, in state: inout State) {
        let slot = state.slots[index]
        let hasLatency = slot.histogram.totalCount > 0
        state.samples.append(
            SecondSample(
                second: slot.second, requests: slot.requests, errors: slot.errors, bytes: slot.bytes,
                latencyP50Ns: hasLatency ? slot.histogram.value(atPercentile: 50) : 0,
                latencyP99Ns: hasLatency ? slot.histogram.value(atPercentile: 99) : 0))
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
