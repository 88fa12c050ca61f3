/// The mean and spread of values seen one at a time (Welford's algorithm), without keeping them.
///
/// Stable where the textbook sum of squares is not: values around 10⁹ that differ by a few units keep their
/// variance. Add values with `add(_:)`, or build from a sequence.
public struct Moments: Sendable, Hashable {
    /// The number of values added.
    public internal(set) var count = 0
    /// The arithmetic mean; 0 before the first value.
    public internal(set) var mean = 0.0
    /// The smallest value added; +∞ before the first.
    public internal(set) var minimum = Double.infinity
    /// The largest value added; −∞ before the first.
    public internal(set) var maximum = -Double.infinity
    var squaredDeviations = 0.0

    /// No values yet.
    public init() {}

    /// The moments of `values`.
    /// - Complexity: O(*n*).
    public init(_ values: some Sequence<Double>) {
        for value in values { add(value) }
    }

    /// Adds a value.
    /// - Complexity: O(1).
    public mutating func add(_ value: Double) {
        count += 1
        let delta = value - mean
        mean += delta / Double(count)
        squaredDeviations += delta * (value - mean)
        minimum = min(minimum, value)
        maximum = max(maximum, value)
    }

    /// The sample variance, divisor *n* − 1; 0 for fewer than two values.
    public var variance: Double {
        count > 1 ? squaredDeviations / Double(count - 1) : 0
    }

    /// The sample standard deviation, `√variance` (divisor *n* − 1); 0 for fewer than two values.
    public var standardDeviation: Double {
        variance.squareRoot()
    }

    /// The standard error of the mean, `standardDeviation / √n`; 0 for fewer than two values.
    public var standardError: Double {
        count > 1 ? standardDeviation / Double(count).squareRoot() : 0
    }
}
