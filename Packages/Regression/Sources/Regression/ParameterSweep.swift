import PerfResult

/// Results of one suite that share a base name and differ in exactly one numeric parameter (a sweep such as
/// `scale/knee[instances=1|2|3,mix=login]`): what the HTML report draws against that parameter.
///
/// The other parameters, when some vary too, split the sweep into series, one line each (`mix=login`,
/// `mix=messages`). A group is not a sweep when its results have different parameter keys, when no numeric
/// parameter or more than one varies, or when no series has two points.
struct ParameterSweep {
    /// One line: the results with the same values of every other parameter, in increasing parameter order.
    struct Series {
        /// `key=value` of the other parameters, comma-separated; the base name when there are none.
        var label: String
        var points: [(x: Double, result: Result)]
    }

    /// The shared base name, e.g. `scale/knee`.
    var name: String
    /// The parameter on the x axis, e.g. `instances`.
    var parameter: String
    /// The lines, in order of first appearance.
    var series: [Series]

    /// The metric keys every point has, headline keys first (`HeadlineMetrics.select`: the headline keys
    /// when there are any, else all of them in their order).
    var keys: [String] {
        let all = series.flatMap(\.points).map(\.result)
        guard let first = all.first else { return [] }
        let shared = first.metrics.map(\.key).filter { key in all.allSatisfy { $0[key]?.value.isFinite == true } }
        return HeadlineMetrics.select(from: shared)
    }

    /// The sweeps among `results`, in order of their first result.
    /// - Complexity: O(*n* log *n*) for *n* results.
    static func sweeps(in results: [Result]) -> [ParameterSweep] {
        var names: [String] = []
        var groups: [String: [Result]] = [:]
        for result in results where !result.parameters.isEmpty {
            if groups[result.baseName] == nil { names.append(result.baseName) }
            groups[result.baseName, default: []].append(result)
        }
        return names.compactMap { sweep(name: $0, results: groups[$0]!) }
    }

    private static func sweep(name: String, results: [Result]) -> ParameterSweep? {
        let keys = Set(results[0].parameters.keys)
        guard results.allSatisfy({ Set($0.parameters.keys) == keys }) else { return nil }
        let varying = keys.sorted().filter { key in Set(results.map { $0.parameters[key]! }).count > 1 }
        let numeric = varying.filter { key in results.allSatisfy { number($0.parameters[key]!) != nil } }
        guard numeric.count == 1, let parameter = numeric.first else { return nil }
        var labels: [String] = []
        var points: [String: [(x: Double, result: Result)]] = [:]
        for result in results {
            let others = result.parameters.filter { $0.key != parameter }.sorted { $0.key < $1.key }
            let label = others.isEmpty ? name : others.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            if points[label] == nil { labels.append(label) }
            points[label, default: []].append((number(result.parameters[parameter]!)!, result))
        }
        let series = labels.map { Series(label: $0, points: points[$0]!.sorted { $0.x < $1.x }) }
        guard series.contains(where: { $0.points.count >= 2 }) else { return nil }
        return ParameterSweep(name: name, parameter: parameter, series: series)
    }

    /// A parameter value as a number: plain decimal text (`2`, `0.5`), nothing else (`1k` is not).
    private static func number(_ text: String) -> Double? {
        guard let value = Double(text), value.isFinite, text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" })
        else { return nil }
        return value
    }
}
