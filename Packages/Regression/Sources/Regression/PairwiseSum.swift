/// Sums, means and population standard deviations computed in the order NumPy computes them
/// (`np.sum`, `np.mean`, `np.std` of a float64 array): pairwise summation with eight accumulators in
/// blocks of up to 128 values.
///
/// The change-point detector reproduces Apache Otava, whose statistics come from NumPy; summing in the
/// same order gives bit-identical means and deviations, so ties and thresholds fall the same way.
enum PairwiseSum {
    /// `np.sum(values)`.
    /// - Complexity: O(*n*).
    static func sum(_ values: ArraySlice<Double>) -> Double {
        0 + pairwise(values)
    }

    /// `np.mean(values)`; `values` must not be empty.
    static func mean(_ values: ArraySlice<Double>) -> Double {
        sum(values) / Double(values.count)
    }

    /// `np.std(values)` (divisor *n*); `values` must not be empty.
    static func populationStandardDeviation(_ values: ArraySlice<Double>) -> Double {
        let centre = mean(values)
        let squares = values.map { value in
            let deviation = value - centre
            return deviation * deviation
        }
        return (sum(squares[...]) / Double(values.count)).squareRoot()
    }

    /// NumPy's `pairwise_sum` (numpy/_core/src/umath/loops_utils.h.src).
    private static func pairwise(_ values: ArraySlice<Double>) -> Double {
        let count = values.count
        let first = values.startIndex
        if count < 8 {
            var total = 0.0
            for value in values { total += value }
            return total
        }
        if count <= 128 {
            var accumulators = Array(values[first..<first + 8])
            let whole = count - count % 8
            var offset = 8
            while offset < whole {
                for lane in 0..<8 { accumulators[lane] += values[first + offset + lane] }
                offset += 8
            }
            var total =
                ((accumulators[0] + accumulators[1]) + (accumulators[2] + accumulators[3]))
                + ((accumulators[4] + accumulators[5]) + (accumulators[6] + accumulators[7]))
            for index in whole..<count { total += values[first + index] }
            return total
        }
        var half = count / 2
        half -= half % 8
        return pairwise(values[first..<first + half]) + pairwise(values[(first + half)...])
    }
}
