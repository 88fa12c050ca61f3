public import LoadGen
import PerfResult
import PerfSupport

/// LoadGen's scenario files: `Scenario.parse` on arbitrary bytes, with the full and the quick profile.
///
/// Properties: it never traps; it fails only with `.malformedJSON` (naming the file, an offset within the input)
/// or `.invalidField` (naming the file and a field, with a reason); a scenario it returns passes
/// `LoadConfiguration.validate` again, has a name valid in a suite name and a service with a command.
/// Inputs whose `bodyFile` is an absolute path are skipped: the parser would read that file (/dev/zero never ends).
public enum ScenarioCheck {
    /// The path the scenarios are parsed as: a directory that does not exist, so relative `bodyFile`s fail to read.
    public static let path = "/nonexistent-fuzz-directory/scenario.json"

    public static func check(
        _ input: [UInt8],
        parse: ([UInt8], String, String?) throws(LoadGenError) -> Scenario = {
            (bytes, path, profile) throws(LoadGenError) in
            try Scenario.parse(bytes, path: path, profile: profile)
        }
    ) -> PropertyFailure? {
        let tree = try? JSONValue.parse(input, path: path)
        if let tree, readsAbsoluteFile(tree) { return nil }
        let emptyKey = tree.map(hasEmptyKey) ?? false
        for profile in [nil, "quick"] as [String?] {
            let label = profile.map { "profile \($0)" } ?? "full profile"
            do {
                let scenario = try parse(input, path, profile)
                if let failure = validity(scenario) { return PropertyFailure("\(label): \(failure)") }
            } catch {
                if let failure = errorShape(error, inputCount: input.count, emptyKey: emptyKey) {
                    return PropertyFailure("\(label): \(failure)")
                }
            }
        }
        return nil
    }

    /// What is wrong with a scenario `parse` returned, or `nil`.
    static func validity(_ scenario: Scenario) -> String? {
        do {
            try scenario.configuration.validate(file: path)
        } catch {
            return "parse returned a scenario that does not validate: \(error)"
        }
        guard Report.isValidSuiteName("macro-" + scenario.name) else {
            return "the scenario name \"\(scenario.name)\" does not make a valid suite name"
        }
        if let service = scenario.service, service.command.isEmpty { return "the service command is empty" }
        return nil
    }

    /// What is wrong with an error `parse` threw, or `nil`.
    /// - Parameter emptyKey: whether the input has a member named "" (its path may then be empty: `field ""`).
    static func errorShape(_ error: LoadGenError, inputCount: Int, emptyKey: Bool) -> String? {
        switch error {
        case let .malformedJSON(parseError):
            guard parseError.path == path, (0...inputCount).contains(parseError.offset), !parseError.reason.isEmpty
            else { return "malformedJSON at \(parseError.offset) of \(inputCount) bytes, path \(parseError.path)" }
            return nil
        case let .invalidField(field, reason, file):
            guard !field.isEmpty || emptyKey, !reason.isEmpty, file == path else {
                return "invalidField without a field, a reason or the file: \(error)"
            }
            return nil
        default:
            return "an error other than malformedJSON or invalidField: \(error)"
        }
    }

    /// Whether any object has a member named "".
    static func hasEmptyKey(_ value: JSONValue) -> Bool {
        switch value {
        case .array(let elements): return elements.contains(where: hasEmptyKey)
        case .object(let members): return members.contains { $0.key.isEmpty || hasEmptyKey($0.value) }
        default: return false
        }
    }

    /// Whether any `bodyFile` member names an absolute path.
    static func readsAbsoluteFile(_ value: JSONValue) -> Bool {
        switch value {
        case .array(let elements): return elements.contains(where: readsAbsoluteFile)
        case .object(let members):
            return members.contains { member in
                if member.key == "bodyFile", case .string(let name) = member.value, name.hasPrefix("/") { return true }
                return readsAbsoluteFile(member.value)
            }
        default: return false
        }
    }
}

extension FuzzTarget {
    public static let scenario = FuzzTarget(
        name: "scenario",
        summary: "LoadGen's Scenario.parse on arbitrary bytes; errors name a field or offset, results validate"
    ) { ScenarioCheck.check($0) }
}
