extension Moments: Downsamplable {
    /// The moments of every value of `self` and of `later` together, as if they had been added one at a time
    /// (Chan, Golub and LeVeque's pairwise update): count, mean, minimum, maximum and variance.
    ///
    /// The mean is the count-weighted mean of the two means, so merging keeps a series' overall mean: points of
    /// a straight line merged in any grouping keep their means on the line.
    /// - Complexity: O(1).
    public func merged(with later: Moments) -> Moments {
        guard later.count > 0 else { return self }
        guard count > 0 else { return later }
        var merged = Moments()
        let total = count + later.count
        let delta = later.mean - mean
        merged.count = total
        merged.mean = mean + delta * Double(later.count) / Double(total)
        merged.squaredDeviations =
            squaredDeviations + later.squaredDeviations
            + delta * delta * Double(count) * Double(later.count) / Double(total)
        merged.minimum = Swift.min(minimum, later.minimum)
        merged.maximum = Swift.max(maximum, later.maximum)
        return merged
    }
}
