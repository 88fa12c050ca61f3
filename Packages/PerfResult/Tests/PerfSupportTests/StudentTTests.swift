import PerfSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Student's t against SciPy 1.17.1, computed once and pasted here (no SciPy is needed to run the tests):
/// `python3 -c "from scipy import stats; print(stats.t.cdf(t, df), stats.t.sf(t, df), 2 * stats.t.sf(abs(t), df))"`.
@Suite struct StudentTTests {
    struct ReferenceCase: Sendable, CustomTestStringConvertible {
        var t: Double
        var degreesOfFreedom: Double
        /// `stats.t.cdf(t, df)`
        var cdf: Double
        /// `stats.t.sf(t, df)`
        var upperTail: Double
        /// `2 * stats.t.sf(abs(t), df)`
        var twoSided: Double
        var testDescription: String { "t = \(t), df = \(degreesOfFreedom)" }
    }

    static let cases: [ReferenceCase] = [
        // (t, df, cdf, sf, two-sided p)
        .init(0.0, 1, 0.5, 0.5, 1.0),
        .init(1.0, 1, 0.75, 0.25000000000000006, 0.5000000000000001),
        .init(-1.0, 1, 0.25000000000000006, 0.75, 0.5000000000000001),
        .init(12.706204736174694, 1, 0.975, 0.025000000000000022, 0.050000000000000044),
        .init(1000.0, 1, 0.9996816902199195, 0.0003183097800805589, 0.0006366195601611178),
        .init(-1_000_000.0, 1, 3.1830988618368455e-07, 0.9999996816901138, 6.366197723673691e-07),
        .init(0.5, 2, 0.6666666666666666, 0.33333333333333337, 0.6666666666666667),
        .init(-2.5, 2, 0.06480586011075541, 0.9351941398892446, 0.12961172022151082),
        .init(40.0, 2, 0.9996877926639076, 0.0003122073360923703, 0.0006244146721847406),
        .init(1e-08, 3, 0.500000003675526, 0.499999996324474, 0.999999992648948),
        .init(0.1, 3, 0.5366738255995971, 0.46332617440040297, 0.9266523488008059),
        .init(2.0, 3, 0.9303370157205785, 0.06966298427942152, 0.13932596855884305),
        .init(-3.0, 3, 0.02883444281121865, 0.9711655571887814, 0.0576688856224373),
        .init(10.0, 3, 0.9989358004707929, 0.0010641995292070751, 0.0021283990584141503),
        .init(-1.0, 10, 0.17044656615103, 0.8295534338489701, 0.34089313230206),
        .init(2.2281388519862744, 10, 0.975, 0.025, 0.05),
        .init(3.5, 10, 0.9971367472850574, 0.002863252714942605, 0.00572650542988521),
        .init(8.0, 10, 0.9999941125286052, 5.887471394833083e-06, 1.1774942789666167e-05),
        .init(-25.0, 10, 1.1996963800316695e-10, 0.9999999998800304, 2.399392760063339e-10),
        .init(0.25, 30, 0.5978542954597124, 0.4021457045402876, 0.8042914090805752),
        .init(-2.0, 30, 0.027312522481491547, 0.9726874775185085, 0.054625044962983094),
        .init(4.0, 30, 0.9998090771819581, 0.0001909228180418782, 0.0003818456360837564),
        .init(12.0, 30, 0.999999999999721, 2.7900927075996303e-13, 5.580185415199261e-13),
        .init(1e-06, 1000, 0.5000003988425573, 0.4999996011574427, 0.9999992023148854),
        .init(1.0, 1000, 0.8412237909576638, 0.15877620904233627, 0.31755241808467255),
        .init(-1.96, 1000, 0.025136592477874368, 0.9748634075221256, 0.050273184955748736),
        .init(3.3, 1000, 0.999499501637499, 0.000500498362501045, 0.00100099672500209),
        .init(6.0, 1000, 0.9999999986223154, 1.3776845866887376e-09, 2.7553691733774752e-09),
        .init(-10.0, 1000, 8.335351479300069e-23, 1.0, 1.6670702958600137e-22),
        // Fractional degrees of freedom (Welch's test gives them).
        .init(1.5, 2.5, 0.8760817734568519, 0.12391822654314809, 0.24783645308629618),
        .init(-0.75, 2.5, 0.2587481315910794, 0.7412518684089207, 0.5174962631821588),
        .init(5.0, 7.3, 0.9993086128103432, 0.0006913871896567304, 0.0013827743793134609),
        .init(-2.0, 0.5, 0.22275744509156564, 0.7772425549084343, 0.4455148901831313),
        .init(20.0, 0.5, 0.9283025194857697, 0.0716974805142303, 0.1433949610284606),
        .init(2.0, 54.5, 0.9747530204261077, 0.025246979573892363, 0.05049395914778473),
    ]

