/// Two-sided 95 % critical values of Student's t distribution, for margins of error.
///
/// MicroBench's margins of error use them. Degrees of freedom 1 … 30 come from the table below (computed
/// with SciPy's `t.ppf(0.975, df)`); above 30 the Cornish–Fisher expansion around the normal quantile
/// (Abramowitz & Stegun 26.7.5) is used, whose relative error is below 2 × 10⁻⁸ there and falls with `df`.
extension StudentT {
    /// `t(0.975, df)` for `df` = 1 … 30, index `df − 1`.
    public static let table95: [Double] = [
        12.706204736174694, 4.302652729749462, 3.1824463052837078, 2.7764451051977934, 2.5705818356363146,
        2.4469118511449786, 2.364624251592784, 2.306004135204166, 2.262157162798205, 2.228138851986274,
        2.200985160091639, 2.1788128296672284, 2.1603686564627913, 2.144786687917804, 2.131449545559776,
        2.1199052992212546, 2.1098155778333156, 2.1009220402410382, 2.0930240544083087, 2.085963447265864,
        2.0796138447276795, 2.0738730679040254, 2.0686576104190486, 2.0638985616280245, 2.0595385527532972,
        2.0555294386428735, 2.0518305164802846, 2.0484071417952454, 2.045229642132703, 2.0422724563012378,
    ]

    /// The two-sided 97.5 % quantile of the standard normal distribution, the limit as `df` grows.
    public static let normal95 = 1.959963984540054

    /// The two-sided 95 % critical value for `degreesOfFreedom`; values below 1 are treated as 1,
    /// as tinybench does for a single sample.
    /// - Complexity: O(1).
    public static func critical95(degreesOfFreedom: Int) -> Double {
        let df = max(1, degreesOfFreedom)
        if df <= table95.count { return table95[df - 1] }
        let z = normal95
        let z2 = z * z
        let v = Double(df)
        let g1 = (z2 + 1) * z / 4
        let g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
        let g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
        let g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160
        return z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v)
    }
}
