import DemoService
import Foundation

/// A JSON value as both readers can report it: strings exactly (as UTF-8), numbers, booleans and null alike.
public indirect enum JSONShape: Equatable, Sendable {
    case object([String: JSONShape])
    case array([JSONShape])
    case string([UInt8])
    case scalar
    /// An object repeated a key somewhere: JSONReader reports both, Foundation keeps one, so nothing compares.
    case repeatedKey
}

/// What a JSON reader made of an input: the value, or the offset and reason it stopped at.
public enum JSONReading: Equatable, Sendable {
    case value(JSONShape)
    case rejected(offset: Int, reason: String)
}

/// The demo service's `JSONReader` (the request bodies' parser), against Foundation's `JSONSerialization`.
///
/// Properties: it never traps; `skipValue` + `finish` and a full read (`beginObject`/`nextMember`/`readString`/
/// `nextElement`) agree on acceptance; a rejection's offset is within the input; an accepted input is read to its
/// end. Against Foundation, both accept or both reject, and what both accept reads the same (object keys and
/// strings byte for byte; numbers, booleans and null as scalars). Not compared, where the two differ by design:
/// inputs nested deeper than `JSONReader.maxDepth`, lone surrogate escapes, objects with a repeated key, inputs
/// with NUL bytes or a byte-order mark (Foundation then guesses UTF-16/32), numbers Foundation cannot
/// represent (it rejects e.g. 1e400, which the grammar allows), and trailing commas (Foundation accepts `[1,]`).
public enum JSONReaderCheck {
    public static func check(
        _ input: [UInt8], read: ([UInt8]) -> (skipped: JSONReading, read: JSONReading) = readWithJSONReader,
        reference: ([UInt8]) -> JSONReading? = readWithFoundation
    ) -> PropertyFailure? {
        let (skipped, full) = read(input)
        switch (skipped, full) {
        case (.value, .value): break
        case (.rejected(let offset, _), .rejected(let other, _)):
            guard (0...input.count).contains(offset), offset == other else {
                return PropertyFailure("rejected at \(offset) by skipValue, \(other) by a full read, of \(input.count)")
            }
        default: return PropertyFailure("skipValue says \(skipped) but a full read says \(full)")
        }
        guard comparable(input, full), let expected = reference(input) else { return nil }
        switch (full, expected) {
        case (.value(let got), .value(let want)):
            return got == want ? nil : PropertyFailure("JSONReader read \(got), Foundation \(want)")
        case (.rejected, .rejected): return nil
        case (.rejected(let offset, _), .value) where trailingComma(input, at: offset): return nil
        default: return PropertyFailure("JSONReader: \(full); Foundation: \(expected)")
        }
    }

    /// Whether the input is one both readers are meant to agree on (see the type's documentation).
    static func comparable(_ input: [UInt8], _ reading: JSONReading) -> Bool {
        if reading == .value(.repeatedKey) { return false }
        if input.contains(0) || input.starts(with: [0xEF, 0xBB, 0xBF]) || input.starts(with: [0xFE]) { return false }
        if input.starts(with: [0xFF]) { return false }
        if case .rejected(_, let reason) = reading, reason.contains("nesting") || reason.contains("surrogate") {
            return false
        }
        return true
    }

    /// Whether `offset` is a `]` or `}` after a comma: a trailing comma, which Foundation accepts and RFC 8259 does not.
    static func trailingComma(_ input: [UInt8], at offset: Int) -> Bool {
        guard offset < input.count, input[offset] == UInt8(ascii: "]") || input[offset] == UInt8(ascii: "}") else {
            return false
        }
        let before = input[..<offset].last { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        return before == UInt8(ascii: ",")
    }

    /// The service's reader, both ways: `skipValue` then `finish`, and a full read into a `JSONShape`.
    public static func readWithJSONReader(_ input: [UInt8]) -> (skipped: JSONReading, read: JSONReading) {
        input.withUnsafeBufferPointer { bytes in
            var skipper = JSONReader(bytes)
            let skipped: JSONReading
            if skipper.skipValue(), skipper.finish() {
                skipped = skipper.offset == bytes.count ? .value(.scalar) : .rejected(offset: -1, reason: "not at end")
            } else {
                skipped = rejection(skipper)
            }
            var reader = JSONReader(bytes)
            var duplicate = false
            guard let shape = readValue(&reader, depth: 0, duplicate: &duplicate), reader.finish() else {
                return (skipped, rejection(reader))
            }
            return (skipped, .value(duplicate ? .repeatedKey : shape))
        }
    }

    static func rejection(_ reader: JSONReader) -> JSONReading {
        .rejected(offset: reader.error?.offset ?? -1, reason: reader.error?.reason ?? "rejected without an error")
    }

    static func readValue(_ reader: inout JSONReader, depth: Int, duplicate: inout Bool) -> JSONShape? {
        switch reader.peek() {
        case UInt8(ascii: "{") where depth < JSONReader.maxDepth:
            _ = reader.beginObject()
            var members: [String: JSONShape] = [:]
            var isFirst = true
            var key: [UInt8] = []
            while true {
                key.removeAll()
                switch reader.nextMember(isFirst: &isFirst, keyInto: &key) {
                case .end: return .object(members)
                case .failed: return nil
                case .key:
                    guard let value = readValue(&reader, depth: depth + 1, duplicate: &duplicate) else { return nil }
                    let name = String(decoding: key, as: UTF8.self)
                    if members.updateValue(value, forKey: name) != nil { duplicate = true }
                }
            }
        case UInt8(ascii: "[") where depth < JSONReader.maxDepth:
            _ = reader.beginArray()
            var elements: [JSONShape] = []
            var isFirst = true
            while true {
                switch reader.nextElement(isFirst: &isFirst) {
                case .end: return .array(elements)
                case .failed: return nil
                case .element:
                    guard let value = readValue(&reader, depth: depth + 1, duplicate: &duplicate) else { return nil }
                    elements.append(value)
                }
            }
        case UInt8(ascii: "\""):
            var text: [UInt8] = []
            return reader.readString(appendingTo: &text) ? .string(text) : nil
        default:
            return reader.skipValue(depth: depth) ? .scalar : nil
        }
    }

    /// Foundation's reading, or `nil` where it cannot be compared (a number it cannot represent).
    public static func readWithFoundation(_ input: [UInt8]) -> JSONReading? {
        do {
            let object = try JSONSerialization.jsonObject(with: Data(input), options: [.fragmentsAllowed])
            return .value(shape(object))
        } catch {
            let text = "\(error)"
            if text.contains("not representable") || text.contains("Number") { return nil }
            return .rejected(offset: 0, reason: text)
        }
    }

    static func shape(_ object: Any) -> JSONShape {
        if let dictionary = object as? [String: Any] { return .object(dictionary.mapValues(shape)) }
        if let array = object as? [Any] { return .array(array.map(shape)) }
        if let string = object as? String { return .string(Array(string.utf8)) }
        return .scalar
    }
}

extension FuzzTarget {
    public static let json = FuzzTarget(
        name: "json",
        summary: "the demo service's JSONReader on arbitrary bytes; its two read paths agree, and agree with Foundation"
    ) { JSONReaderCheck.check($0) }
}
