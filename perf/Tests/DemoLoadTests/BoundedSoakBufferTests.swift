import MemProbe
import PerfSupport
import Testing

@testable import demo_load

/// The bounded soak buffer: a soak of any length keeps at most `ServiceSoak.sampleCapacity` points, and the leak
/// verdict on them is the verdict on every sample.
@Suite struct BoundedSoakBufferTests {
    /// A scrape of the demo service with two pools, whose fields each sample then sets.
    static let page = try! MetricsScrape(
        text: """
            demo_http_requests_total{route="login",status="200"} 1
            demo_pool_hits_total{pool="json_encode"} 0
            demo_pool_hits_total{pool="session"} 0
            """)

    /// Sample `index` of a soak sampled twice a second at 2,500 requests a second (with up to 100 requests of
    /// jitter), whose live allocations and heap are `live(requests)` and `heap(requests)` plus seeded noise.
    static func sample(
        _ index: Int, random: inout SplitMix64, live: (Double) -> Double, heap: (Double) -> Double
    ) -> ServiceSoak.Sample {
        var scrape = page
        scrape.requests = UInt64(2500 * index + random.next(below: 100) + 1)
        let requests = Double(scrape.requests)
        scrape.liveAllocations = UInt64(live(requests) + Double(random.next(below: 41)) - 20)
        scrape.heapInUseBytes = UInt64(heap(requests) + Double(random.next(below: 4097)) - 2048)
        scrape.pools["session"]?.hits = UInt64(index)
        let memory = MemorySample(
            residentBytes: 20 << 20 + random.next(below: 8193) - 4096, peakResidentBytes: 21 << 20 + index)
        return ServiceSoak.Sample(seconds: Double(index) * 0.5, scrape: scrape, memory: memory)
    }

    /// `count` samples, all of them and in the bounded buffer.
    static func soak(
        _ count: Int, live: (Double) -> Double, heap: (Double) -> Double = { _ in 8_000_000 }
    ) -> (every: [ServiceSoak.Sample], buffer: BoundedSeries<ServiceSoak.Sample>) {
        var random = SplitMix64(seed: 22)
        var buffer = BoundedSeries<ServiceSoak.Sample>(capacity: ServiceSoak.sampleCapacity)
        var every: [ServiceSoak.Sample] = []
        for index in 0..<count {
            let sample = sample(index, random: &random, live: live, heap: heap)
            every.append(sample)
            buffer.append(sample)
        }
        return (every, buffer)
    }

    static func verdict(_ samples: [ServiceSoak.Sample]) -> LeakReport {
        LeakReport(
            samples: samples.map(\.leakSample),
            configuration: LeakCheck.Configuration(length: .duration(.seconds(10_000)), sampleEvery: 1))
    }

    @Test func aLongSoakKeepsAtMostCapacityPointsCoveringTheWholeRun() {
        let (every, buffer) = Self.soak(20_000, live: { _ in 30_000 })
        #expect(buffer.count <= ServiceSoak.sampleCapacity && buffer.count == 1250)
        #expect(buffer.stride == 16)
        #expect(buffer.points.first?.seconds.minimum == 0)
        #expect(buffer.points.last?.seconds.maximum == every.last?.seconds.maximum)
        #expect(buffer.points.reduce(0) { $0 + $1.seconds.count } == 20_000)
        #expect(buffer.first == every.first && buffer.latest == every.last)
    }

    @Test func theMeansOfALinearSeriesArePreservedExactly() {
        let (every, buffer) = Self.soak(20_000, live: { _ in 30_000 })
        let meanSeconds = every.reduce(0) { $0 + $1.seconds.mean } / 20_000
        let merged = buffer.buckets.reduce(0) { $0 + $1.point.seconds.mean * Double($1.weight) } / 20_000
        #expect(merged == meanSeconds)
        for point in buffer.points {
            #expect(point.seconds.mean == (point.seconds.minimum + point.seconds.maximum) / 2)
        }
    }

