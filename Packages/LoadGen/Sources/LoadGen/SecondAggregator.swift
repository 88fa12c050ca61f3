import Synchronization

/// Combines the workers' seconds into one per-second series while the run goes on.
///
/// Each worker hands over its second (counts and an interval histogram) once per second; the last
/// worker to hand over a second computes its percentiles. Four slots let workers be up to three seconds
/// apart; a slot still holding an older second when a newer one needs it is finished with what it has.
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
    }

    private let state: Mutex<State>

    init(workers: Int) {
        state = Mutex(State(activeWorkers: workers))
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

    /// The finished seconds from `start` on, in the order they finished.
    func samples(from start: Int) -> [SecondSample] {
        state.withLock { state in
            start < state.samples.count ? Array(state.samples[start...]) : []
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
        state.slots[index] = Slot()
    }
}
