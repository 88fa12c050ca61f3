import PerfResult

/// A series of result sets in commit order, read from a history directory:
///
///     DIR/<seq>-<commit>/<suite>.json
///
/// `seq` is the position in commit order (decimal, zero-padded by convention: `000001`), `commit` the git
/// commit the results were measured at (4 to 64 hexadecimal digits, short or full), and each file a
/// PerfResult report of the suite its name says. CI appends one directory per commit on the main branch.
public struct PerformanceHistory: Sendable {
    /// The directory read.
    public var directory: String
    /// The entries in sequence order; every entry holds at least one report.
    public var entries: [HistoryEntry]

    /// Creates a history from entries already in memory; `entries` are put in sequence order.
    public init(directory: String, entries: [HistoryEntry]) {
        self.directory = directory
        self.entries = entries.sorted { $0.sequence < $1.sequence }
    }

    /// Reads and validates every entry of `directory`. Hidden names (starting with `.`) are skipped;
    /// in an entry, files not ending in `.json` are too.
    ///
    /// - Throws: `RegressionError.badHistory` naming the path when the directory is missing or holds no
    ///   entry, when a name is not `<seq>-<commit>` or is not a directory, when two entries share a sequence
    ///   number, when an entry holds no report, or when a report's suite is not its file name;
    ///   `RegressionError.badReport` when a file is not a valid report.
    /// - Complexity: linear in the size of the files read.
    public static func read(from directory: String) throws(RegressionError) -> PerformanceHistory {
        guard FileSystem.isDirectory(directory) else {
            throw .badHistory(
                path: directory, reason: "no such directory; pass the history's directory (DIR/<seq>-<commit>/…)")
        }
        guard let names = FileSystem.visibleEntries(in: directory) else {
            throw .badHistory(path: directory, reason: "cannot list the directory; check its permissions")
        }
        var entries: [HistoryEntry] = []
        var pathBySequence: [Int: String] = [:]
        for name in names {
            let path = FileSystem.join(directory, name)
            guard let (sequence, commit) = HistoryEntry.parse(name: name) else {
                throw .badHistory(
                    path: path,
                    reason: "not a history entry: names are <seq>-<commit>, e.g. 000001-1a2b3c4 (a decimal sequence "
                        + "number, a hyphen, 4 to 64 hexadecimal digits); move anything else out of the history")
            }
            guard FileSystem.isDirectory(path) else {
                throw .badHistory(
                    path: path, reason: "not a directory: a history entry is a directory of <suite>.json reports")
            }
            if let earlier = pathBySequence[sequence] {
                throw .badHistory(
                    path: path, reason: "sequence number \(sequence) is also \(earlier); give each commit its own")
            }
            pathBySequence[sequence] = path
            entries.append(try readEntry(path: path, sequence: sequence, commit: commit))
        }
        guard !entries.isEmpty else {
            throw .badHistory(
                path: directory,
                reason: "no history entries (<seq>-<commit> directories); the history is written by CI on main")
        }
        return PerformanceHistory(directory: directory, entries: entries)
    }

    private static func readEntry(path: String, sequence: Int, commit: String) throws(RegressionError)
        -> HistoryEntry
    {
        guard let files = FileSystem.jsonFiles(in: path) else {
            throw .badHistory(path: path, reason: "cannot list the directory; check its permissions")
        }
        guard !files.isEmpty else {
            throw .badHistory(path: path, reason: "holds no <suite>.json report; remove the empty entry")
        }
        var reports: [Report] = []
        for file in files {
            let filePath = FileSystem.join(path, file)
            let report: Report
            do {
                report = try Report.read(from: filePath)
            } catch {
                throw .badReport(error)
            }
            let expected = String(file.dropLast(".json".count))
            guard report.suite == expected else {
                throw .badHistory(
                    path: filePath,
                    reason: "at suite: the file holds suite \"\(report.suite)\" but its name says \"\(expected)\"; "
                        + "name each report <suite>.json")
            }
            reports.append(report)
        }
        return HistoryEntry(sequence: sequence, commit: commit, reports: reports)
    }
}