    /// Relative agreement with SciPy; the implementation reaches about 10⁻¹⁴ on these cases, and the bound
    /// leaves room for other libm builds while still catching any wrong formula (which is off by far more).
    static let tolerance = 1e-12

    @Test(arguments: cases) func cdfMatchesSciPy(_ reference: ReferenceCase) {
        let value = StudentT.cdf(reference.t, degreesOfFreedom: reference.degreesOfFreedom)
        #expect(isClose(value, reference.cdf, relative: Self.tolerance), "\(value) vs \(reference.cdf)")
    }

    @Test(arguments: cases) func upperTailMatchesSciPy(_ reference: ReferenceCase) {
        let value = StudentT.upperTail(reference.t, degreesOfFreedom: reference.degreesOfFreedom)
        #expect(isClose(value, reference.upperTail, relative: Self.tolerance), "\(value) vs \(reference.upperTail)")
    }

    @Test(arguments: cases) func twoSidedPValueMatchesSciPy(_ reference: ReferenceCase) {
        let value = StudentT.twoSidedPValue(reference.t, degreesOfFreedom: reference.degreesOfFreedom)
        #expect(isClose(value, reference.twoSided, relative: Self.tolerance), "\(value) vs \(reference.twoSided)")
    }

    /// Many degrees of freedom make log Γ terms near 10⁴ that cancel, and `log x` of an `x` close to 1 that
    /// magnifies its rounding; formed naively they cost these p-values 10⁻¹² of relative accuracy (the cases
    /// at 1000 and 50000), which the log-beta of Stirling's series and `log1p` keep. `2 * stats.t.sf(abs(t), df)`.
    @Test(arguments: [
        (1.5728081500949012, 1000.0, 0.11607956445524498), (-1.846346385532768, 3000.0, 0.06494036890140811),
        (0.4, 20000.0, 0.6891607886825424), (0.05, 100000.0, 0.9601224881831361), (1.0, 50000.0, 0.3173153472532073),
        (0.3, 7777.7, 0.7641851728808771),
    ])
    func largeDegreesOfFreedomKeepTheirDigits(t: Double, degreesOfFreedom: Double, twoSided: Double) {
        let value = StudentT.twoSidedPValue(t, degreesOfFreedom: degreesOfFreedom)
        #expect(isClose(value, twoSided, relative: 5e-13), "\(value) vs \(twoSided)")
    }

    /// One degree of freedom is the Cauchy distribution, `1/2 + atan(t)/π` exactly. (SciPy's `stdtr` returns
    /// 0.5 for `t` = 10⁻⁹ and is off by 3 × 10⁻¹¹ at 10⁻⁶, so this case is checked against the formula.)
    @Test(arguments: [1e-9, 1e-6, 1e-3, 0.7, 30.0])
    func oneDegreeOfFreedomIsTheCauchyDistribution(t: Double) {
        let cauchy = 0.5 + atan(t) / Double.pi
        #expect(isClose(StudentT.cdf(t, degreesOfFreedom: 1), cauchy, relative: 1e-15))
    }

    @Test func infiniteStatisticsAreCertain() {
        #expect(StudentT.cdf(.infinity, degreesOfFreedom: 5) == 1)
        #expect(StudentT.cdf(-.infinity, degreesOfFreedom: 5) == 0)
        #expect(StudentT.twoSidedPValue(.infinity, degreesOfFreedom: 5) == 0)
        #expect(StudentT.twoSidedPValue(1e200, degreesOfFreedom: 5) == 0)
    }

