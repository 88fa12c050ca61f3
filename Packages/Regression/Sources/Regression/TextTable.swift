/// A plain-text table with columns padded to their widest cell, two spaces apart.
///
/// Widths count characters, so put cells whose terminal width differs from their character count
/// (emoji) in the last column, which is never padded.
struct TextTable {
    enum Alignment {
        case left
        case right
    }

    var header: [String]
    var alignments: [Alignment]
    var rows: [[String]] = []

    init(header: [String], alignments: [Alignment]) {
        precondition(header.count == alignments.count, "one alignment per column")
        self.header = header
        self.alignments = alignments
    }

    mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "one cell per column")
        rows.append(row)
    }

    /// The table, one line per row, each ending in a newline.
    /// - Complexity: O(total characters).
    func render() -> String {
        var widths = header.map(\.count)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        var text = ""
        for row in [header] + rows {
            var line = ""
            for (column, cell) in row.enumerated() {
                let last = column == row.count - 1
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                if column > 0 { line += "  " }
                switch alignments[column] {
                case .left: line += last ? cell : cell + padding
                case .right: line += padding + cell
                }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            text += line + "\n"
        }
        return text
    }
}
