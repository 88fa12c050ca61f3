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

    /// Live allocations from `live`, heap bytes from `heap` (`nil` leaves the series out) and resident bytes
    /// from `resident` (flat 20 MB unless given), at 101 samples `every` iterations apart from 0.
    static func samples(
        live: ((Int) -> Double)?, heap: ((Int) -> Double)? = nil, resident: (Int) -> Double = { _ in 20_000_000 },
        every: Int = 500
    ) -> [LeakSample] {
        stride(from: 0, through: 100 * every, by: every).map { iteration in
            LeakSample(
                iteration: iteration,
                memory: MemorySample(
                    residentBytes: Int(resident(iteration)), heapInUseBytes: heap.map { Int($0(iteration)) },
                    peakResidentBytes: 21_000_000, liveAllocations: live.map { Int($0(iteration)) }))
        }
    }

    static func exponentialFill(_ iteration: Int, base: Double, capacity: Double, scale: Double) -> Double {
        base + capacity * (1 - exp(-Double(iteration) / scale))
    }

    /// A cache that holds `base` until iteration `start`, then fills towards `base + capacity`, most of the
    /// way within `3 × scale` iterations.
    static func lateFill(_ iteration: Int, base: Double, capacity: Double, start: Int, scale: Double) -> Double {
        iteration < start ? base : exponentialFill(iteration - start, base: base, capacity: capacity, scale: scale)
    }

    /// An interning table: each iteration interns one string drawn at random from `vocabulary` distinct
    /// ones; live allocations are `base` plus the distinct strings seen so far (one allocation each), which
    /// levels off once most of the vocabulary has been drawn.
    static func interning(vocabulary: Int, base: Double, seed: UInt64) -> (Int) -> Double {
        var random = SplitMix64(seed: seed)
        var seen = Set<Int>()
        var distinctAt: [Int: Double] = [:]
        for iteration in 0...iterations.last! {
            if iteration % 500 == 0 { distinctAt[iteration] = Double(seen.count) }
            seen.insert(random.next(below: vocabulary))
        }
        return { base + distinctAt[$0]! }
    }
}
