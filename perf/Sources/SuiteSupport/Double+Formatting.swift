extension Double {
    /// The value with `decimals` digits after the point: `1234.5.fixed(2)` is `1234.50`, and with
    /// `grouping` the whole part has thousands separators (`1,234.50`). No Foundation.
    ///
    /// Rounds half away from zero; a value that rounds to zero has no sign (`-0.004.fixed(2)` is `0.00`).
    /// Infinities, NaN and magnitudes of 9e15 or more after scaling print as `description`.
    /// - Precondition: `decimals` is not negative.
    /// - Complexity: O(*d*) in the number of digits.
    public func fixed(_ decimals: Int, grouping: Bool = false) -> String {
        guard isFinite else { return description }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(self) * scale).rounded()
        guard scaled < 9e15 else { return description }
        let whole = Int64(scaled)
        let integer = whole / Int64(scale)
        let fraction = whole % Int64(scale)
        let sign = self < 0 && whole != 0 ? "-" : ""
        let integerText = grouping ? Self.grouped(integer) : String(integer)
        guard decimals > 0 else { return sign + integerText }
        let digits = String(fraction)
        return "\(sign)\(integerText).\(String(repeating: "0", count: decimals - digits.count))\(digits)"
    }

    /// `fixed(_:)` with a `+` on positive values, for slopes and growth; a value that prints as zero
    /// has no sign.
    /// - Complexity: O(*d*) in the number of digits.
    public func signedFixed(_ decimals: Int) -> String {
        let text = fixed(decimals)
        return self > 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "+" + text : text
    }

    /// A byte count for people: `1.50 MiB`, `312.0 KiB`, `96 B` (binary units up to GiB).
    public var bytesText: String {
        let magnitude = abs(self)
        if magnitude >= 1024 * 1024 * 1024 { return "\((self / (1024 * 1024 * 1024)).fixed(2)) GiB" }
        if magnitude >= 1024 * 1024 { return "\((self / (1024 * 1024)).fixed(2)) MiB" }
        if magnitude >= 1024 { return "\((self / 1024).fixed(1)) KiB" }
        return "\(fixed(0)) B"
    }

    /// `bytesText` with a `+` on positive values.
    public var signedBytesText: String {
        self > 0 ? "+" + bytesText : bytesText
    }

    /// The digits of a non-negative integer with a comma before every group of three: `654,800,141`.
    private static func grouped(_ value: Int64) -> String {
        let digits = String(value)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
