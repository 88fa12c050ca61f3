import MemProbe

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Deterministic noise for synthetic series (SplitMix64), so every run of a test sees the same numbers.
struct SeededNoise {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A value in -amplitude...amplitude.
    mutating func next(amplitude: Double) -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return (Double(z >> 11) / Double(1 << 53) * 2 - 1) * amplitude
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
