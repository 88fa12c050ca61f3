import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal SVG writer for the HTML report's charts: shapes with CSS classes (the page's stylesheet
/// colours them), text escaped, coordinates rounded to 0.1 px.
struct SVGCanvas {
    let width: Double
    let height: Double
    private(set) var body = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, class name: String) {
        body += "<line x1=\"\(c(x1))\" y1=\"\(c(y1))\" x2=\"\(c(x2))\" y2=\"\(c(y2))\" class=\"\(name)\"/>"
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, class name: String, title: String? = nil) {
        let tip = title.map { "<title>\(HTML.escape($0))</title>" } ?? ""
        body +=
            "<rect x=\"\(c(x))\" y=\"\(c(y))\" width=\"\(c(max(0, width)))\" height=\"\(c(height))\" "
            + "class=\"\(name)\">\(tip)</rect>"
    }

    mutating func polyline(_ points: [(Double, Double)], class name: String) {
        let list = points.map { "\(c($0.0)),\(c($0.1))" }.joined(separator: " ")
        body += "<polyline points=\"\(list)\" class=\"\(name)\"/>"
    }

    mutating func circle(_ x: Double, _ y: Double, radius: Double, class name: String, title: String? = nil) {
        let tip = title.map { "<title>\(HTML.escape($0))</title>" } ?? ""
        body += "<circle cx=\"\(c(x))\" cy=\"\(c(y))\" r=\"\(c(radius))\" class=\"\(name)\">\(tip)</circle>"
    }

    enum Anchor: String {
        case start, middle, end
    }

    mutating func text(_ x: Double, _ y: Double, _ text: String, anchor: Anchor = .start, class name: String = "label")
    {
        body +=
            "<text x=\"\(c(x))\" y=\"\(c(y))\" text-anchor=\"\(anchor.rawValue)\" class=\"\(name)\">"
            + "\(HTML.escape(text))</text>"
    }

    /// The `<svg>` element, scaling to its container's width.
    func render(label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(c(width)) \(c(height))\" "
            + "width=\"\(c(width))\" role=\"img\" aria-label=\"\(HTML.escape(label))\">\(body)</svg>"
    }

    private func c(_ value: Double) -> String {
        NumberText.fixed(value, decimals: 1, trimmingZeros: true)
    }
}

/// Axis ticks at round numbers (1, 2, 2.5 or 5 × 10ⁿ apart).
enum NiceScale {
    /// About `count` ticks from 0 (or `minimum`) to at least `maximum`; the last tick is the axis end.
    static func ticks(minimum: Double = 0, maximum: Double, count: Int = 5) -> [Double] {
        let span = max(maximum - minimum, abs(maximum) * 1e-9, 1e-12)
        let rough = span / Double(max(1, count))
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let step = [1.0, 2.0, 2.5, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        let first = (minimum / step).rounded(.down) * step
        var ticks: [Double] = []
        var value = first
        while ticks.count < 50 {
            ticks.append(value)
            if value >= maximum { break }
            value = first + step * Double(ticks.count)
        }
        return ticks
    }
}

/// HTML escaping for text and attribute values.
enum HTML {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
