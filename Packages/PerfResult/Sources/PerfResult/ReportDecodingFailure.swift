/// Turns a `DecodingError` into a `PerfResultError.malformedReport` with a readable JSON path.
enum ReportDecodingFailure {
    static func describe(_ error: DecodingError, path: String) -> PerfResultError {
        switch error {
        case let .keyNotFound(key, context):
            return .malformedReport(
                path: path, jsonPath: jsonPath(context.codingPath + [key]), reason: "missing required field")
        case let .typeMismatch(type, context):
            return .malformedReport(
                path: path, jsonPath: jsonPath(context.codingPath), reason: "expected \(expected(type))")
        case let .valueNotFound(type, context):
            return .malformedReport(
                path: path, jsonPath: jsonPath(context.codingPath), reason: "expected \(expected(type)), found null")
        case let .dataCorrupted(context):
            if context.codingPath.isEmpty {
                let detail = context.underlyingError.map { " (\($0))" } ?? ""
                return .malformedReport(path: path, jsonPath: "$", reason: "not valid JSON\(detail)")
            }
            return .malformedReport(
                path: path, jsonPath: jsonPath(context.codingPath), reason: context.debugDescription)
        @unknown default:
            return .malformedReport(path: path, jsonPath: "$", reason: "\(error)")
        }
    }

    /// `results[2].metrics.nsPerOp.value`, or `$` for the document itself.
    static func jsonPath(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "$" : text
    }

    private static func expected(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Double.Type, is Float.Type: return "a number"
        case is Int.Type, is UInt64.Type, is Int64.Type: return "an integer"
        case is Bool.Type: return "true or false"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "an array" }
            if name.hasPrefix("Dictionary") || name.contains("Keyed") { return "an object" }
            return "a value of type \(name)"
        }
    }
}
