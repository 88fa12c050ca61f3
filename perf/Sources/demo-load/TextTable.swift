/// Rows of cells printed as aligned columns: text to the left, numbers to the right.
struct TextTable {
    enum Alignment {
        case left
        case right
    }

    let header: [String]
    let alignments: [Alignment]
    private(set) var rows: [[String]] = []

    init(_ columns: [(String, Alignment)]) {
        header = columns.map(\.0)
        alignments = columns.map(\.1)
    }

    mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "a table row needs \(header.count) cells, got \(row.count)")
        rows.append(row)
    }

    /// The table, one line per row after the header, each line starting with `indent`.
    func rendered(indent: String = "  ") -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            let cells = row.indices.map { column in
                alignments[column] == .left
                    ? row[column].padding(to: widths[column]) : row[column].padding(leftTo: widths[column])
            }
            return indent + cells.joined(separator: "  ").trailingSpacesRemoved
        }.joined(separator: "\n")
    }
}

extension String {
    /// The string followed by spaces up to `width` characters.
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// The string preceded by spaces up to `width` characters.
    func padding(leftTo width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }

    var trailingSpacesRemoved: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
