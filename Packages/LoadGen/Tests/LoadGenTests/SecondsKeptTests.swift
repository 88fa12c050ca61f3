import PerfSupport
import Testing

@testable import LoadGen

/// `LoadConfiguration.secondsKept`: the aggregator keeps only the most recent seconds, while the totals and the
/// progress still count every second. Synthetic seconds, published by hand: no engine, no timing.
@Suite struct SecondsKeptTests {
    /// A worker's second: `requests` responses, one error each ten, 100 bytes a response.
    private func publish(_ aggregator: SecondAggregator, second: Int, requests: UInt64, recorder: HistogramRecorder) {
        aggregator.publish(
            second: second, requests: requests, errors: requests / 10, bytes: requests * 100, interval: recorder,
            snapshot: WorkerSnapshot())
    }

    @Test func boundedAggregatorKeepsTheMostRecentSecondsAndExactTotals() {
        let recorder = HistogramRecorder.allocate()
        defer { recorder.deallocate() }
        let aggregator = SecondAggregator(workers: 2, secondsKept: 5)
        var expectedRequests: UInt64 = 0
        var expectedErrors: UInt64 = 0
        for second in 0..<1000 {
            for worker in 0..<2 {
                let requests = UInt64(second * 3 + worker)
                publish(aggregator, second: second, requests: requests, recorder: recorder)
                expectedRequests += requests
                expectedErrors += requests / 10
            }
        }
        aggregator.retire()
        aggregator.retire()
        let progress = aggregator.progress(since: 0)
        #expect(progress.completed == expectedRequests)
        #expect(progress.errors == expectedErrors)
        #expect(progress.latest?.second == 999)
        #expect(progress.newSeconds.map(\.second) == [995, 996, 997, 998, 999])
        let series = aggregator.finalSeries()
        #expect(series.seconds.map(\.second) == [995, 996, 997, 998, 999])
        #expect(series.seconds.map(\.requests) == [995, 996, 997, 998, 999].map { UInt64($0 * 6 + 1) })
        #expect(series.dropped == 995)
        #expect(aggregator.storage.kept == 5)
    }

    @Test func unboundedAggregatorKeepsEverySecondAsBefore() {
        let recorder = HistogramRecorder.allocate()
        defer { recorder.deallocate() }
        let aggregator = SecondAggregator(workers: 1)
        for second in 0..<100 { publish(aggregator, second: second, requests: 7, recorder: recorder) }
        aggregator.retire()
        let series = aggregator.finalSeries()
        #expect(series.seconds.map(\.second) == Array(0..<100))
        #expect(series.dropped == 0)
    }

    @Test func progressCountsEverySecondWhenThePollerFallsBehindTheBound() {
        let recorder = HistogramRecorder.allocate()
        defer { recorder.deallocate() }
        let bounded = SecondAggregator(workers: 1, secondsKept: 3)
        let unbounded = SecondAggregator(workers: 1)
        var boundedCursor = 0
        var unboundedCursor = 0
        var delivered: [Int] = []
        for second in 0..<200 {
            for aggregator in [bounded, unbounded] {
                publish(aggregator, second: second, requests: UInt64(second % 17), recorder: recorder)
            }
            // A poller that looks every 10 seconds, more than the 3 kept: it misses seconds, never totals.
            guard second % 10 == 9 else { continue }
            let fromBounded = bounded.progress(since: boundedCursor)
            let fromUnbounded = unbounded.progress(since: unboundedCursor)
            boundedCursor = fromBounded.cursor
            unboundedCursor = fromUnbounded.cursor
            delivered += fromBounded.newSeconds.map(\.second)
            #expect(fromBounded.completed == fromUnbounded.completed)
            #expect(fromBounded.errors == fromUnbounded.errors)
            #expect(fromBounded.latest == fromUnbounded.latest)
            #expect(fromBounded.newSeconds == Array(fromUnbounded.newSeconds.suffix(3)))
        }
        let lastThreeOfEachTen: [Int] = (0..<200).filter { $0 % 10 >= 7 }
        #expect(delivered == lastThreeOfEachTen)
    }