    @Test func infinitelyManyDegreesOfFreedomGiveTheNormalDistribution() {
        // scipy.stats.norm.cdf(1.0) = 0.8413447460685429; 2 * norm.sf(1.96) = 0.04999579029644097
        #expect(isClose(StudentT.cdf(1, degreesOfFreedom: .infinity), 0.8413447460685429, relative: 1e-14))
        #expect(
            isClose(StudentT.twoSidedPValue(1.96, degreesOfFreedom: .infinity), 0.04999579029644097, relative: 1e-13))
    }

    @Test func invalidArgumentsGiveNaN() {
        #expect(StudentT.cdf(.nan, degreesOfFreedom: 3).isNaN)
        #expect(StudentT.cdf(1, degreesOfFreedom: 0).isNaN)
        #expect(StudentT.twoSidedPValue(1, degreesOfFreedom: -2).isNaN)
        #expect(StudentT.upperTail(1, degreesOfFreedom: .nan).isNaN)
    }

    @Test func theCdfIsSymmetricAboutZero() {
        for t in [0.3, 1.7, 4.2, 15.0] {
            for df in [1.0, 4.5, 30.0] {
                let sum = StudentT.cdf(t, degreesOfFreedom: df) + StudentT.cdf(-t, degreesOfFreedom: df)
                #expect(isClose(sum, 1, relative: 1e-15))
            }
        }
    }
}

/// The 95 % critical values of MicroBench's margins of error, which must stay the ones its results have
/// always been computed with.
@Suite struct StudentTCriticalValueTests {
    @Test func tabulatedValuesAreMicroBenchs() {
        #expect(StudentT.critical95(degreesOfFreedom: 1) == 12.706204736174694)
        #expect(StudentT.critical95(degreesOfFreedom: 2) == 4.302652729749462)
        #expect(StudentT.critical95(degreesOfFreedom: 9) == 2.262157162798205)
        #expect(StudentT.critical95(degreesOfFreedom: 10) == 2.228138851986274)
        #expect(StudentT.critical95(degreesOfFreedom: 30) == 2.0422724563012378)
        #expect(StudentT.table95.count == 30)
    }

    @Test func criticalValuesFallTowardTheNormalQuantile() {
        let values = [1, 5, 30, 31, 100, 10_000, 1_000_000].map { StudentT.critical95(degreesOfFreedom: $0) }
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 > $1 })
        #expect(abs(values.last! - StudentT.normal95) < 1e-5)
    }

    @Test func belowOneDegreeOfFreedomCountsAsOne() {
        #expect(StudentT.critical95(degreesOfFreedom: 0) == StudentT.critical95(degreesOfFreedom: 1))
        #expect(StudentT.critical95(degreesOfFreedom: -4) == StudentT.critical95(degreesOfFreedom: 1))
    }

    /// `stats.t.ppf(0.975, df)` for df above the table, where the Cornish–Fisher expansion takes over.
    @Test(arguments: [
        (31, 2.039513446396408), (50, 2.008559112100761), (100, 1.9839715185235518), (1000, 1.9623390808264083),
        (100_000, 1.9599877075346095),
    ])
    func expandedValuesMatchSciPy(degreesOfFreedom: Int, quantile: Double) {
        #expect(isClose(StudentT.critical95(degreesOfFreedom: degreesOfFreedom), quantile, relative: 2e-8))
    }

    @Test(arguments: [1, 2, 5, 12, 30, 31, 64, 500])
    func theCdfAtTheCriticalValueIsNinetySevenAndAHalfPercent(degreesOfFreedom: Int) {
        let t = StudentT.critical95(degreesOfFreedom: degreesOfFreedom)
        #expect(isClose(StudentT.cdf(t, degreesOfFreedom: Double(degreesOfFreedom)), 0.975, relative: 1e-8))
    }
}

extension StudentTTests.ReferenceCase {
    init(_ t: Double, _ degreesOfFreedom: Double, _ cdf: Double, _ upperTail: Double, _ twoSided: Double) {
        self.init(t: t, degreesOfFreedom: degreesOfFreedom, cdf: cdf, upperTail: upperTail, twoSided: twoSided)
    }
}

/// Whether `a` and `b` agree to `relative` (both zero counts as agreeing).
private func isClose(_ a: Double, _ b: Double, relative: Double) -> Bool {
    a == b || abs(a - b) <= relative * max(abs(a), abs(b))
}
