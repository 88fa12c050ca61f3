import PerfSupport

/// Draws a flame graph as one self-contained, interactive SVG file.
///
/// Each frame is a rectangle as wide as its count, stacked on its caller (the root at the bottom); its
/// label is the name, cut with `..` to fit. The file needs nothing from the network: its inline script
/// shows a frame's details on hover (and a native tooltip), zooms into a frame on click ("Reset Zoom"
/// undoes it), and highlights the frames matching a regular expression ("Search", Ctrl-F or `/`) with the
/// share of the profile they cover. Each frame is a `<g class="f">` holding a `<title>`, a `<rect>` and a
/// `<text>`, with its position in counts in `data-x`, `data-w` and `data-d` (depth).
///
/// ```swift
/// let tree = FlameTree(stacks)
/// let graph = try FlameGraphSVG.render(tree, options: .init(title: "login", subtitle: "perf record -F 999 -g"))
/// try AtomicFile.write(Array(graph.svg.utf8), to: "flame.svg")
/// ```
public enum FlameGraphSVG {
    /// Size, text and units of a graph.
    public struct Options: Sendable, Equatable {
        /// The heading.
        public var title: String
        /// Lines under the heading (split at line breaks; at most 3 are drawn).
        public var subtitle: String?
        /// What the counts are: `samples`, `bytes`, `allocations`.
        public var countName: String
        /// The image width in pixels, 200–20,000.
        public var width = 1200
        /// The height of one row in pixels, at least the font size + 2.
        public var frameHeight = 16
        /// The label font size in pixels, 6–40.
        public var fontSize = 12
        /// Frames narrower than this many pixels are left out with their callees (they could not be seen
        /// or clicked); 0 keeps every frame.
        public var minimumFrameWidth = 0.1

        /// Options with the default size: 1200 px wide, 16 px rows, 12 px labels.
        public init(title: String = "Flame Graph", subtitle: String? = nil, countName: String = "samples") {
            self.title = title
            self.subtitle = subtitle
            self.countName = countName
        }

        /// Throws when a size is out of range.
        public func validate() throws(FlameGraphError) {
            guard (200...20_000).contains(width) else {
                throw .invalidOption(name: "width", value: String(width), expected: "200 to 20000 pixels")
            }
            guard (6...40).contains(fontSize) else {
                throw .invalidOption(name: "font size", value: String(fontSize), expected: "6 to 40 pixels")
            }
            guard frameHeight >= fontSize + 2, frameHeight <= 100 else {
                throw .invalidOption(
                    name: "frame height", value: String(frameHeight), expected: "font size + 2 to 100 pixels")
            }
            guard minimumFrameWidth >= 0, minimumFrameWidth <= 100 else {
                throw .invalidOption(
                    name: "minimum frame width", value: "\(minimumFrameWidth)", expected: "0 to 100 pixels")
            }
            guard !countName.isEmpty, !countName.contains(where: { $0 == "\n" }) else {
                throw .invalidOption(name: "count name", value: countName, expected: "one word such as samples")
            }
        }
    }

    /// A drawn graph.
    public struct Rendering: Sendable {
        /// The SVG document.
        public let svg: String
        /// Frames drawn.
        public let drawnFrames: Int
        /// Frames left out because they were narrower than ``Options/minimumFrameWidth``.
        public let omittedFrames: Int
    }

    /// The horizontal margin, in pixels, left and right of the frames.
    public static let horizontalPadding = 10.0
    /// The advance of one label character, in ems, for the monospace fonts the labels use (DejaVu Sans
    /// Mono, Menlo and Liberation Mono advance 0.6 em; the rest is margin).
    public static let characterWidth = 0.62

