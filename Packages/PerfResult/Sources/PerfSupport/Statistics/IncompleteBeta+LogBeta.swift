#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// log B(a, b) for the incomplete beta's prefactor, accurate when one parameter is large.
///
/// `log Γ(a) + log Γ(b) − log Γ(a + b)` loses the digits the large terms share (for a = 500, b = ½ the
/// terms are near 2600 and the result near −3). Above `stirlingThreshold` the difference
/// `log Γ(p) − log Γ(p + q)` is formed from Stirling's series instead, where nothing large cancels
/// (the approach of TOMS 708's `algdiv` and Cephes' `lbeta`).
extension IncompleteBeta {
    /// log B(a, b) for positive `a` and `b`.
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let p = max(a, b)
        let q = min(a, b)
        guard p >= stirlingThreshold else { return logGamma(a) + logGamma(b) - logGamma(a + b) }
        return logGamma(q) + logGammaDifference(p, q)
    }

    /// From here on the first term Stirling's series leaves out, 691/(360360 z¹¹), is below 3 × 10⁻¹⁶.
    static let stirlingThreshold = 15.0

    /// log Γ(p) − log Γ(p + q) for `p ≥ stirlingThreshold`:
    /// `−(p − ½) log(1 + q/p) − q log(p + q) + q + ω(p) − ω(p + q)`, with ω the series' remainder.
    private static func logGammaDifference(_ p: Double, _ q: Double) -> Double {
        let sum = p + q
        return -(p - 0.5) * log1p(q / p) - q * log(sum) + q + (stirlingRemainder(p) - stirlingRemainder(sum))
    }

    /// ω(z) = log Γ(z) − ((z − ½) log z − z + ½ log 2π) ≈ 1/(12z) − 1/(360z³) + 1/(1260z⁵) − 1/(1680z⁷)
    /// + 1/(1188z⁹).
    private static func stirlingRemainder(_ z: Double) -> Double {
        let w = 1 / (z * z)
        return (1.0 / 12 + w * (-1.0 / 360 + w * (1.0 / 1260 + w * (-1.0 / 1680 + w / 1188)))) / z
    }

    /// log |Γ(x)| through `lgamma_r`, which, unlike `lgamma`, writes no global sign variable and so is
    /// safe to call from several threads.
    static func logGamma(_ x: Double) -> Double {
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
    }
}
