public import PerfResult

/// One way the current environment differs from the baseline's in a way that moves numbers:
/// CPU model, core count, Swift version or `PERF_ENV`.
public struct EnvironmentDifference: Sendable, Hashable, CustomStringConvertible {
    /// The field, as people call it: `CPU model`, `cores`, `Swift version`, `PERF_ENV`.
    public var field: String
    /// The baseline's value, or `unknown`.
    public var baseline: String
    /// The current value, or `unknown`.
    public var current: String

    /// Creates a difference.
    public init(field: String, baseline: String, current: String) {
        self.field = field
        self.baseline = baseline
        self.current = current
    }

    public var description: String { "\(field) \"\(baseline)\" → \"\(current)\"" }

    /// The differences that make a comparison report-only, in a fixed order. A field absent on one side
    /// and present on the other differs; absent on both does not.
    /// - Complexity: O(1).
    public static func between(baseline: Environment, current: Environment) -> [EnvironmentDifference] {
        var differences: [EnvironmentDifference] = []
        func check(_ field: String, _ old: String?, _ new: String?) {
            if old != new {
                differences.append(
                    EnvironmentDifference(field: field, baseline: old ?? "unknown", current: new ?? "unknown"))
            }
        }
        check("CPU model", baseline.cpuModel, current.cpuModel)
        check("cores", baseline.logicalCores.map(String.init), current.logicalCores.map(String.init))
        check("Swift version", baseline.swiftVersion, current.swiftVersion)
        check("PERF_ENV", baseline.perfEnv, current.perfEnv)
        return differences
    }
}