    /// The flame graph of `tree`.
    ///
    /// - Throws: ``FlameGraphError/emptyProfile(source:)`` when the tree has no count,
    ///   ``FlameGraphError/invalidOption(name:value:expected:)`` for options out of range.
    /// - Complexity: O(n) for n nodes.
    public static func render(_ tree: FlameTree, options: Options = Options()) throws(FlameGraphError) -> Rendering {
        try options.validate()
        guard tree.totalCount > 0 else { throw .emptyProfile(source: "the profile") }
        let total = Double(tree.totalCount)
        return draw(tree, options: options, differential: false) { index in
            let node = tree.nodes[index]
            let kind = index == FlameTree.rootIndex ? FrameKind.root : FrameKind(frame: node.name)
            var line =
                "\(NumberText.grouped(node.total)) \(options.countName) (\(percent(Double(node.total), of: total)))"
            if node.selfCount > 0, node.selfCount != node.total {
                line += " · self \(NumberText.grouped(node.selfCount)) (\(percent(Double(node.selfCount), of: total)))"
            }
            line += " · \(kind.label)"
            return (FramePalette.color(for: FrameKind.displayName(node.name), kind: kind), line)
        }
    }

    /// The differential flame graph of `difference`: the after profile's shape, each frame coloured by
    /// the change of its self count (red grew, blue shrank, white unchanged).
    ///
    /// - Throws: as ``render(_:options:)``.
    /// - Complexity: O(n) for n nodes.
    public static func render(_ difference: FlameDifference, options: Options = Options()) throws(FlameGraphError)
        -> Rendering
    {
        try options.validate()
        let tree = difference.after
        guard tree.totalCount > 0 else { throw .emptyProfile(source: "the after profile") }
        let afterTotal = Double(tree.totalCount)
        let beforeTotal = Double(max(difference.before.totalCount, 1))
        let largest = tree.nodes.indices.map { abs(difference.selfDelta(of: $0)) }.max() ?? 0
        var legend = "red: more \(options.countName) in the frame itself after than before, blue: fewer"
        legend += difference.scale == 1 ? " (raw counts)" : " (before scaled to the same total)"
        if difference.vanishedCount > 0 {
            legend += "; \(percent(difference.vanishedCount, of: afterTotal)) of before is in stacks gone after"
        }
        var differentialOptions = options
        differentialOptions.subtitle = [options.subtitle, legend].compactMap { $0 }.joined(separator: "\n")
        return draw(tree, options: differentialOptions, differential: true) { index in
            let node = tree.nodes[index]
            let beforeRaw = difference.beforeTotals[index] / difference.scale
            let afterSelf = Double(node.selfCount) / afterTotal
            let beforeSelf = difference.beforeSelfCounts[index] / difference.scale / beforeTotal
            let change = (afterSelf - beforeSelf) * 100
            let before = NumberText.fixed(beforeRaw, decimals: 1, grouping: true, trimmingZeros: true)
            let line =
                "after \(NumberText.grouped(node.total)) \(options.countName) (\(percent(Double(node.total), of: afterTotal)))"
                + " · before \(before) (\(percent(beforeRaw, of: beforeTotal)))"
                + "\nself \(change >= 0 ? "+" : "")\(NumberText.fixed(change, decimals: 2)) percentage points"
                + " (after \(percent(afterSelf, of: 1)), before \(percent(beforeSelf, of: 1)))"
            return (FramePalette.differentialColor(delta: difference.selfDelta(of: index), largest: largest), line)
        }
    }

    /// `name` cut to fit a frame `width` pixels wide: whole when it fits, else its start and `..`, and
    /// empty when fewer than 3 characters fit.
    public static func label(_ name: some StringProtocol, width: Double, fontSize: Int) -> String {
        let fitting = Int(((width - 6) / (Double(fontSize) * characterWidth)).rounded(.down))
        guard fitting >= 3 else { return "" }
        if name.count <= fitting { return String(name) }
        return String(name.prefix(fitting - 2)) + ".."
    }

    /// A length or position in the SVG's user units, to the hundredth.
    private static func pixels(_ value: Double) -> String {
        NumberText.fixed(value, decimals: 2)
    }

    private static func percent(_ part: Double, of whole: Double) -> String {
        whole > 0 ? NumberText.fixed(part / whole * 100, decimals: 2) + "%" : "0.00%"
    }

