import PerfResult
import PerfSupport

/// Reading `perf/regression/thresholds.json`.
///
/// ```json
/// { "schema": "perf-thresholds/1", "alpha": 0.05, "minimumSamples": 5, "lowConfidenceFactor": 1.5,
///   "defaults": [ { "metric": "nsPerOp", "maxRegressionPercent": 10 },
///                 { "metric": "allocsPerOp", "exact": true },
///                 { "metric": "instructions", "maxRegressionPercent": 1, "deterministic": true } ],
///   "overrides": [ { "suite": "macro*", "metric": "latency*Ms", "maxRegressionPercent": 25,
///                    "note": "the nasc-server task's STRICT_PERF numbers" } ] }
/// ```
///
/// Every field is checked: an unknown or misspelt field is an error, not silently ignored; so is a field given
/// twice (the strict parser of `JSONValue` refuses it).
extension Thresholds {
    /// The schema version of the thresholds file.
    public static let schemaVersion = "perf-thresholds/1"

    /// Reads the thresholds file at `path`.
    /// - Throws: `RegressionError.missingFile` when it does not exist, `.badReport` when it cannot be read,
    ///   `.badThresholds` naming the JSON path and the reason otherwise.
    public static func read(from path: String) throws(RegressionError) -> Thresholds {
        guard FileSystem.exists(path) else {
            throw .missingFile(path: path, what: "thresholds file")
        }
        let bytes: [UInt8]
        do {
            bytes = try AtomicFile.read(path)
        } catch {
            throw .badReport(error)
        }
        return try decode(bytes, path: path)
    }

    /// Decodes a thresholds file; `path` names it in error messages.
    /// - Throws: `RegressionError.badThresholds` with the JSON path and the reason.
    public static func decode(_ bytes: [UInt8], path: String) throws(RegressionError) -> Thresholds {
        let root: JSONValue
        do {
            root = try JSONValue.parse(bytes, path: path)
        } catch {
            throw .badThresholds(
                path: path, jsonPath: "$", reason: "not valid JSON at byte \(error.offset): \(error.reason)")
        }
        var reader = ThresholdsReader(path: path)
        return try reader.thresholds(from: root)
    }
}

/// Walks the JSON tree of a thresholds file, keeping the path of every value for messages.
private struct ThresholdsReader {
    let path: String

    private static let topLevelFields: Set<String> = [
        "schema", "alpha", "minimumSamples", "lowConfidenceFactor", "defaults", "overrides", "note",
    ]
    private static let entryFields: Set<String> = [
        "suite", "result", "metric", "maxRegressionPercent", "floor", "exact", "gate", "series", "deterministic",
        "note",
    ]

    mutating func thresholds(from root: JSONValue) throws(RegressionError) -> Thresholds {
        let object = try self.object(root, at: "$")
        try checkFields(object, allowed: Self.topLevelFields, at: "")
        guard let schemaValue = object["schema"] else {
            throw fail("schema", "missing; expected \"\(Thresholds.schemaVersion)\"")
        }
        let schema = try string(schemaValue, at: "schema")
        guard schema == Thresholds.schemaVersion else {
            throw fail("schema", "\"\(schema)\" is not supported; this build reads \"\(Thresholds.schemaVersion)\"")
        }
        let alpha = try object["alpha"].map { value throws(RegressionError) in try number(value, at: "alpha") } ?? 0.05
        guard alpha > 0, alpha < 1 else { throw fail("alpha", "expected a number between 0 and 1 (exclusive)") }
        let minimum =
            try object["minimumSamples"].map { value throws(RegressionError) in
                try number(value, at: "minimumSamples")
            } ?? 5
        guard minimum >= 2, minimum <= 1_000_000, minimum == minimum.rounded() else {
            throw fail("minimumSamples", "expected a whole number of at least 2")
        }
        let factor =
            try object["lowConfidenceFactor"].map { value throws(RegressionError) in
                try number(value, at: "lowConfidenceFactor")
            } ?? 1.5
        guard factor >= 1 else { throw fail("lowConfidenceFactor", "expected a number of at least 1") }
        let defaults = try entries(object["defaults"], at: "defaults", scoped: false)
        let overrides = try entries(object["overrides"], at: "overrides", scoped: true)
        return Thresholds(
            alpha: alpha, minimumSamples: Int(minimum), lowConfidenceFactor: factor, defaults: defaults,
            overrides: overrides)
    }

    private func entries(_ value: JSONValue?, at jsonPath: String, scoped: Bool) throws(RegressionError)
        -> [ThresholdEntry]
    {
        guard let value else { return [] }
        guard case let .array(items) = value else { throw fail(jsonPath, "expected an array, found \(kind(value))") }
        var result: [ThresholdEntry] = []
        for (index, item) in items.enumerated() {
            result.append(try entry(item, at: "\(jsonPath)[\(index)]", scoped: scoped))
        }
        return result
    }

