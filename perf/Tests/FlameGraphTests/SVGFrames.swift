import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The frames of a rendered flame graph, read back with an XML parser (so a test also proves the
/// document is well-formed).
struct SVGFrames {
    struct Frame {
        var x: Int
        var w: Int
        var d: Int
        var rect: [String: String] = [:]
        var title = ""
        var label = ""

        var rectX: Double { Double(rect["x"] ?? "") ?? .nan }
        var rectWidth: Double { Double(rect["width"] ?? "") ?? .nan }
        var rectY: Double { Double(rect["y"] ?? "") ?? .nan }
        var fill: String { rect["fill"] ?? "" }
        var name: String { String(title.split(separator: "\n", omittingEmptySubsequences: false)[0]) }
    }

    let root: [String: String]
    let frames: [Frame]
    let elementCounts: [String: Int]

    init(_ svg: String) throws {
        let collector = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        let parsed = parser.parse()
        try #require(parsed, "the SVG is well-formed XML: \(String(describing: parser.parserError))")
        root = collector.root
        frames = collector.frames
        elementCounts = collector.elementCounts
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var root: [String: String] = [:]
        var frames: [Frame] = []
        var elementCounts: [String: Int] = [:]
        private var inFrame = false
        private var element = ""

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            elementCounts[elementName, default: 0] += 1
            element = elementName
            switch elementName {
            case "svg": root = attributes
            case "g" where attributes["class"] == "f":
                let number = { (key: String) in Int(attributes[key] ?? "") ?? -1 }
                frames.append(Frame(x: number("data-x"), w: number("data-w"), d: number("data-d")))
                inFrame = true
            case "rect" where inFrame: frames[frames.count - 1].rect = attributes
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard inFrame else { return }
            if element == "title" { frames[frames.count - 1].title += string }
            if element == "text" { frames[frames.count - 1].label += string }
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            if elementName == "g" { inFrame = false }
            element = ""
        }
    }
}
