/// The measurements of one case of a suite: a validated name, its parameters and its metrics.
///
/// Names are `group/case`, slash-separated, e.g. `stringOps/concat`. A parameter sweep gives one
/// result per value, and the parameters become a suffix of the name: `stringOps/concat[size=4096]`.
public struct Result: Sendable, Hashable {
    /// The full, unique name, including the `[key=value,...]` suffix when there are parameters.
    public let name: String
    /// The parameters of this case (e.g. `["size": "4096"]`); empty when there are none.
    public let parameters: [String: String]
    /// The metrics, in the order they were added; keys are unique.
    public private(set) var metrics: [Metric]
    /// The bounds the benchmark declares on its own metrics, by metric key (its performance contract; see
    /// `Limit`). Empty unless the benchmark declared some.
    public var limits: [String: Limit] = [:]

    /// Creates a result, validating its name and metric keys.
    ///
    /// When `parameters` is not empty and `name` has no `[...]` suffix, the suffix is appended with the
    /// keys sorted. When `name` has a suffix, it must list exactly `parameters` (or `parameters` is empty
    /// and is read from the suffix).
    ///
    /// - Throws: `PerfResultError.invalidResultName` or `.duplicateMetric`.
    /// - Complexity: O(*n* + *m*²) for a name of length *n* and *m* metrics.
    public init(name: String, parameters: [String: String] = [:], metrics: [Metric] = []) throws(PerfResultError) {
        let parsed = try ResultName.parse(name)
        let resolved: [String: String]
        if let suffix = parsed.parameters {
            guard parameters.isEmpty || parameters == suffix else {
                throw .invalidResultName(name, reason: "its [...] suffix does not match the parameters \(parameters)")
            }
            resolved = suffix
            self.name = name
        } else if parameters.isEmpty {
            resolved = [:]
            self.name = name
        } else {
            try ResultName.validate(parameters: parameters, in: name)
            resolved = parameters
            self.name = name + ResultName.suffix(for: parameters)
        }
        self.parameters = resolved
        self.metrics = []
        for metric in metrics { try add(metric) }
    }

    /// The name without its `[...]` parameter suffix, e.g. `stringOps/concat`.
    public var baseName: String {
        guard let bracket = name.firstIndex(of: "[") else { return name }
        return String(name[..<bracket])
    }

    /// The first path segment of the name, e.g. `stringOps` for `stringOps/concat`.
    public var group: String {
        String(baseName.prefix { $0 != "/" })
    }

    /// The metric with `key`, if present.
    /// - Complexity: O(*m*) for *m* metrics.
    public subscript(key: String) -> Metric? {
        metrics.first { $0.key == key }
    }

    /// Adds a metric.
    /// - Throws: `PerfResultError.duplicateMetric` when a metric with the same key is already present.
    public mutating func add(_ metric: Metric) throws(PerfResultError) {
        guard self[metric.key] == nil else { throw .duplicateMetric(metric.key, result: name) }
        metrics.append(metric)
    }
}
