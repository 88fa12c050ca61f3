/// Writing JSON: objects one member a line, arrays of scalars on one line.
extension JSONValue {
    /// The document as text, indented by `indent` spaces per level starting at `level`.
    /// - Complexity: O(*n*) in the size of the document.
    public func serialized(level: Int = 0, indent: Int = 2) -> String {
        var output = ""
        write(to: &output, level: level, indent: indent)
        return output
    }

    private func write(to output: inout String, level: Int, indent: Int) {
        switch self {
        case .null: output += "null"
        case let .bool(value): output += value ? "true" : "false"
        case let .number(text): output += text
        case let .string(text): JSONValue.writeString(text, to: &output)
        case let .array(elements):
            let scalars = elements.allSatisfy {
                if case .array = $0 { return false }
                if case .object = $0 { return false }
                return true
            }
            if scalars {
                output += "["
                for (index, element) in elements.enumerated() {
                    if index > 0 { output += ", " }
                    element.write(to: &output, level: level, indent: indent)
                }
                output += "]"
                return
            }
            output += "[\n"
            for (index, element) in elements.enumerated() {
                output += String(repeating: " ", count: (level + 1) * indent)
                element.write(to: &output, level: level + 1, indent: indent)
                output += index + 1 < elements.count ? ",\n" : "\n"
            }
            output += String(repeating: " ", count: level * indent) + "]"
        case let .object(members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            output += "{\n"
            for (index, member) in members.enumerated() {
                output += String(repeating: " ", count: (level + 1) * indent)
                JSONValue.writeString(member.key, to: &output)
                output += ": "
                member.value.write(to: &output, level: level + 1, indent: indent)
                output += index + 1 < members.count ? ",\n" : "\n"
            }
            output += String(repeating: " ", count: level * indent) + "}"
        }
    }

    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
