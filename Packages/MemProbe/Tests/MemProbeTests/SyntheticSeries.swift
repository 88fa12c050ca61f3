import MemProbe
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SplitMix64 {
    /// Noise for synthetic series: a value in -amplitude...amplitude, the same sequence every run.
    mutating func next(amplitude: Double) -> Double {
        (nextUnitInterval() * 2 - 1) * amplitude
    }
}

/// Samples every 500 iterations from 0 to 50,000 (101 samples, 81 after the default warmup).
enum SyntheticSeries {
    static let iterations = Array(stride(from: 0, through: 50_000, by: 500))

    /// Live allocations from `live` and heap bytes from `heap` (`nil` leaves the series out); resident bytes
    /// always present, flat.
    static func samples(live: ((Int) -> Double)?, heap: ((Int) -> Double)? = nil) -> [LeakSample] {
        iterations.map { iteration in
            LeakSample(
                iteration: iteration,
                memory: MemorySample(
                    residentBytes: 20_000_000, heapInUseBytes: heap.map { Int($0(iteration)) },
                    peakResidentBytes: 21_000_000, liveAllocations: live.map { Int($0(iteration)) }))
        }
    }

    static func exponentialFill(_ iteration: Int, base: Double, capacity: Double, scale: Double) -> Double {
        base + capacity * (1 - exp(-Double(iteration) / scale))
    }
}
