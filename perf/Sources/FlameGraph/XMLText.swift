/// Text made safe for XML and numbers written the way SVG reads them.
enum XMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped and the control characters XML 1.0 forbids replaced by
    /// U+FFFD; a line break becomes `&#10;` so that tooltips keep it.
    static func escaped(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n": result += "&#10;"
            case "\t": result += " "
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) {
                    result.unicodeScalars.append("\u{FFFD}")
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// `value` with exactly `digits` decimals (`12.50`), rounded half away from zero; no exponent.
    static func fixed(_ value: Double, digits: Int = 2) -> String {
        precondition(value.isFinite && (0...6).contains(digits), "a finite value and 0-6 decimals")
        var factor = 1.0
        for _ in 0..<digits { factor *= 10 }
        let scaled = Int((abs(value) * factor).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard digits > 0 else { return sign + String(scaled) }
        var fraction = String(scaled % Int(factor))
        while fraction.count < digits { fraction = "0" + fraction }
        return "\(sign)\(scaled / Int(factor)).\(fraction)"
    }

    /// `value` with thousands separators: `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }

    /// `value` with thousands separators and at most one decimal: `1,234.5`.
    static func grouped(_ value: Double) -> String {
        let tenths = Int((abs(value) * 10).rounded())
        let sign = value < 0 && tenths != 0 ? "-" : ""
        let whole = grouped(tenths / 10)
        return tenths % 10 == 0 ? sign + whole : "\(sign)\(whole).\(tenths % 10)"
    }
}
