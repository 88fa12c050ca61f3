extension StudentT {
    /// The value that T exceeds with probability `tail`: the upper `tail` quantile, for one-sided confidence
    /// bounds (`upperQuantile(tail: 0.001, degreesOfFreedom: 6)` is 5.208, the 99.9 % one-sided critical value).
    ///
    /// Found by bisection on `upperTail` to a relative width of 10⁻¹², so it is as accurate as the tail itself.
    /// - Precondition: `tail` is in `0 < tail < 1` and `degreesOfFreedom` is positive.
    /// - Complexity: O(√ν) per step of about 50 bisection steps.
    public static func upperQuantile(tail: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(tail > 0 && tail < 1, "StudentT.upperQuantile needs a tail in 0 < tail < 1, got \(tail)")
        precondition(nu > 0, "StudentT.upperQuantile needs positive degrees of freedom, got \(nu)")
        if tail == 0.5 { return 0 }
        if tail > 0.5 { return -upperQuantile(tail: 1 - tail, degreesOfFreedom: nu) }
        var low = 0.0
        var high = 1.0
        while upperTail(high, degreesOfFreedom: nu) > tail { (low, high) = (high, high * 2) }
        while high - low > 1e-12 * high {
            let middle = (low + high) / 2
            if upperTail(middle, degreesOfFreedom: nu) > tail { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}