    @Test func aLeaksSlopeIsTheSameBeforeAndAfterDownsampling() throws {
        let (every, buffer) = Self.soak(
            20_000, live: { 30_000 + 0.05 * $0 }, heap: { 8_000_000 + 2 * $0 })
        let whole = Self.verdict(every)
        let kept = Self.verdict(buffer.points)
        #expect(whole.verdict == .leak && kept.verdict == .leak)
        #expect(kept.decidingSignal == .liveAllocations)
        // The same window after the warmup: 20 % of the points is 20 % of the samples.
        #expect(kept.warmupSampleCount * buffer.stride == whole.warmupSampleCount)
        for signal in [LeakSignal.liveAllocations, .heapBytes] {
            let slope = try #require(whole.analysis(of: signal)?.fit.slope)
            let downsampled = try #require(kept.analysis(of: signal)?.fit.slope)
            #expect(abs(downsampled - slope) <= 1e-4 * abs(slope), "\(signal): \(downsampled) against \(slope)")
        }
        let live = try #require(kept.analysis(of: .liveAllocations)?.fit.slope)
        #expect(abs(live - 0.05) < 1e-4)
    }

    @Test func aFlatSeriesStaysFlatAfterDownsampling() throws {
        let (every, buffer) = Self.soak(20_000, live: { _ in 30_000 })
        let whole = Self.verdict(every)
        let kept = Self.verdict(buffer.points)
        #expect(whole.verdict == .noLeak && kept.verdict == .noLeak)
        for signal in [LeakSignal.liveAllocations, .heapBytes, .residentBytes] {
            let analysis = try #require(kept.analysis(of: signal))
            #expect(!analysis.indicatesLeak)
            #expect(abs(analysis.fit.slope) < 1e-4, "\(signal) slope \(analysis.fit.slope)")
        }
    }

    @Test func aMergedPointKeepsTheLatestCountersAndTheLargestPeak() throws {
        let (every, buffer) = Self.soak(5000, live: { _ in 30_000 })
        let bucket = try #require(buffer.buckets.first)
        let latest = every[bucket.weight - 1]
        #expect(bucket.point.pools == latest.pools && bucket.point.requestsAnswered == latest.requestsAnswered)
        #expect(bucket.point.peakResidentBytes == latest.peakResidentBytes)
        #expect(bucket.point.requests.minimum == every[0].requests.mean)
    }

    @Test func aSampleWithoutAReadingLeavesItsMergedPointWithoutIt() {
        var buffer = BoundedSeries<ServiceSoak.Sample>(capacity: 2)
        var random = SplitMix64(seed: 1)
        var bare = Self.sample(1, random: &random, live: { _ in 1000 }, heap: { _ in 100_000 })
        bare.liveAllocations = nil
        buffer.append(Self.sample(0, random: &random, live: { _ in 1000 }, heap: { _ in 100_000 }))
        buffer.append(bare)
        #expect(buffer.count == 1 && buffer.points[0].liveAllocations == nil)
        #expect(buffer.points[0].heapInUseBytes?.count == 2)
    }

    /// The memory-flatness check: 24 h of 250 ms samples (345,600) in process, the storage never growing.
    @Test func aDayOfQuarterSecondSamplesKeepsTheStorageAtCapacity() {
        var buffer = BoundedSeries<ServiceSoak.Sample>(capacity: ServiceSoak.sampleCapacity)
        let reserved = buffer.storageCapacity
        var scrape = Self.page
        for index in 0..<345_600 {
            scrape.requests = UInt64(index) * 1000 + 1
            scrape.liveAllocations = 30_000
            scrape.pools["session"]?.hits = UInt64(index)
            buffer.append(
                ServiceSoak.Sample(
                    seconds: Double(index) * 0.25, scrape: scrape, memory: MemorySample(residentBytes: 20 << 20)))
            if index.isMultiple(of: 8192) { #expect(buffer.storageCapacity == reserved) }
        }
        #expect(buffer.storageCapacity == reserved && reserved < 2 * ServiceSoak.sampleCapacity)
        #expect(buffer.count <= ServiceSoak.sampleCapacity && buffer.count > ServiceSoak.sampleCapacity / 2)
        #expect(buffer.points.first?.seconds.minimum == 0 && buffer.points.last?.seconds.maximum == 86_399.75)
        #expect(buffer.points.last?.pools["session"]?.hits == 345_599)
    }
}