    /// The document around the frames; `describe` gives a node's colour and the tooltip line(s) after its name.
    private static func draw(
        _ tree: FlameTree, options: Options, differential: Bool, describe: (Int) -> (RGBColor, String)
    ) -> Rendering {
        let width = Double(options.width)
        let padding = horizontalPadding
        let usable = width - 2 * padding
        let total = Double(tree.totalCount)
        let minimumCount =
            options.minimumFrameWidth > 0 ? Int((options.minimumFrameWidth * total / usable).rounded(.up)) : 0
        let placements = tree.placements(minimumWidth: minimumCount)
        let subtitleLines = (options.subtitle ?? "").split(separator: "\n").prefix(3)
        let top = 24.0 + 18 * Double(subtitleLines.count) + 14
        let bottom = 34.0
        let rows = (placements.map(\.depth).max() ?? 0) + 1
        let rowHeight = Double(options.frameHeight)
        let height = (top + Double(rows) * rowHeight + bottom).rounded(.up)
        let characterPixels = Double(options.fontSize) * characterWidth

        var svg = """
            <?xml version="1.0" standalone="no"?>
            <svg version="1.1" xmlns="http://www.w3.org/2000/svg" id="flamegraph" width="\(options.width)" \
            height="\(Int(height))" viewBox="0 0 \(options.width) \(Int(height))" data-total="\(tree.totalCount)" \
            data-xpad="\(pixels(padding))" data-usable="\(pixels(usable))" \
            data-charwidth="\(NumberText.fixed(characterPixels, decimals: 3))" \
            data-countname="\(XMLText.escaped(options.countName))" data-kind="\(differential ? "differential" : "profile")">

            """
        svg += "<style type=\"text/css\"><![CDATA[\n\(style(fontSize: options.fontSize))]]></style>\n"
        svg += "<rect class=\"background\" x=\"0\" y=\"0\" width=\"\(options.width)\" height=\"\(Int(height))\"/>\n"
        svg += "<text id=\"title\" class=\"title\" x=\"\(pixels(width / 2))\" y=\"24\">"
        svg += XMLText.escaped(options.title) + "</text>\n"
        for (offset, line) in subtitleLines.enumerated() {
            svg += "<text class=\"subtitle\" x=\"\(pixels(width / 2))\" y=\"\(24 + 18 * (offset + 1))\">"
            svg += XMLText.escaped(line) + "</text>\n"
        }
        svg +=
            "<text id=\"unzoom\" class=\"button hidden\" x=\"\(pixels(padding))\" y=\"24\">Reset Zoom</text>\n"
        svg += "<text id=\"search\" class=\"button\" x=\"\(pixels(width - padding))\" y=\"24\">Search</text>\n"
        svg +=
            "<text id=\"matched\" x=\"\(pixels(width - padding))\" y=\"\(pixels(height - 12))\"></text>\n"
        svg += "<text id=\"details\" x=\"\(pixels(padding))\" y=\"\(pixels(height - 12))\"> </text>\n"
        svg += "<g id=\"frames\">\n"
        for placement in placements {
            let node = tree.nodes[placement.node]
            let x = padding + Double(placement.start) / total * usable
            let frameWidth = Double(placement.width) / total * usable
            let y = height - bottom - Double(placement.depth + 1) * rowHeight
            let name = FrameKind.displayName(node.name)
            let (color, line) = describe(placement.node)
            svg +=
                "<g class=\"f\" data-x=\"\(placement.start)\" data-w=\"\(placement.width)\" data-d=\"\(placement.depth)\">"
            svg += "<title>\(XMLText.escaped(name))&#10;\(XMLText.escaped(line))</title>"
            svg += "<rect x=\"\(pixels(x))\" y=\"\(pixels(y))\" width=\"\(pixels(frameWidth))\" "
            svg += "height=\"\(pixels(rowHeight - 1))\" fill=\"\(color)\" rx=\"2\" ry=\"2\"/>"
            svg +=
                "<text x=\"\(pixels(x + 3))\" y=\"\(pixels(y + (rowHeight - 1) / 2 + Double(options.fontSize) * 0.35))\">"
            svg += XMLText.escaped(label(name, width: frameWidth, fontSize: options.fontSize)) + "</text></g>\n"
        }
        svg += "</g>\n<script type=\"text/ecmascript\"><![CDATA[\n\(script)]]></script>\n</svg>\n"
        return Rendering(svg: svg, drawnFrames: placements.count, omittedFrames: tree.nodes.count - placements.count)
    }
}
