import LoadGen

/// The load shape of every scaling configuration: `startRate` for a second (connections open, caches warm),
/// then up to `peak` over `ramp`, linearly or as a staircase of `step`-long holds. The knee is found per
/// second, so a linear ramp resolves it to `(peak − startRate) / ramp` requests/s per second; a staircase
/// measures each level for whole seconds at a constant offered rate instead.
struct ScaleRamp: Equatable, Sendable {
    /// Arrivals per second of the first second.
    static let startRate = 1000.0

    var peak: Double
    var ramp: Duration
    /// The length of each hold of a staircase; `nil` ramps linearly.
    var step: Duration?

    /// The stages: one second at `startRate`, then the ramp. A staircase has ⌊ramp / step⌋ holds (at least
    /// one), the k-th at `startRate + (peak − startRate) × k / holds`, so it ends at `peak`.
    var stages: [Stage] {
        let first = Stage.rate(Self.startRate, for: .seconds(1))
        guard let step else { return [first, .rate(peak, for: ramp, ramp: true)] }
        let holds = max(1, Int(ramp / step))
        return [first]
            + (1...holds).map { index in
                .rate(Self.startRate + (peak - Self.startRate) * Double(index) / Double(holds), for: step)
            }
    }

    /// How many requests/s the offered rate rises per second of the ramp.
    var risePerSecond: Double { (peak - Self.startRate) / (ramp / .seconds(1)) }
}
