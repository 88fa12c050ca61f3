import PerfResult
import PerfSupport

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The files github-action-benchmark reads with `tool: customSmallerIsBetter` and
/// `tool: customBiggerIsBetter`: a JSON array of `{name, unit, value, extra}`, one entry per current
/// metric, split by direction (one tool per file).
extension CheckOutcome {
    /// One entry of a github-action-benchmark file.
    struct BenchmarkEntry: Encodable {
        var name: String
        var unit: String
        var value: Double
        var extra: String
    }

    /// `smaller-is-better.json` and `bigger-is-better.json` with their bytes; a file with no entries is
    /// left out.
    /// - Complexity: O(metrics).
    public func githubBenchmarkFiles() -> [(name: String, bytes: [UInt8])] {
        var smaller: [BenchmarkEntry] = []
        var bigger: [BenchmarkEntry] = []
        for suite in suites {
            var rowsByKey: [String: MetricComparison] = [:]
            for row in suite.rows {
                if let metric = row.metric { rowsByKey[row.result + "\u{0}" + metric] = row }
            }
            for result in suite.current.results {
                for metric in result.metrics {
                    let row = rowsByKey[result.name + "\u{0}" + metric.key]
                    var extra: [String] = []
                    if let row {
                        if let baseline = row.baselineValue {
                            extra.append("baseline \(NumberText.significant(baseline))")
                        }
                        if !row.changeCell.isEmpty { extra.append("change \(row.changeCell)") }
                        if let p = row.pValue { extra.append("p \(NumberText.pValue(p))") }
                        extra.append("verdict \(row.verdictText)")
                    } else {
                        extra.append("verdict new")
                    }
                    if let samples = metric.samples { extra.append("\(samples.count) samples") }
                    let entry = BenchmarkEntry(
                        name: "\(suite.suite) \(result.name) \(metric.key)", unit: metric.unit.rawValue,
                        value: row?.currentValue ?? Comparer.figure(metric, series: false),
                        extra: extra.joined(separator: "; "))
                    if metric.better == .lower { smaller.append(entry) } else { bigger.append(entry) }
                }
            }
        }
        var files: [(name: String, bytes: [UInt8])] = []
        if !smaller.isEmpty { files.append(("smaller-is-better.json", Self.encode(smaller))) }
        if !bigger.isEmpty { files.append(("bigger-is-better.json", Self.encode(bigger))) }
        return files
    }

    private static func encode(_ entries: [BenchmarkEntry]) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(entries)) + [UInt8(ascii: "\n")]
        } catch {
            // Values come from validated reports, which hold finite numbers only.
            preconditionFailure("encoding benchmark entries failed: \(error)")
        }
    }
}
