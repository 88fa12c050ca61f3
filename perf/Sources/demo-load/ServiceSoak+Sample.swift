import MemProbe
import PerfSupport

extension ServiceSoak {
    /// One point of the soak's series: one sample of the service (when, its RSS read by PID, what `/metrics`
    /// said), or several neighbouring samples merged into one once the series is full (`BoundedSeries`).
    ///
    /// Readings that go up and down (seconds, requests answered, RSS, heap in use, live allocations) keep their
    /// mean, minimum and maximum (`Moments`): the means of a straight line stay on it, so the leak fit over the
    /// merged points has the slope of the fit over every sample. Counters that only grow (the pools') and the
    /// peak RSS keep the latest value.
    struct Sample: Equatable, Downsamplable {
        /// Seconds since the measured window started.
        var seconds: Moments
        /// Requests the service had answered (`demo_http_requests_total`): the leak fit's iterations.
        var requests: Moments
        /// The service's RSS by PID; `nil` when a merged sample lacked it.
        var residentBytes: Moments?
        /// `demo_heap_in_use_bytes`; `nil` when a merged sample lacked it.
        var heapInUseBytes: Moments?
        /// `demo_live_allocations`; `nil` when a merged sample lacked it.
        var liveAllocations: Moments?
        /// The largest peak RSS of the merged samples.
        var peakResidentBytes: Int?
        /// The pools' counters at the latest merged sample.
        var pools: [String: MetricsScrape.PoolCounts]
        /// The requests answered at the latest merged sample.
        var requestsAnswered: UInt64

        /// One sample taken `seconds` into the window.
        init(seconds: Double, scrape: MetricsScrape, memory: MemorySample) {
            self.seconds = Moments([seconds])
            requests = Moments([Double(scrape.requests)])
            residentBytes = ServiceSoak.moments(memory.residentBytes)
            heapInUseBytes = ServiceSoak.moments(scrape.heapInUseBytes)
            liveAllocations = ServiceSoak.moments(scrape.liveAllocations)
            peakResidentBytes = memory.peakResidentBytes
            pools = scrape.pools
            requestsAnswered = scrape.requests
        }

        func merged(with later: Sample) -> Sample {
            var merged = later
            merged.seconds = seconds.merged(with: later.seconds)
            merged.requests = requests.merged(with: later.requests)
            merged.residentBytes = ServiceSoak.merge(residentBytes, later.residentBytes)
            merged.heapInUseBytes = ServiceSoak.merge(heapInUseBytes, later.heapInUseBytes)
            merged.liveAllocations = ServiceSoak.merge(liveAllocations, later.liveAllocations)
            if let peak = peakResidentBytes, let laterPeak = later.peakResidentBytes {
                merged.peakResidentBytes = max(peak, laterPeak)
            } else {
                merged.peakResidentBytes = nil
            }
            return merged
        }

        /// The point as MemProbe's leak sample: the means, rounded to whole requests, bytes and allocations.
        var leakSample: LeakSample {
            func whole(_ moments: Moments?) -> Int? { moments.map { Int($0.mean.rounded()) } }
            return LeakSample(
                iteration: Int(requests.mean.rounded()),
                memory: MemorySample(
                    residentBytes: whole(residentBytes), heapInUseBytes: whole(heapInUseBytes),
                    peakResidentBytes: peakResidentBytes, liveAllocations: whole(liveAllocations)))
        }
    }

    /// A count as the moments of one value, or `nil`.
    ///
    /// Converts with `Double(_:)` in a closure: `UInt64?.map(Double.init)` resolves to `Double(bitPattern:)` and
    /// turns a million bytes into a denormal near 5e-318.
    static func moments<Count: BinaryInteger>(_ count: Count?) -> Moments? {
        count.map { Moments([Double($0)]) }
    }

    /// Two points' moments merged; `nil` when either lacks the reading.
    static func merge(_ earlier: Moments?, _ later: Moments?) -> Moments? {
        guard let earlier, let later else { return nil }
        return earlier.merged(with: later)
    }

    /// Every point's mean, or `nil` when a point lacks the reading (or there are none).
    static func series(_ readings: [Moments?]) -> [Double]? {
        let values = readings.compactMap { $0?.mean }
        guard !values.isEmpty, values.count == readings.count else { return nil }
        return values
    }
}
