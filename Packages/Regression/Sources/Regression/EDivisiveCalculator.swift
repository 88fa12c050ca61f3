/// The divergence search of E-Divisive means (Matteson & James, 2014) for one window of a series, as
/// Apache Otava's `PairDistanceCalculator` computes it.
///
/// For an interval `start..<end` it evaluates, for every split `τ` and right end `κ`
/// (`start < τ < κ ≤ end`), the energy statistic
///
///     Q(τ, κ) = 2/(m+n) Σᵢⱼ |Xᵢ − Yⱼ| − 2m/((m+n)(n−1)) Σᵢ<ₖ |Xᵢ − Xₖ| − 2n/((m+n)(m−1)) Σⱼ<ₖ |Yⱼ − Yₖ|
///
/// of `X = series[start..<τ]` (n points) and `Y = series[τ..<κ]` (m points), and proposes the `τ` of the
/// largest. The sums come from running sums of the distance matrix, added in exactly the order NumPy adds
/// them in Otava, so equal statistics tie the same way and the first maximum (row by row) wins as
/// `np.argmax` picks it.
struct EDivisiveCalculator {
    /// A proposed change point: its index and the statistic that proposed it.
    struct Candidate {
        var index: Int
        var qhat: Double
    }

    private let count: Int
    /// `|xᵢ − xⱼ|`, row-major, `count × count`.
    private let distances: [Double]
    /// `vertical[c] = Σ_{r ≤ c} |x_r − x_{c+1}|`, summed from r = 0 (Otava's `V`).
    private let vertical: [Double]
    /// `horizontal[r][c] = Σ_{r ≤ c' ≤ c} |x_r − x_{c'+1}|` for c ≥ r, else 0; `(count−1)²` row-major
    /// (Otava's `H`).
    private let horizontal: [Double]

    /// Precomputes the distances of `series` (one window).
    /// - Complexity: O(*n*²) time and memory.
    init(series: [Double]) {
        let n = series.count
        count = n
        var distances = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n { distances[i * n + j] = abs(series[i] - series[j]) }
        }
        self.distances = distances
        let side = max(n - 1, 0)
        var vertical = [Double](repeating: 0, count: side)
        for column in 0..<side {
            var total = distances[column + 1]
            for row in 1..<max(column + 1, 1) { total += distances[row * n + column + 1] }
            vertical[column] = total
        }
        self.vertical = vertical
        var horizontal = [Double](repeating: 0, count: side * side)
        for row in 0..<side {
            var total = 0.0
            for column in row..<side {
                total = column == row ? distances[row * n + column + 1] : total + distances[row * n + column + 1]
                horizontal[row * side + column] = total
            }
        }
        self.horizontal = horizontal
    }

    /// The best candidate over `intervals` (those with at least two points), or `nil` when none has two.
    /// The first interval's wins a tie, as Python's `max` keeps the first maximum.
    /// - Complexity: O(Σ length²) over the intervals.
    func nextCandidate(intervals: [Range<Int>]) -> Candidate? {
        var best: Candidate?
        for interval in intervals where interval.count > 1 {
            let candidate = self.candidate(in: interval)
            if let current = best, !(candidate.qhat > current.qhat) { continue }
            best = candidate
        }
        return best
    }

    /// The split of `interval` (at least two points) with the largest `Q(τ, κ)` over all right ends κ.
    /// - Complexity: O(length²).
    func candidate(in interval: Range<Int>) -> Candidate {
        let start = interval.lowerBound
        let size = interval.count - 1
        precondition(size >= 1, "an interval to split holds at least two points")
        let side = count - 1
        func h(_ a: Int, _ b: Int) -> Double { horizontal[(start + a) * side + start + b] }

        // Otava's V restricted to the interval: vertical sums from `start` instead of 0, formed by
        // subtracting the rows above `start` (summed top-down) from the precomputed sums.
        var cumulativeVertical = [Double](repeating: 0, count: size)
        for k in 0..<size {
            var above = 0.0
            if start > 0 {
                above = distances[start + 1 + k]
                for row in 1..<start { above += distances[row * count + start + 1 + k] }
            }
            let value = vertical[start + k] - above
            cumulativeVertical[k] = k == 0 ? value : cumulativeVertical[k - 1] + value
        }

        // Column sums of H from the top (for A) and from the bottom (for C), each in NumPy's order.
        var fromTop = [Double](repeating: 0, count: size * size)
        var fromBottom = [Double](repeating: 0, count: size * size)
        for b in 0..<size {
            var total = h(0, b)
            fromTop[b] = total
            for a in 1..<max(size, 1) {
                total += h(a, b)
                fromTop[a * size + b] = total
            }
            if size >= 2 {
                var rest = h(size - 1, b)
                fromBottom[(size - 2) * size + b] = rest
                var a = size - 3
                while a >= 0 {
                    rest += h(a + 1, b)
                    fromBottom[a * size + b] = rest
                    a -= 1
                }
            }
        }

        var best = Candidate(index: start + 1, qhat: -.infinity)
        var found = false
        for a in 0..<size {
            for b in 0..<size {
                let q: Double
                if b < a {
                    q = 0
                } else {
                    let a0 = a >= 1 ? cumulativeVertical[a - 1] : 0
                    let termA = (2 / Double(b + 2)) * (fromTop[a * size + b] - a0)
                    var termB = 0.0
                    if a >= 1 && b >= 1 {
                        termB = (Double(2 * (b - a + 1)) / Double((b + 2) * a)) * cumulativeVertical[a - 1]
                    }
                    var termC = 0.0
                    if a <= size - 2 && b > a {
                        termC = (Double(2 * (a + 1)) / Double((b + 2) * (b - a))) * fromBottom[a * size + b]
                    }
                    q = termA - termB - termC
                }
                // np.argmax: the first maximum in row-major order, or the first NaN.
                if !found || q > best.qhat || (q.isNaN && !best.qhat.isNaN) {
                    best = Candidate(index: start + a + 1, qhat: q)
                    found = true
                    if q.isNaN { return best }
                }
            }
        }
        return best
    }
}
