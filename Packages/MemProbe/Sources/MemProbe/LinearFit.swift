/// An ordinary least-squares line `y = intercept + slope · x` and how well it fits.
public struct LinearFit: Sendable, Hashable {
    /// Change of `y` per unit of `x` (per iteration, in a leak check).
    public let slope: Double
    /// `y` at `x = 0`.
    public let intercept: Double
    /// The coefficient of determination, 0...1: the share of `y`'s variance the line explains.
    /// 0 when `y` does not vary at all (a flat line explains nothing because there is nothing to explain).
    public let rSquared: Double
    /// The number of points fitted.
    public let count: Int
    /// The standard error of `slope`: `√(residual sum of squares / (count − 2) / Σ(x − x̄)²)`, the spread the
    /// slope would have over repeated series with the same scatter around the line. 0 for points exactly on a
    /// line; infinite with two points (a line through two points says nothing about the scatter).
    public let slopeStandardError: Double

    /// Fits a line through the points `(x[i], y[i])`; `nil` with fewer than two points or when every `x`
    /// is the same.
    ///
    /// Sums are taken around the means, which keeps large values (heap bytes, iteration numbers) exact
    /// enough in `Double`.
    /// - Precondition: `x.count == y.count`.
    /// - Complexity: O(*n*).
    public init?(x: [Double], y: [Double]) {
        precondition(x.count == y.count, "LinearFit needs as many x values as y values")
        guard x.count >= 2 else { return nil }
        let count = Double(x.count)
        let meanX = x.reduce(0, +) / count
        let meanY = y.reduce(0, +) / count
        var sxx = 0.0
        var sxy = 0.0
        var syy = 0.0
        for (xi, yi) in zip(x, y) {
            let dx = xi - meanX
            let dy = yi - meanY
            sxx += dx * dx
            sxy += dx * dy
            syy += dy * dy
        }
        guard sxx > 0 else { return nil }
        slope = sxy / sxx
        intercept = meanY - slope * meanX
        rSquared = syy > 0 ? min(1, max(0, (sxy * sxy) / (sxx * syy))) : 0
        self.count = x.count
        // Σ residual² = Σ(y − ȳ)² − slope · Σ(x − x̄)(y − ȳ); rounding can take it a hair below zero.
        let residuals = max(0, syy - slope * sxy)
        slopeStandardError = x.count > 2 ? (residuals / (count - 2) / sxx).squareRoot() : .infinity
    }

    /// The fitted `y` at `x`.
    public func value(at x: Double) -> Double {
        intercept + slope * x
    }
}
