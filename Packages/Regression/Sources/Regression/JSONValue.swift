#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A parsed JSON document as a tree, for files whose every field is validated by hand with its path
/// (the thresholds file), so that an unknown or misspelt field is an error rather than ignored.
enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Parses `bytes`; `nil` with a reason when they are not valid JSON.
    static func parse(_ bytes: [UInt8]) -> (value: JSONValue?, error: String?) {
        do {
            return (try JSONDecoder().decode(JSONValue.self, from: Data(bytes)), nil)
        } catch let DecodingError.dataCorrupted(context) {
            let detail = context.underlyingError.map { " (\($0))" } ?? ""
            return (nil, "not valid JSON\(detail)")
        } catch {
            return (nil, "not valid JSON (\(error))")
        }
    }

    /// What this value is, for "expected X, found Y" messages.
    var kind: String {
        switch self {
        case .null: return "null"
        case .bool: return "true or false"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
