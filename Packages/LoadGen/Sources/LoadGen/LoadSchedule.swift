import PerfSupport

/// The level of load over time: a warmup at the first stage's level, then the stages.
///
/// For the open model it also answers when the *k*-th request is due: arrivals are spaced evenly at
/// the current rate, and within a ramp from rate *r₀* to *r₁* over *D* seconds the number of arrivals by
/// time *t* is N(*t*) = *r₀t* + (*r₁* − *r₀*)*t*²/(2*D*), inverted exactly.
///
/// ```swift
/// let schedule = LoadSchedule(warmup: .zero, stages: [.rate(1000, for: .seconds(10))])
/// schedule.arrivalTime(of: 5)   // 5_000_000 ns
/// ```
public struct LoadSchedule: Sendable, Hashable {
    struct Segment: Sendable, Hashable {
        var startNs: UInt64
        var lengthNs: UInt64
        var fromLevel: Double
        var toLevel: Double
        /// Arrivals before the segment starts (open model).
        var arrivalsBefore: Double

        var arrivals: Double {
            (fromLevel + toLevel) / 2 * Double(lengthNs) / 1e9
        }
    }

    let segments: [Segment]

    /// The length of the warmup in nanoseconds (statistics start there).
    public let warmupNs: UInt64
    /// The length of warmup and stages together, in nanoseconds.
    public let totalNs: UInt64

    /// Creates the schedule of `stages` after a warmup held at the first stage's level.
    /// - Precondition: `stages` is not empty.
    public init(warmup: Duration, stages: [Stage]) {
        precondition(!stages.isEmpty, "a schedule needs at least one stage")
        var segments: [Segment] = []
        var start: UInt64 = 0
        var arrivals = 0.0
        var previous = 0.0
        let warmupNs = warmup.nanosecondsClamped
        if warmupNs > 0 {
            let level = stages[0].level
            segments.append(
                Segment(startNs: 0, lengthNs: warmupNs, fromLevel: level, toLevel: level, arrivalsBefore: 0))
            start = warmupNs
            arrivals = segments[0].arrivals
        }
        for stage in stages {
            let length = stage.duration.nanosecondsClamped
            let from = stage.ramp ? previous : stage.level
            let segment = Segment(
                startNs: start, lengthNs: length, fromLevel: from, toLevel: stage.level, arrivalsBefore: arrivals)
            segments.append(segment)
            start += length
            arrivals += segment.arrivals
            previous = stage.level
        }
        self.segments = segments
        self.warmupNs = warmupNs
        self.totalNs = start
    }

    /// The level (rate or connections) at `time` nanoseconds after the start; the last level after the end.
    /// - Complexity: O(log *s*) for *s* stages.
    public func level(at time: UInt64) -> Double {
        let segment = segments[segmentIndex(containing: time)]
        guard segment.lengthNs > 0 else { return segment.toLevel }
        let fraction = min(1, Double(time - min(time, segment.startNs)) / Double(segment.lengthNs))
        return segment.fromLevel + (segment.toLevel - segment.fromLevel) * fraction
    }

    /// How many arrivals (open model) fall before `time` nanoseconds after the start.
    /// - Complexity: O(log *s*) for *s* stages.
    public func arrivals(before time: UInt64) -> Double {
        let segment = segments[segmentIndex(containing: time)]
        let t = Double(min(time - min(time, segment.startNs), segment.lengthNs)) / 1e9
        let seconds = Double(segment.lengthNs) / 1e9
        let slope = seconds > 0 ? (segment.toLevel - segment.fromLevel) / seconds : 0
        return segment.arrivalsBefore + segment.fromLevel * t + slope * t * t / 2
    }

    /// The total number of arrivals over warmup and stages (open model).
    public var totalArrivals: Double {
        guard let last = segments.last else { return 0 }
        return last.arrivalsBefore + last.arrivals
    }

    /// When the arrival of index `k` (0-based) is due, in nanoseconds after the start; `nil` after the end.
    /// - Complexity: O(log *s*) for *s* stages.
    public func arrivalTime(of k: UInt64) -> UInt64? {
        guard let index = segmentIndex(ofArrival: k) else { return nil }
        let target = Double(k)
        let segment = segments[index]
        let m = target - segment.arrivalsBefore
        if m <= 0 { return segment.startNs }
        let seconds = Double(segment.lengthNs) / 1e9
        let r0 = segment.fromLevel
        let slope = seconds > 0 ? (segment.toLevel - r0) / seconds : 0
        // t = 2m / (r0 + √(r0² + 2·slope·m)) solves r0·t + slope·t²/2 = m without cancellation.
        let root = (r0 * r0 + 2 * slope * m).squareRoot()
        let t = 2 * m / (r0 + root)
        guard t.isFinite else { return nil }
        return segment.startNs + min(segment.lengthNs, UInt64((t * 1e9).rounded()))
    }

    /// The segment that holds the arrival of index `k`: the last one starting at or before it, skipping
    /// empty ones; `nil` after the end.
    /// - Complexity: O(log *s*) for *s* stages.
    func segmentIndex(ofArrival k: UInt64) -> Int? {
        let target = Double(k)
        guard target < totalArrivals * (1 - 1e-12) else { return nil }
        var low = 0
        var high = segments.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if segments[middle].arrivalsBefore <= target { low = middle } else { high = middle - 1 }
        }
        var index = low
        while index < segments.count - 1, segments[index].arrivals <= 0 || target >= segments[index + 1].arrivalsBefore
        {
            index += 1
        }
        return index
    }

    private func segmentIndex(containing time: UInt64) -> Int {
        var low = 0
        var high = segments.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if segments[middle].startNs <= time { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
