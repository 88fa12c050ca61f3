/// Rows of cells printed as aligned columns, two spaces apart: text to the left, numbers to the right.
///
/// Every table of the toolkit prints through it, so they all line up alike:
///
///     var table = TextTable([.left("case"), .right("ns/op")])
///     table.append(["object/pool", "25.17"])
///     print(table.rendered())
///
/// Widths count visible characters: ANSI escapes inside a cell do not count (see `ANSIStyle.visibleCount`),
/// and a cell's own colour is added only when `TerminalColors` says so, around the text and never around
/// the padding. A left-aligned last column is not padded, and lines never end in spaces.
///
/// Two ways to print. `rendered` fits each column to its widest cell. For rows printed one by one as they
/// are measured, `headerLine` and `line(_:)` use widths known in advance instead: each column's title or
/// `minimumWidth`, whichever is wider (a longer cell pushes its line's later columns right).
public struct TextTable: Sendable {
    /// The side of its column a cell keeps to.
    public enum Alignment: Sendable, Hashable {
        case left
        case right
    }

    /// A column: its title, alignment and the width it has at least.
    public struct Column: Sendable, Hashable {
        public var title: String
        public var alignment: Alignment
        /// The width the column has even when its title and cells are narrower.
        public var minimumWidth: Int

        public init(_ title: String, _ alignment: Alignment, minimumWidth: Int = 0) {
            self.title = title
            self.alignment = alignment
            self.minimumWidth = minimumWidth
        }

        /// A left-aligned column (names, text).
        public static func left(_ title: String, minimumWidth: Int = 0) -> Column {
            Column(title, .left, minimumWidth: minimumWidth)
        }

        /// A right-aligned column (numbers).
        public static func right(_ title: String, minimumWidth: Int = 0) -> Column {
            Column(title, .right, minimumWidth: minimumWidth)
        }
    }

    /// A cell: its text and an optional style, applied only when colour is enabled.
    public struct Cell: Sendable, Hashable, ExpressibleByStringLiteral {
        public var text: String
        public var style: ANSIStyle?

        public init(_ text: String, style: ANSIStyle? = nil) {
            self.text = text
            self.style = style
        }

        public init(stringLiteral text: String) {
            self.init(text)
        }
    }

    /// The columns, in order.
    public let columns: [Column]
    /// The rows appended so far, each with one cell per column.
    public private(set) var rows: [[Cell]] = []

    /// A table with no rows.
    /// - Precondition: `columns` is not empty.
    public init(_ columns: [Column]) {
        precondition(!columns.isEmpty, "a table needs at least one column")
        self.columns = columns
    }

    /// Adds a row.
    /// - Precondition: `row` has one cell per column.
    /// - Complexity: Amortized O(1).
    public mutating func append(_ row: [Cell]) {
        precondition(row.count == columns.count, "a table row needs \(columns.count) cells, got \(row.count)")
        rows.append(row)
    }

    /// Adds a row of unstyled cells.
    /// - Precondition: `row` has one cell per column.
    /// - Complexity: Amortized O(1).
    public mutating func append(_ row: [String]) {
        append(row.map { Cell($0) })
    }

    /// The header and every row, each column as wide as its widest cell, lines joined by newlines (no newline
    /// after the last), each starting with `indent`.
    /// - Complexity: O(*n*) in the total length of the cells.
    public func rendered(indent: String = "", colors: TerminalColors = .disabled) -> String {
        var widths = fixedWidths
        for row in rows {
            for (column, cell) in row.enumerated() {
                widths[column] = max(widths[column], ANSIStyle.visibleCount(of: cell.text))
            }
        }
        let header = columns.map { Cell($0.title) }
        return ([header] + rows).map { line($0, widths: widths, indent: indent, colors: colors) }
            .joined(separator: "\n")
    }

    /// The titles, padded to the widths known in advance (titles and minimum widths).
    /// - Complexity: O(*n*) in the length of the line.
    public func headerLine(indent: String = "") -> String {
        line(columns.map { Cell($0.title) }, widths: fixedWidths, indent: indent, colors: .disabled)
    }

    /// `row` padded to the widths known in advance (titles and minimum widths), to print on its own.
    /// - Precondition: `row` has one cell per column.
    /// - Complexity: O(*n*) in the length of the line.
    public func line(_ row: [Cell], indent: String = "", colors: TerminalColors = .disabled) -> String {
        precondition(row.count == columns.count, "a table row needs \(columns.count) cells, got \(row.count)")
        return line(row, widths: fixedWidths, indent: indent, colors: colors)
    }

    private var fixedWidths: [Int] {
        columns.map { max($0.minimumWidth, ANSIStyle.visibleCount(of: $0.title)) }
    }

    private func line(_ row: [Cell], widths: [Int], indent: String, colors: TerminalColors) -> String {
        var text = ""
        var pendingSpaces = 0
        for (column, cell) in row.enumerated() {
            let padding = max(0, widths[column] - ANSIStyle.visibleCount(of: cell.text))
            if column > 0 { pendingSpaces += 2 }
            if columns[column].alignment == .right { pendingSpaces += padding }
            if !cell.text.isEmpty {
                // Spaces are written only when text follows them, so padding never trails a line.
                text += String(repeating: " ", count: pendingSpaces) + colors.paint(cell.text, cell.style)
                pendingSpaces = 0
            }
            if columns[column].alignment == .left { pendingSpaces += padding }
        }
        while text.last == " " { text.removeLast() }
        return indent + text
    }
}
