/// A JSON document as a tree, with object members in file order and numbers kept as written, so that
/// 64-bit counts read back exactly. The scenario reader and the report sidecar use it; it is small and
/// strict on purpose (no comments, no trailing commas, no duplicate keys).
enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number as written in the document (or produced by a writer).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([Member])

    struct Member: Sendable, Hashable {
        var key: String
        var value: JSONValue
    }

    static func number(_ value: UInt64) -> JSONValue { .number(String(value)) }
    static func number(_ value: Int) -> JSONValue { .number(String(value)) }
    static func number(_ value: Int64) -> JSONValue { .number(String(value)) }
    static func number(_ value: Double) -> JSONValue {
        if value == value.rounded(), abs(value) < 9e15 { return .number(String(Int64(value))) }
        return .number(String(value))
    }

    /// The member `key` of an object, or `nil`.
    subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    var doubleValue: Double? {
        guard case let .number(text) = self else { return nil }
        return Double(text)
    }

    var uint64Value: UInt64? {
        guard case let .number(text) = self else { return nil }
        if let exact = UInt64(text) { return exact }
        guard let double = Double(text), double >= 0, double < 1.8e19, double == double.rounded() else { return nil }
        return UInt64(double)
    }

    var intValue: Int? {
        guard case let .number(text) = self else { return nil }
        if let exact = Int(text) { return exact }
        guard let double = Double(text), abs(double) < 9e18, double == double.rounded() else { return nil }
        return Int(double)
    }

    var stringValue: String? {
        guard case let .string(text) = self else { return nil }
        return text
    }
}
