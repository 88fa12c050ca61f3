public import PerfResult

/// One way the current environment differs from the baseline's in a way that moves numbers: CPU model,
/// core count, architecture, Swift version, `PERF_ENV` or profile.
///
/// Which metrics a difference makes report-only depends on their class (`MetricClass.isAffected(by:)`):
/// every difference affects timing; only the Swift version and the architecture affect deterministic counts.
public struct EnvironmentDifference: Sendable, Hashable, CustomStringConvertible {
    /// The fields compared, named as people call them.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        /// `Environment.cpuModel`.
        case cpuModel = "CPU model"
        /// `Environment.logicalCores`.
        case cores = "core count"
        /// `Environment.architecture`.
        case architecture
        /// `Environment.swiftVersion`.
        case swiftVersion = "Swift version"
        /// `Environment.perfEnv`.
        case perfEnv = "PERF_ENV"
        /// `Environment.profile`: `quick` or `full`, how long the suite ran.
        case profile
    }

    /// The field that differs.
    public var field: Field
    /// The baseline's value, or `unknown`.
    public var baseline: String
    /// The current value, or `unknown`.
    public var current: String

    /// Creates a difference.
    public init(field: Field, baseline: String, current: String) {
        self.field = field
        self.baseline = baseline
        self.current = current
    }

    /// `profile quick → full`, `CPU model "Intel Xeon" → "AMD EPYC"`: a value with a space (or none) is quoted.
    public var description: String {
        "\(field.rawValue) \(Self.quoted(baseline)) → \(Self.quoted(current))"
    }

    private static func quoted(_ value: String) -> String {
        value.isEmpty || value.contains(" ") ? "\"\(value)\"" : value
    }

    /// The differences that make a comparison report-only for some metrics, in the order of `Field`. A field
    /// absent on one side and present on the other differs; absent on both does not.
    /// - Complexity: O(1).
    public static func between(baseline: Environment, current: Environment) -> [EnvironmentDifference] {
        let pairs: [(Field, String?, String?)] = [
            (.cpuModel, baseline.cpuModel, current.cpuModel),
            (.cores, baseline.logicalCores.map(String.init), current.logicalCores.map(String.init)),
            (.architecture, baseline.architecture, current.architecture),
            (.swiftVersion, baseline.swiftVersion, current.swiftVersion),
            (.perfEnv, baseline.perfEnv, current.perfEnv),
            (.profile, baseline.profile, current.profile),
        ]
        return pairs.compactMap { field, old, new in
            old == new
                ? nil : EnvironmentDifference(field: field, baseline: old ?? "unknown", current: new ?? "unknown")
        }
    }

    /// The short reason that goes next to the rows these differences make report-only: the fields that
    /// differ, the profile with its values — `CPU model, PERF_ENV differ`, `profile quick → full`,
    /// `Swift version differs, profile quick → full` — or `nil` for none.
    public static func reason(_ differences: [EnvironmentDifference]) -> String? {
        var parts: [String] = []
        let fields = differences.filter { $0.field != .profile }.map(\.field.rawValue)
        if !fields.isEmpty {
            parts.append(fields.joined(separator: ", ") + (fields.count == 1 ? " differs" : " differ"))
        }
        parts += differences.filter { $0.field == .profile }.map(\.description)
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
