/// An sRGB colour.
public struct RGBColor: Sendable, Equatable, CustomStringConvertible {
    /// Red, 0–255.
    public var red: UInt8
    /// Green, 0–255.
    public var green: UInt8
    /// Blue, 0–255.
    public var blue: UInt8

    /// The colour of the three components.
    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `rgb(r,g,b)`, as SVG and CSS read it.
    public var description: String { "rgb(\(red),\(green),\(blue))" }

    /// The WCAG relative luminance, 0 (black) to 1 (white).
    public var relativeLuminance: Double {
        func linear(_ component: UInt8) -> Double {
            let value = Double(component) / 255
            return value <= 0.040_45 ? value / 12.92 : powerTwoPointFour((value + 0.055) / 1.055)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// The WCAG contrast ratio of black text on this colour (1 to 21; 4.5 is the bar for body text).
    public var contrastWithBlack: Double { (relativeLuminance + 0.05) / 0.05 }
}

/// `x` to the power 2.4 for x in 0...1, without Foundation.
private func powerTwoPointFour(_ x: Double) -> Double {
    // x^2.4 = x^2 · x^0.4, and x^0.4 = (x^2)^(1/5): a few Newton steps on the fifth root.
    let square = x * x
    guard square > 0 else { return 0 }
    var root = 1.0
    for _ in 0..<40 { root -= (root * root * root * root * root - square) / (5 * root * root * root * root) }
    return square * root
}

/// The colours of flame graph frames: a hue family per kind of code, varied by a hash of the name, so
/// the same function has the same colour in every graph; and the red–blue scale of differential graphs.
///
/// Every colour keeps black labels readable: its contrast with black is at least 5:1.
public enum FramePalette {
    /// The colour of a frame named `name` of kind `kind`.
    ///
    /// - Complexity: O(length of `name`).
    public static func color(for name: some StringProtocol, kind: FrameKind) -> RGBColor {
        let hash = fnv1a(name)
        let first = Double(hash & 0xFFFF) / 65535
        let second = Double((hash >> 16) & 0xFFFF) / 65535
        func mix(_ low: Double, _ high: Double, _ amount: Double) -> UInt8 {
            UInt8((low + (high - low) * amount).rounded())
        }
        switch kind {
        case .root:
            return RGBColor(red: 205, green: 205, blue: 225)
        case .kernel: // orange
            return RGBColor(red: mix(240, 255, first), green: mix(160, 200, second), blue: mix(40, 70, first))
        case .inlined: // aqua
            return RGBColor(red: mix(90, 140, first), green: mix(205, 235, second), blue: mix(205, 235, second))
        case .unknown: // grey
            let grey = mix(190, 215, first)
            return RGBColor(red: grey, green: grey, blue: grey)
        case .swift: // green
            return RGBColor(red: mix(95, 160, first), green: mix(195, 230, second), blue: mix(80, 135, first))
        case .cxx: // yellow
            return RGBColor(red: mix(215, 240, first), green: mix(195, 225, second), blue: mix(60, 100, first))
        case .c: // salmon red
            return RGBColor(red: mix(240, 255, second), green: mix(105, 150, first), blue: mix(95, 130, first))
        }
    }

    /// The colour of a frame whose count changed by `delta` when the largest change of the graph is
    /// `largest`: red when it grew, blue when it shrank, white when unchanged, deeper with the size.
    ///
    /// - Precondition: `largest` is not negative.
    public static func differentialColor(delta: Double, largest: Double) -> RGBColor {
        precondition(largest >= 0, "the largest change is a magnitude")
        guard largest > 0, delta != 0 else { return RGBColor(red: 255, green: 255, blue: 255) }
        let amount = min(1, abs(delta) / largest)
        if delta > 0 {
            let other = UInt8((255 - 165 * amount).rounded())
            return RGBColor(red: 255, green: other, blue: other)
        }
        let other = UInt8((255 - 145 * amount).rounded())
        return RGBColor(red: other, green: other, blue: 255)
    }

    /// The colour of frames that match a search.
    public static let searchMatch = RGBColor(red: 230, green: 0, blue: 230)

    private static func fnv1a(_ text: some StringProtocol) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
