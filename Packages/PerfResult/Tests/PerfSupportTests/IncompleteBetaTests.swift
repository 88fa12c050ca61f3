import PerfSupport
import Testing

/// The regularized incomplete beta function against SciPy 1.17.1, computed once and pasted here:
/// `python3 -c "from scipy import special; print(special.betainc(a, b, x))"`.
@Suite struct IncompleteBetaTests {
    struct ReferenceCase: Sendable, CustomTestStringConvertible {
        var a: Double
        var b: Double
        var x: Double
        /// `special.betainc(a, b, x)`
        var value: Double
        var testDescription: String { "I_\(x)(\(a), \(b))" }
    }

    static let cases: [ReferenceCase] = [
        // (a, b, x, betainc)
        .init(0.5, 0.5, 0.3, 0.36901011956554536),
        .init(1, 1, 0.42, 0.42),
        .init(2, 3, 0.4, 0.5247999999999999),
        .init(5, 0.5, 0.9, 0.3166429150200122),
        .init(0.5, 5, 0.01, 0.24284189089843747),
        .init(10, 10, 0.5, 0.5),
        .init(10, 10, 0.3, 0.032553356881300934),
        .init(20, 0.5, 0.999, 0.8424161860163615),
        .init(500, 0.5, 0.99, 0.0015273578790529906),
        .init(500, 0.5, 0.9, 1.045367793835481e-24),
        .init(3.7, 2.2, 0.65, 0.51494615058716),
        .init(100, 100, 0.45, 0.0783879327122203),
        .init(0.1, 0.1, 0.5, 0.4999999999999999),
        .init(1.5, 30, 0.001, 0.0038892683851803693),
        .init(25, 4, 0.95, 0.9509261303582873),
    ]

    @Test(arguments: cases) func matchesSciPy(_ reference: ReferenceCase) {
        let value = IncompleteBeta.regularized(x: reference.x, a: reference.a, b: reference.b)
        #expect(isClose(value, reference.value, relative: 1e-12), "\(value) vs \(reference.value)")
    }

    @Test func theEndsOfTheIntervalAreZeroAndOne() {
        #expect(IncompleteBeta.regularized(x: 0, a: 2, b: 3) == 0)
        #expect(IncompleteBeta.regularized(x: -0.5, a: 2, b: 3) == 0)
        #expect(IncompleteBeta.regularized(x: 1, a: 2, b: 3) == 1)
        #expect(IncompleteBeta.regularized(x: 1.5, a: 2, b: 3) == 1)
    }

    @Test func swappingTheParametersReflectsTheFunction() {
        for (a, b, x) in [(2.0, 3.0, 0.2), (0.5, 7.0, 0.6), (40.0, 2.5, 0.93)] {
            let sum =
                IncompleteBeta.regularized(x: x, a: a, b: b) + IncompleteBeta.regularized(x: 1 - x, a: b, b: a)
            #expect(isClose(sum, 1, relative: 1e-14))
        }
    }

    @Test func invalidParametersGiveNaN() {
        #expect(IncompleteBeta.regularized(x: 0.5, a: 0, b: 1).isNaN)
        #expect(IncompleteBeta.regularized(x: 0.5, a: 1, b: -1).isNaN)
        #expect(IncompleteBeta.regularized(x: .nan, a: 1, b: 1).isNaN)
    }
}

extension IncompleteBetaTests.ReferenceCase {
    init(_ a: Double, _ b: Double, _ x: Double, _ value: Double) {
        self.init(a: a, b: b, x: x, value: value)
    }
}

/// Whether `a` and `b` agree to `relative` (both zero counts as agreeing).
private func isClose(_ a: Double, _ b: Double, relative: Double) -> Bool {
    a == b || abs(a - b) <= relative * max(abs(a), abs(b))
}
