/// A suite's run lengths, one case per value of `PERF_PROFILE` (DESIGN.md: `quick` for `make perf` and
/// CI, `full` for numbers to quote). A suite's `RunProfile` enum conforms and says what each one means.
public protocol SuiteProfile: CaseIterable, RawRepresentable where RawValue == String {}

extension SuiteProfile {
    /// The profile `PERF_PROFILE` names in `environment`, or `nil` when the variable is unset or empty.
    /// - Throws: `UsageError` naming the variable, the profiles (`quick or full`) and the value given.
    /// - Complexity: O(*c*) in the number of profiles.
    public static func fromEnvironment(_ environment: [String: String]) throws(UsageError) -> Self? {
        guard let name = environment["PERF_PROFILE"], !name.isEmpty else { return nil }
        guard let profile = Self(rawValue: name) else {
            let names = allCases.map(\.rawValue).joined(separator: " or ")
            throw UsageError("PERF_PROFILE: expected \(names), got '\(name)'")
        }
        return profile
    }
}
