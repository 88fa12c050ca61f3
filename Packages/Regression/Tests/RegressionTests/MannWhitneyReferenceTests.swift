import Foundation
import Regression
import Testing

/// Mann–Whitney U against p-values SciPy 1.17.1 computed once for fixed inputs
/// (`python3 perf/regression/mann-whitney-reference.py`), and against the cases SciPy's own test suite
/// publishes (`perf/verify/mannwhitney-scipy.json`, which names each source test and its tolerance); no SciPy
/// is needed to run these tests.
@Suite struct MannWhitneyReferenceTests {
    struct ReferenceCase: Sendable, CustomTestStringConvertible {
        var name: String
        var method: MannWhitney.Method
        var u: Double
        var p: Double
        var baseline: [Double]
        var current: [Double]
        var testDescription: String { name }
    }

    static let cases: [ReferenceCase] = [
        ReferenceCase(
            name: "separatedFiveAndFive", method: .exact, u: 0.0, p: 0.007936507936507936,
            baseline: [1.1, 2.3, 3.5, 4.2, 5.9],
            current: [6.1, 7.4, 8.8, 9.0, 10.5]),
        ReferenceCase(
            name: "interleavedTenAndTen", method: .exact, u: 25.0, p: 0.06301283855463422,
            baseline: [10.2, 11.5, 9.8, 10.9, 12.1, 10.0, 11.1, 9.5, 10.7, 11.9],
            current: [10.4, 11.8, 12.3, 10.8, 12.9, 11.3, 12.6, 10.1, 11.6, 13.0]),
        ReferenceCase(
            name: "unequalSixAndNine", method: .exact, u: 8.0, p: 0.025574425574425574,
            baseline: [3.1, 4.7, 2.2, 5.5, 3.9, 4.1],
            current: [4.4, 5.8, 6.2, 3.3, 5.1, 6.9, 7.3, 4.9, 5.6]),
        ReferenceCase(
            name: "identicalSamples", method: .exact, u: 24.5, p: 1.0,
            baseline: [5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0],
            current: [5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0]),
        ReferenceCase(
            name: "smallWithTies", method: .exact, u: 8.5, p: 0.05011655011655012,
            baseline: [1.0, 2.0, 2.0, 3.0, 3.0, 3.0, 4.0],
            current: [2.0, 3.0, 4.0, 4.0, 5.0, 5.0, 6.0]),
        ReferenceCase(
            name: "twentyAndTwentyNoTies", method: .exact, u: 140.0, p: 0.1080770739135105,
            baseline: [
                99.426, 107.747, 104.843, 101.114, 92.907, 90.436, 105.933, 104.123, 90.026, 103.127, 88.06, 104.987,
                103.514, 104.828, 97.787, 103.452, 98.69, 92.945, 102.741, 102.396,
            ],
            current: [
                104.856, 105.273, 100.964, 104.048, 102.407, 99.019, 99.615, 103.684, 93.674, 103.071, 110.87, 111.488,
                106.686, 106.672, 101.946, 105.413, 101.315, 108.698, 101.431, 95.954,
            ]),
        ReferenceCase(
            name: "twentyOneAndTwentyOneNoTies", method: .normal, u: 132.0, p: 0.026849069410328923,
            baseline: [
                93.378, 95.69, 105.878, 91.004, 104.665, 99.384, 97.308, 102.863, 112.025, 101.255, 100.318, 101.096,
                98.692, 103.863, 93.941, 94.925, 98.766, 102.8, 92.314, 94.902, 90.936,
            ],
            current: [
                101.995, 99.204, 104.591, 102.518, 98.22, 110.132, 105.998, 100.334, 97.638, 101.454, 109.788, 95.952,
                97.317, 98.669, 103.005, 108.676, 105.287, 103.81, 104.414, 98.294, 104.459,
            ]),
        ReferenceCase(
            name: "thirtyAndThirtyNoTies", method: .normal, u: 389.0, p: 0.3710770321265142,
            baseline: [
                49.8122, 49.449, 53.8037, 48.9458, 49.6153, 46.9327, 46.5507, 53.0653, 47.8257, 48.0204, 44.2146,
                49.6135, 46.7243, 50.0698, 51.5759, 49.647, 50.7251, 50.9786, 49.5158, 48.46, 50.1618, 49.7098, 53.7677,
                56.2481, 55.0853, 46.9407, 51.8598, 42.9413, 49.0646, 49.3616,
            ],
            current: [
                53.4929, 51.9326, 49.6627, 46.1241, 49.3831, 48.8283, 46.4322, 50.5366, 48.7105, 49.3904, 51.8751,
                50.9982, 50.7993, 50.4532, 51.3787, 48.4288, 50.6638, 48.8717, 50.0707, 52.3618, 48.527, 47.6162,
                49.5406, 51.9851, 49.8395, 47.8092, 55.3875, 52.9582, 49.7204, 54.1476,
            ]),
        ReferenceCase(
            name: "largeWithTies", method: .normal, u: 237.5, p: 0.002556775010098512,
            baseline: [
                4.0, 0.0, 6.0, 7.0, 0.0, 2.0, 0.0, 3.0, 0.0, 2.0, 1.0, 1.0, 5.0, 2.0, 1.0, 0.0, 2.0, 4.0, 6.0, 2.0, 4.0,
                2.0, 4.0, 5.0, 7.0,
            ],
            current: [
                1.0, 4.0, 7.0, 4.0, 8.0, 3.0, 1.0, 7.0, 8.0, 3.0, 3.0, 3.0, 7.0, 2.0, 8.0, 6.0, 6.0, 4.0, 4.0, 2.0, 3.0,
                3.0, 2.0, 2.0, 6.0, 6.0, 6.0, 8.0, 6.0, 3.0, 7.0, 6.0, 5.0, 4.0, 7.0,
            ]),
    ]

