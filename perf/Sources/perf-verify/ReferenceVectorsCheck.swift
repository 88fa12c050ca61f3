import Foundation
import LoadGen
import PerfResult
import PerfSupport
import Regression

/// The estimators against their references' own published test data, in this process (the same fixtures LoadGen's
/// and Regression's tests read, so `make test` checks them too): `LatencyHistogram` against HdrHistogram's
/// expectations (`perf/verify/hdrhistogram-vectors.json`, within HdrHistogram's stated ±0.1 %, recorded in ns),
/// and the Mann–Whitney U test against SciPy's `TestMannWhitneyU` cases (`perf/verify/mannwhitney-scipy.json`,
/// U exactly and p within each case's own tolerance). A row counts the figures that agree out of all of them.
enum ReferenceVectorsCheck {
    static let bar = "all agree"

    /// HdrHistogram's vectors: a row per vector, counting its percentiles, extremes, mean and deviation.
    static func histogramRows(fixture path: String) -> [VerifyRow] {
        struct Fixture: Decodable {
            struct Recording: Decodable {
                var value: UInt64?
                var from: UInt64?
                var through: UInt64?
                var step: UInt64?
                var count: UInt64
            }
            struct Percentile: Decodable {
                var percentile: Double
                var value: UInt64
            }
            struct Vector: Decodable {
                var name: String
                var nanosecondsPerSourceUnit: UInt64
                var relativeTolerance: Double
                var recordings: [Recording]
                var totalCount: UInt64
                var minValue: UInt64
                var maxValue: UInt64
                var mean: Double
                var standardDeviation: Double
                var percentiles: [Percentile]
            }
            var vectors: [Vector]
        }
        let fixture: Fixture
        do {
            fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            return [.failed("loadgen/latencyHistogram", bar: bar, why: "\(path): \(error)")]
        }
        return fixture.vectors.map { vector in
            let scale = vector.nanosecondsPerSourceUnit
            var histogram = LatencyHistogram()
            for recording in vector.recordings {
                if let value = recording.value {
                    _ = histogram.record(value * scale, count: recording.count)
                } else if let from = recording.from, let through = recording.through, let step = recording.step {
                    for value in stride(from: from, through: through, by: Int(step)) {
                        _ = histogram.record(value * scale, count: recording.count)
                    }
                }
            }
            func close(_ actual: Double, _ expected: Double) -> Bool {
                abs(actual - expected) <= expected * vector.relativeTolerance
            }
            let unit = Double(scale)
            var agreeing = vector.percentiles.filter {
                close(Double(histogram.value(atPercentile: $0.percentile)), Double($0.value) * unit)
            }.count
            let figures = [
                histogram.totalCount == vector.totalCount,
                close(Double(histogram.minValue), Double(vector.minValue) * unit),
                close(Double(histogram.maxValue), Double(vector.maxValue) * unit),
                close(histogram.mean, vector.mean * unit),
                close(histogram.standardDeviation, vector.standardDeviation * unit),
            ]
            agreeing += figures.filter { $0 }.count
            let total = vector.percentiles.count + figures.count
            return .judged(
                "loadgen/latencyHistogram[vector=\(vector.name)]", ours: Double(agreeing), reference: Double(total),
                unit: .count, bar: bar,
                note: "HdrHistogram's tests: percentiles, count, min, max, mean, deviation (±0.1 %)",
                holds: agreeing == total)
        }
    }

    /// SciPy's Mann–Whitney cases: one row counting the cases whose U and p agree.
    static func mannWhitneyRows(fixture path: String) -> [VerifyRow] {
        struct Fixture: Decodable {
            struct Case: Decodable {
                var x: [Double]
                var y: [Double]
                var u: Double
                var p: Double
                var rtol: Double
                var atol: Double
            }
            var cases: [Case]
        }
        let name = "regression/mannWhitney[reference=scipy]"
        let fixture: Fixture
        do {
            fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            return [.failed(name, bar: bar, why: "\(path): \(error)")]
        }
        let agreeing = fixture.cases.filter { reference in
            let outcome = MannWhitney.test(reference.x, reference.y)
            return outcome.u == reference.u
                && abs(outcome.pValue - reference.p) <= reference.atol + reference.rtol * reference.p
        }.count
        return [
            .judged(
                name, ours: Double(agreeing), reference: Double(fixture.cases.count), unit: .count, bar: bar,
                note: "SciPy's TestMannWhitneyU cases: U exactly, p within each case's tolerance",
                holds: agreeing == fixture.cases.count)
        ]
    }
}
