public import PerfResult
public import PerfSupport

/// A PerfResult result in JMH's JSON result format (`-rf json`), which JMH's visualizers read (e.g.
/// jmh.morethan.io): one object per benchmark with `benchmark`, `mode`, `threads`, `forks`, `warmupIterations`,
/// `measurementIterations`, `primaryMetric`, `secondaryMetrics` and, for a parameter sweep, `params`.
///
/// - `benchmark`: `suite.group.case` (the result's name without parameters, `/` read as `.`), so that a
///   visualizer groups a suite's cases as JMH groups a class's methods;
/// - `mode` `avgt` with `scoreUnit` `ns/op`: `score` is `nsPerOp`, the headline figure (a median, where JMH's is a
///   mean); `scoreError` is JMH's, the half-width of the 99.9 % Student-t interval of the mean of the samples
///   (`"NaN"` for fewer than three, as JMH writes it), and `scoreConfidence` is `score ± scoreError`;
///   `scorePercentiles` are type-7 quantiles of the samples at JMH's levels;
/// - `rawData`: one array per fork. A report merged from forks (`environment.forks`) holds one figure per fork, so
///   each fork's array holds that one figure and `measurementIterations` is 1; a report of one process holds its
///   samples, in one array;
/// - `warmupIterations` is `null`: MicroBench warms up for a time, not a number of iterations, and the report does
///   not record how many windows that took; `threads` is 1, as MicroBench measures on one thread;
/// - `secondaryMetrics`: every other metric except the descriptive statistics of the same samples (`p50Ns`,
///   `p99Ns`, `meanNs`, …, `opsPerSec`, `rme`), each with its value as `score`. Where JMH has a profiler
///   metric for the same figure it takes JMH's name: `bytesPerOp` is `gc.alloc.rate.norm` (B/op, JMH's `gc`
///   profiler) and `instructions` is `instructions` (#/op, `perfnorm`); the others keep their keys, with JMH's units
///   (`#/op`, `B/op`, `ns/op` for per-operation figures).
///
/// Results without `nsPerOp` (load tests, instruction counts) have no JMH equivalent and are left out.
public enum JMHResult {
    /// The percentile levels of JMH's `scorePercentiles`, as it names them.
    public static let percentileLevels: [(name: String, q: Double)] = [
        ("0.0", 0), ("50.0", 0.5), ("90.0", 0.9), ("95.0", 0.95), ("99.0", 0.99), ("99.9", 0.999),
        ("99.99", 0.9999), ("99.999", 0.99999), ("99.9999", 0.999999), ("100.0", 1),
    ]

    /// The metrics that describe the primary metric's own samples, left out of `secondaryMetrics`.
    static let describedByPrimary: Set<String> = [
        "nsPerOp", "p50Ns", "p75Ns", "p99Ns", "meanNs", "minNs", "maxNs", "sdNs", "madNs", "opsPerSec", "rme",
    ]

    /// The JMH result array of every result with `nsPerOp` in `reports`, in order, as JSON text.
    /// - Complexity: O(*m* · *s* log *s*) for *m* metrics of at most *s* samples.
    public static func json(_ reports: [Report]) -> String {
        let objects = reports.flatMap { report in report.results.compactMap { object(report: report, result: $0) } }
        return JSONValue.array(objects).serialized() + "\n"
    }

    /// The JMH object of `result` of `report`, or `nil` when it has no `nsPerOp`.
    public static func object(report: Report, result: Result) -> JSONValue? {
        guard let primary = result["nsPerOp"] else { return nil }
        let forks = max(1, report.environment.forks ?? 1)
        let perFork = forks > 1 && primary.samples?.count == forks
        let measurementIterations = perFork ? 1 : (primary.samples?.count ?? 1)
        var members: [JSONValue.Member] = [
            .init(key: "benchmark", value: .string(benchmarkName(suite: report.suite, result: result))),
            .init(key: "mode", value: .string("avgt")),
            .init(key: "threads", value: .number(1)),
            .init(key: "forks", value: .number(perFork ? forks : 1)),
            .init(key: "warmupIterations", value: .null),
            .init(key: "measurementIterations", value: .number(measurementIterations)),
        ]
        if !result.parameters.isEmpty {
            let params = result.parameters.sorted { $0.key < $1.key }.map {
                JSONValue.Member(key: $0.key, value: .string($0.value))
            }
            members.append(.init(key: "params", value: .object(params)))
        }
        members.append(.init(key: "primaryMetric", value: metric(primary, unit: "ns/op", perFork: perFork)))
        let secondary = result.metrics.filter { !describedByPrimary.contains($0.key) }.map { metric in
            let (name, unit) = jmhName(metric)
            return JSONValue.Member(key: name, value: self.metric(metric, unit: unit, perFork: perFork))
        }
        members.append(.init(key: "secondaryMetrics", value: .object(secondary)))
        return .object(members)
    }

    /// `suite.group.case`: the result's name without parameters, `/` read as `.`.
    static func benchmarkName(suite: String, result: Result) -> String {
        suite + "." + result.baseName.split(separator: "/").joined(separator: ".")
    }

    /// JMH's name and unit for `metric`.
    static func jmhName(_ metric: Metric) -> (name: String, unit: String) {
        switch metric.key {
        case "bytesPerOp": return ("gc.alloc.rate.norm", "B/op")
        case "instructions": return ("instructions", "#/op")
        default:
            guard metric.key.hasSuffix("PerOp") else { return (metric.key, metric.unit.rawValue) }
            switch metric.unit {
            case .count: return (metric.key, "#/op")
            case .bytes: return (metric.key, "B/op")
            default: return (metric.key, metric.unit.rawValue + "/op")
            }
        }
    }

    /// `{score, scoreError, scoreConfidence, scorePercentiles, scoreUnit, rawData}` of `metric`.
    static func metric(_ metric: Metric, unit: String, perFork: Bool) -> JSONValue {
        let samples = metric.samples ?? [metric.value]
        let error = scoreError(samples)
        let sorted = SortedSample(samples)
        let percentiles = percentileLevels.map { JSONValue.Member(key: $0.name, value: number(sorted.quantile($0.q))) }
        let rawData: [JSONValue] =
            perFork
            ? samples.map { .array([number($0)]) } : [.array(samples.map(number))]
        return .object([
            .init(key: "score", value: number(metric.value)),
            .init(key: "scoreError", value: number(error)),
            .init(key: "scoreConfidence", value: .array([number(metric.value - error), number(metric.value + error)])),
            .init(key: "scorePercentiles", value: .object(percentiles)),
            .init(key: "scoreUnit", value: .string(unit)),
            .init(key: "rawData", value: .array(rawData)),
        ])
    }

    /// JMH's score error: the half-width of the 99.9 % Student-t interval of the mean, NaN for fewer than three
    /// values.
    static func scoreError(_ values: [Double]) -> Double {
        guard values.count > 2 else { return .nan }
        let moments = Moments(values)
        let t = StudentT.upperQuantile(tail: 0.0005, degreesOfFreedom: Double(values.count - 1))
        return t * moments.standardError
    }

    /// A number, or the string `"NaN"` (`"Infinity"`, `"-Infinity"`) as JMH writes one that JSON cannot hold.
    static func number(_ value: Double) -> JSONValue {
        if value.isNaN { return .string("NaN") }
        if value.isInfinite { return .string(value > 0 ? "Infinity" : "-Infinity") }
        return .number(value)
    }
}