    @Test(arguments: cases) func pValuesMatchScipy(_ reference: ReferenceCase) {
        let outcome = MannWhitney.test(reference.baseline, reference.current)
        #expect(outcome.method == reference.method)
        #expect(outcome.u == reference.u)
        #expect(abs(outcome.pValue - reference.p) <= 1e-12 + 1e-9 * reference.p)
    }

    /// A case of SciPy's `TestMannWhitneyU`, two-sided, as the fixture transcribes it.
    struct ScipyCase: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var x: [Double]
        var y: [Double]
        /// "exact" or "asymptotic" (SciPy's names).
        var method: String
        var u: Double
        var p: Double
        var rtol: Double
        var atol: Double
        var testDescription: String { name }
    }

    static func loadScipyCases() throws -> [ScipyCase] {
        struct Fixture: Decodable { var cases: [ScipyCase] }
        let data = try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/perf/verify/mannwhitney-scipy.json"))
        return try JSONDecoder().decode(Fixture.self, from: data).cases
    }

    /// Empty when the fixture cannot be read; `scipysPublishedCasesAreLoaded` fails then.
    static let scipyCases = (try? loadScipyCases()) ?? []

    @Test func scipysPublishedCasesAreLoaded() throws {
        let names = try Self.loadScipyCases().map(\.name)
        #expect(names.contains("gh9184ExactTwoSided") && names.contains("gh1428ManyTies"))
        #expect(names.filter { $0.hasPrefix("exactDistribution") }.count == 132)
    }

    @Test(arguments: scipyCases) func matchesScipysOwnTestCasesWithinTheirTolerance(_ reference: ScipyCase) {
        let outcome = MannWhitney.test(reference.x, reference.y)
        #expect(outcome.method == (reference.method == "exact" ? .exact : .normal))
        #expect(outcome.u == reference.u)
        #expect(
            abs(outcome.pValue - reference.p) <= reference.atol + reference.rtol * reference.p,
            "p \(outcome.pValue), SciPy's test expects \(reference.p)")
    }

    @Test(arguments: cases) func swappingTheSamplesKeepsTheTwoSidedPValue(_ reference: ReferenceCase) {
        let forward = MannWhitney.test(reference.baseline, reference.current)
        let backward = MannWhitney.test(reference.current, reference.baseline)
        #expect(abs(forward.pValue - backward.pValue) <= 1e-12)
        #expect(forward.u + backward.u == Double(reference.baseline.count * reference.current.count))
    }

    @Test func theExactDistributionIsUsedUpToTwentyValuesASide() {
        let twenty = (0..<20).map(Double.init)
        #expect(MannWhitney.test(twenty, twenty.map { $0 + 0.5 }).method == .exact)
        #expect(MannWhitney.test(twenty + [99], twenty.map { $0 + 0.5 }).method == .normal)
        #expect(MannWhitney.exactLimit == 20)
    }

    @Test func completelySeparatedSamplesGiveTheSmallestExactPValue() {
        // 2 / C(10, 5) = 2 / 252.
        let outcome = MannWhitney.test([1, 2, 3, 4, 5], [6, 7, 8, 9, 10])
        #expect(abs(outcome.pValue - 2.0 / 252.0) < 1e-15)
        #expect(outcome.u == 0)
    }

    @Test func identicalValuesEverywhereGiveAPValueOfOne() {
        #expect(MannWhitney.test([3, 3, 3], [3, 3]).pValue == 1)
        #expect(MannWhitney.test(Array(repeating: 3, count: 30), Array(repeating: 3, count: 30)).pValue == 1)
    }

    @Test func anEmptySampleIsAProgrammerError() async {
        await #expect(processExitsWith: .failure) {
            _ = MannWhitney.test([], [1, 2, 3])
        }
    }
}
