/// One entry of `thresholds.json`: which metrics it applies to, and the rule fields it sets.
///
/// Fields left `nil` are inherited from the entries before it (see `Thresholds`), so an override can
/// change the percentage of a rule and keep its floor.
public struct ThresholdEntry: Sendable, Hashable {
    /// The suites this entry applies to; `nil` means every suite.
    public var suite: GlobPattern?
    /// The result names this entry applies to (full names, with any `[...]` suffix); `nil` means all.
    public var result: GlobPattern?
    /// The metric keys this entry applies to; `nil` means all.
    public var metric: GlobPattern?
    /// Sets `ThresholdRule.maxRegression`, written in percent (10 for 10 %).
    public var maxRegressionPercent: Double?
    /// Sets `ThresholdRule.floor`.
    public var floor: Double?
    /// Sets `ThresholdRule.exact`.
    public var exact: Bool?
    /// Sets `ThresholdRule.gate`.
    public var gate: Bool?
    /// Sets `ThresholdRule.series`.
    public var series: Bool?
    /// Sets `ThresholdRule.deterministic`, the metric's class (`MetricClass`).
    public var deterministic: Bool?

    /// Creates an entry.
    /// - Precondition: `maxRegressionPercent` and `floor`, when given, are finite and not negative.
    public init(
        suite: String? = nil, result: String? = nil, metric: String? = nil, maxRegressionPercent: Double? = nil,
        floor: Double? = nil, exact: Bool? = nil, gate: Bool? = nil, series: Bool? = nil, deterministic: Bool? = nil
    ) {
        precondition(maxRegressionPercent.map { $0.isFinite && $0 >= 0 } ?? true, "percent must be finite, >= 0")
        precondition(floor.map { $0.isFinite && $0 >= 0 } ?? true, "floor must be finite and >= 0")
        self.suite = suite.map(GlobPattern.init)
        self.result = result.map(GlobPattern.init)
        self.metric = metric.map(GlobPattern.init)
        self.maxRegressionPercent = maxRegressionPercent
        self.floor = floor
        self.exact = exact
        self.gate = gate
        self.series = series
        self.deterministic = deterministic
    }

    /// Whether the entry applies to `metric` of `result` in `suite`.
    /// - Complexity: O(*n*) in the lengths of the names for the usual patterns.
    public func matches(suite: String, result: String, metric: String) -> Bool {
        (self.metric?.matches(metric) ?? true) && (self.suite?.matches(suite) ?? true)
            && (self.result?.matches(result) ?? true)
    }

    /// Overwrites the fields of `rule` that this entry sets.
    public func apply(to rule: inout ThresholdRule) {
        if let maxRegressionPercent { rule.maxRegression = maxRegressionPercent / 100 }
        if let floor { rule.floor = floor }
        if let exact { rule.exact = exact }
        if let gate { rule.gate = gate }
        if let series { rule.series = series }
        if let deterministic { rule.deterministic = deterministic }
    }
}
