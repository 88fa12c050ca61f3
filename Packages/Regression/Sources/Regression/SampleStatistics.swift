/// Order statistics of raw samples.
enum SampleStatistics {
    /// The median (the mean of the middle two for an even count).
    /// - Precondition: `values` is not empty.
    /// - Complexity: O(*n* log *n*).
    static func median(_ values: [Double]) -> Double {
        quantile(values.sorted(), 0.5)
    }

    /// The `q`-quantile of sorted values with linear interpolation between order statistics
    /// (type 7, NumPy's default).
    /// - Precondition: `sorted` is not empty and ascending; `0 <= q <= 1`.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        precondition(!sorted.isEmpty, "a quantile of no values")
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let weight = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * weight
    }
}
