/// Rows of cells printed as aligned columns: text to the left, numbers to the right.
///
/// The suites print their human output with it, so that every table of the toolkit lines up alike:
///
///     var table = TextTable([("case", .left), ("ns/op", .right)])
///     table.append(["object/pool", "25.17"])
///     print(table.rendered())
public struct TextTable: Sendable {
    /// The side of its column a cell keeps to.
    public enum Alignment: Sendable {
        case left
        case right
    }

    /// The column titles, the first line of the table.
    public let header: [String]
    /// The alignment of each column, in the order of `header`.
    public let alignments: [Alignment]
    /// The rows appended so far, each with one cell per column.
    public private(set) var rows: [[String]] = []

    /// A table with no rows whose columns are `columns`: a title and an alignment each.
    public init(_ columns: [(String, Alignment)]) {
        header = columns.map(\.0)
        alignments = columns.map(\.1)
    }

    /// Adds a row; it must have one cell per column.
    /// - Complexity: Amortized O(1).
    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "a table row needs \(header.count) cells, got \(row.count)")
        rows.append(row)
    }

    /// The table, one line per row after the header, each line starting with `indent`.
    ///
    /// Columns are two spaces apart and as wide as their widest cell (counted in characters);
    /// trailing spaces are removed, and the last line has no newline.
    /// - Complexity: O(*n*) in the total length of the cells.
    public func rendered(indent: String = "  ") -> String {
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