    private func entry(_ value: JSONValue, at jsonPath: String, scoped: Bool) throws(RegressionError)
        -> ThresholdEntry
    {
        let object = try self.object(value, at: jsonPath)
        try checkFields(object, allowed: Self.entryFields, at: jsonPath + ".")
        if !scoped {
            for field in ["suite", "result"] where object[field] != nil {
                throw fail(
                    "\(jsonPath).\(field)",
                    "defaults apply to every suite and result; move this entry to \"overrides\"")
            }
        }
        let settable = ["maxRegressionPercent", "floor", "exact", "gate", "series", "deterministic"]
        guard settable.contains(where: { object[$0] != nil }) else {
            throw fail(jsonPath, "sets nothing; give at least one of \(settable.joined(separator: ", "))")
        }
        if let note = object["note"] { _ = try string(note, at: "\(jsonPath).note") }
        var entry = ThresholdEntry()
        entry.suite = try pattern(object["suite"], at: "\(jsonPath).suite")
        entry.result = try pattern(object["result"], at: "\(jsonPath).result")
        entry.metric = try pattern(object["metric"], at: "\(jsonPath).metric")
        if let percent = object["maxRegressionPercent"] {
            let number = try number(percent, at: "\(jsonPath).maxRegressionPercent")
            guard number >= 0, number <= 1_000_000 else {
                throw fail("\(jsonPath).maxRegressionPercent", "expected a percentage of at least 0, e.g. 10 for 10 %")
            }
            entry.maxRegressionPercent = number
        }
        if let floor = object["floor"] {
            let number = try number(floor, at: "\(jsonPath).floor")
            guard number >= 0 else {
                throw fail("\(jsonPath).floor", "expected an absolute amount of at least 0, in the metric's unit")
            }
            entry.floor = number
        }
        entry.exact = try bool(object["exact"], at: "\(jsonPath).exact")
        entry.gate = try bool(object["gate"], at: "\(jsonPath).gate")
        entry.series = try bool(object["series"], at: "\(jsonPath).series")
        entry.deterministic = try bool(object["deterministic"], at: "\(jsonPath).deterministic")
        return entry
    }

    private func checkFields(_ object: [String: JSONValue], allowed: Set<String>, at prefix: String)
        throws(RegressionError)
    {
        for key in object.keys.sorted() where !allowed.contains(key) {
            let known = allowed.sorted().joined(separator: ", ")
            throw fail("\(prefix)\(key)", "unknown field; expected one of \(known)")
        }
    }

    /// The members of an object by name; the parser has refused duplicate names, so each name is one member.
    private func object(_ value: JSONValue, at jsonPath: String) throws(RegressionError) -> [String: JSONValue] {
        guard case let .object(members) = value else {
            throw fail(jsonPath, "expected an object, found \(kind(value))")
        }
        return Dictionary(members.map { ($0.key, $0.value) }) { first, _ in first }
    }

    private func string(_ value: JSONValue, at jsonPath: String) throws(RegressionError) -> String {
        guard case let .string(text) = value else { throw fail(jsonPath, "expected a string, found \(kind(value))") }
        return text
    }

    private func number(_ value: JSONValue, at jsonPath: String) throws(RegressionError) -> Double {
        guard let number = value.doubleValue, number.isFinite else {
            throw fail(jsonPath, "expected a number, found \(kind(value))")
        }
        return number
    }

    private func bool(_ value: JSONValue?, at jsonPath: String) throws(RegressionError) -> Bool? {
        guard let value else { return nil }
        guard case let .bool(flag) = value else { throw fail(jsonPath, "expected true or false, found \(kind(value))") }
        return flag
    }

    private func pattern(_ value: JSONValue?, at jsonPath: String) throws(RegressionError) -> GlobPattern? {
        guard let value else { return nil }
        let text = try string(value, at: jsonPath)
        guard !text.isEmpty else { throw fail(jsonPath, "expected a non-empty pattern, e.g. \"macro*\"") }
        return GlobPattern(text)
    }

    /// What a value is in "found …": `JSONValue.typeName`, except that a boolean reads `true or false`, as
    /// the messages have always said.
    private func kind(_ value: JSONValue) -> String {
        if case .bool = value { return "true or false" }
        return value.typeName
    }

    private func fail(_ jsonPath: String, _ reason: String) -> RegressionError {
        .badThresholds(path: path, jsonPath: jsonPath.isEmpty ? "$" : jsonPath, reason: reason)
    }
}
