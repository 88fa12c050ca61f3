/// Open model: the arrivals a worker never sent, with how long each had waited when sending stopped.
struct UnsentArrivals {
    /// How many arrivals went unsent.
    var count: UInt64 = 0
    /// For each, the end of sending minus its arrival time, in nanoseconds: a value its latency certainly
    /// exceeds, which the corrected histogram records for it.
    var waits = LatencyHistogram()
    /// Waits beyond the histogram's range (counted in `count`, not in `waits`).
    var outOfRange: UInt64 = 0
}

extension LoadSchedule {
    /// The arrivals *k* = `first`, `first` + `stride`, `first` + 2 `stride`, … due in `start..<end` (nanoseconds
    /// after the start), at most `limit` of them, with `end` minus the arrival time of each.
    ///
    /// A run of them inside one constant-rate stage is evenly spaced, so it is recorded as one linear range
    /// between its exact first and last waits (each wait within 1 ns of the schedule's); inside a ramp,
    /// where the spacing changes, one at a time.
    /// - Complexity: O(log *n*) schedule look-ups and O(*k*) for *k* histogram buckets per constant stage;
    ///   O(*n*) inside ramps.
    func unsentArrivals(first: UInt64, stride: UInt64, from start: UInt64, before end: UInt64, limit: UInt64)
        -> UnsentArrivals
    {
        var unsent = UnsentArrivals()
        func arrival(_ j: UInt64) -> UInt64 { first + j * stride }
        func time(_ j: UInt64) -> UInt64? { arrivalTime(of: arrival(j)) }
        let from = firstIndex(from: 0) { time($0).map { $0 >= start } ?? true }
        let upTo = firstIndex(from: from) { time($0).map { $0 >= end } ?? true }
        let past = from + min(upTo - from, limit)
        var j = from
        while j < past, let segment = segmentIndex(ofArrival: arrival(j)), let earliest = time(j) {
            let next = firstIndex(from: j + 1) {
                $0 >= past || (segmentIndex(ofArrival: arrival($0)) ?? .max) > segment
            }
            if segments[segment].fromLevel == segments[segment].toLevel, let latest = time(next - 1) {
                unsent.outOfRange += unsent.waits.record(linearFrom: end - latest, to: end - earliest, count: next - j)
            } else {
                for index in j..<next where !unsent.waits.record(end - (time(index) ?? end)) { unsent.outOfRange += 1 }
            }
            unsent.count += next - j
            j = next
        }
        return unsent
    }

    /// The smallest index at or after `low` where `isPast` holds, for a predicate that is false and then
    /// true for good (and true eventually): doubling steps, then bisection.
    private func firstIndex(from low: UInt64, where isPast: (UInt64) -> Bool) -> UInt64 {
        if isPast(low) { return low }
        var step: UInt64 = 1
        while !isPast(low + step) { step *= 2 }
        var below = low + step / 2 // isPast is false here (or this is `low`)
        var above = low + step
        while above - below > 1 {
            let middle = below + (above - below) / 2
            if isPast(middle) { above = middle } else { below = middle }
        }
        return above
    }
}
