/// A JSON document as a tree, with object members in file order and numbers kept as written, so that
/// 64-bit counts read back exactly. For files whose every field a tool validates by hand with its path (scenario
/// files, thresholds, LoadGen's sidecar), so that a misspelt field is an error rather than ignored. It is small
/// and strict on purpose (RFC 8259: no comments, no trailing commas, no duplicate keys).
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number as written in the document (or produced by a writer).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([Member])

    /// One member of an object, in file order.
    public struct Member: Sendable, Hashable {
        /// The member's name.
        public var key: String
        /// The member's value.
        public var value: JSONValue

        /// A member `key: value`.
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// An exact integer.
    public static func number(_ value: UInt64) -> JSONValue { .number(String(value)) }
    /// An exact integer.
    public static func number(_ value: Int) -> JSONValue { .number(String(value)) }
    /// An exact integer.
    public static func number(_ value: Int64) -> JSONValue { .number(String(value)) }
    /// A number: whole values below 9e15 are written without a fraction, others in Swift's shortest form.
    public static func number(_ value: Double) -> JSONValue {
        if value == value.rounded(), abs(value) < 9e15 { return .number(String(Int64(value))) }
        return .number(String(value))
    }

    /// The member `key` of an object, or `nil`.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// What this value is, for "expected X, found Y" messages: `a number`, `an object`.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The number as a `Double`, or `nil` when this is not a number.
    public var doubleValue: Double? {
        guard case let .number(text) = self else { return nil }
        return Double(text)
    }

    /// The number as an exact `UInt64`, or `nil` when it is not a non-negative whole number in range.
    public var uint64Value: UInt64? {
        guard case let .number(text) = self else { return nil }
        if let exact = UInt64(text) { return exact }
        guard let double = Double(text), double >= 0, double < 1.8e19, double == double.rounded() else { return nil }
        return UInt64(double)
    }

    /// The number as an exact `Int`, or `nil` when it is not a whole number in range.
    public var intValue: Int? {
        guard case let .number(text) = self else { return nil }
        if let exact = Int(text) { return exact }
        guard let double = Double(text), abs(double) < 9e18, double == double.rounded() else { return nil }
        return Int(double)
    }

    /// The string, or `nil` when this is not a string.
    public var stringValue: String? {
        guard case let .string(text) = self else { return nil }
        return text
    }
}