    /// A worker that ends first finishes the seconds still waiting for the others with its part; the others'
    /// parts come after it. The last seconds must still be kept whole (a run's usual ending).
    @Test func aWorkerRetiringFirstStillLeavesTheLastSecondsWhole() {
        let recorder = HistogramRecorder.allocate()
        defer { recorder.deallocate() }
        let aggregator = SecondAggregator(workers: 2, secondsKept: 2)
        for second in 0..<4 { publish(aggregator, second: second, requests: 10, recorder: recorder) }
        aggregator.retire()
        for second in 0..<4 { publish(aggregator, second: second, requests: 20, recorder: recorder) }
        aggregator.retire()
        let series = aggregator.finalSeries()
        #expect(series.seconds.map(\.second) == [2, 3])
        #expect(series.seconds.map(\.requests) == [30, 30])
        #expect(series.dropped == 2)
        #expect(aggregator.progress(since: 0).completed == 120)
    }

    /// Workers up to five seconds apart, each retiring when done, finish some seconds in parts; with a small
    /// bound, one part may be evicted before another finishes. The kept series must hold only whole seconds, right after the dropped.
    @Test func laggingWorkersNeverLeaveAPartialSecondInTheKeptSeries() {
        let recorder = HistogramRecorder.allocate()
        defer { recorder.deallocate() }
        var random = SplitMix64(seed: 22)
        for kept in [1, 2, 3, 5, 8] {
            let workers = 3
            let bounded = SecondAggregator(workers: workers, secondsKept: kept)
            let unbounded = SecondAggregator(workers: workers)
            var next = [Int](repeating: 0, count: workers)
            let length = 60
            while next.contains(where: { $0 < length }) {
                let worker = Int(random.next() % UInt64(workers))
                guard next[worker] < length, next[worker] - (next.min() ?? 0) < 5 else { continue }
                for aggregator in [bounded, unbounded] {
                    publish(aggregator, second: next[worker], requests: UInt64(worker + 1) * 1000, recorder: recorder)
                }
                next[worker] += 1
                // A worker done with its seconds retires at once, as in a run: the others' parts come later.
                if next[worker] == length {
                    bounded.retire()
                    unbounded.retire()
                }
            }
            let whole = unbounded.finalSeries()
            let series = bounded.finalSeries()
            #expect(whole.dropped == 0)
            #expect(whole.seconds.allSatisfy { $0.requests == 6000 })
            #expect(series.seconds.count <= kept)
            #expect(series.seconds.allSatisfy { $0.requests == 6000 }, "kept \(kept): \(series.seconds)")
            #expect(series.seconds.map(\.second) == Array(series.dropped..<length), "kept \(kept)")
            #expect(bounded.progress(since: 0).completed == 6000 * UInt64(length))
        }
    }

    /// A day of seconds (86,400) through the aggregator: the kept seconds and their storage stay at the bound,
    /// while without one the storage holds every second.
    @Test func aDayOfSecondsKeepsTheStorageAtTheBound() {
        let recorder = HistogramRecorder.allocate()
        defer { recorder.deallocate() }
        let bounded = SecondAggregator(workers: 1, secondsKept: 60)
        let unbounded = SecondAggregator(workers: 1)
        let reserved = bounded.storage.bytes
        let perSecond = MemoryLayout<SecondSample>.stride + MemoryLayout<SecondSample?>.stride
        var largest = 0
        for second in 0..<86_400 {
            for aggregator in [bounded, unbounded] {
                publish(aggregator, second: second, requests: 1, recorder: recorder)
            }
            largest = max(largest, bounded.storage.bytes)
        }
        #expect(reserved >= 60 * perSecond && reserved < 120 * perSecond)
        #expect(largest == reserved)
        #expect(bounded.storage.kept == 60)
        #expect(unbounded.storage.kept == 86_400)
        #expect(unbounded.storage.bytes >= 86_400 * MemoryLayout<SecondSample>.stride)
        #expect(bounded.progress(since: 0).completed == 86_400)
        let series = bounded.finalSeries()
        #expect(series.seconds.map(\.second) == Array(86_340..<86_400))
        #expect(series.dropped == 86_340)
    }

    @Test func secondsKeptOutsideItsRangeIsRefused() throws {
        var configuration = LoadConfiguration(target: try Target(url: "http://127.0.0.1:8080/"))
        configuration.secondsKept = 0
        #expect(throws: LoadGenError.self) { try configuration.validate() }
        configuration.secondsKept = 86_401
        #expect(throws: LoadGenError.self) { try configuration.validate() }
        configuration.secondsKept = 60
        try configuration.validate()
        configuration.secondsKept = nil
        try configuration.validate()
    }
}
