extension Double {
    /// The value with `decimals` digits after the point: `1234.5.fixed(2)` is `1234.50`.
    func fixed(_ decimals: Int) -> String {
        guard isFinite else { return description }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(self) * scale).rounded()
        guard scaled < 9e15 else { return description }
        let whole = Int64(scaled)
        let integer = whole / Int64(scale)
        let fraction = whole % Int64(scale)
        let sign = self < 0 && whole != 0 ? "-" : ""
        guard decimals > 0 else { return "\(sign)\(integer)" }
        let digits = String(fraction)
        return "\(sign)\(integer).\(String(repeating: "0", count: decimals - digits.count))\(digits)"
    }

    /// `fixed(_:)` with a `+` on positive values, for slopes and growth.
    func signedFixed(_ decimals: Int) -> String {
        let text = fixed(decimals)
        return self > 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "+" + text : text
    }

    /// A byte count for people: `1.50 MiB`, `312.0 KiB`, `96 B`.
    var bytesText: String {
        let magnitude = abs(self)
        if magnitude >= 1024 * 1024 * 1024 { return "\((self / (1024 * 1024 * 1024)).fixed(2)) GiB" }
        if magnitude >= 1024 * 1024 { return "\((self / (1024 * 1024)).fixed(2)) MiB" }
        if magnitude >= 1024 { return "\((self / 1024).fixed(1)) KiB" }
        return "\(fixed(0)) B"
    }

    /// `bytesText` with a `+` on positive values.
    var signedBytesText: String {
        self > 0 ? "+" + bytesText : bytesText
    }
}
