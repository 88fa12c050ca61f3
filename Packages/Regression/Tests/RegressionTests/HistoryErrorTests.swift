import Foundation
import Regression
import Testing

/// A history directory that is not `DIR/<seq>-<commit>/<suite>.json` is refused with the path at fault.
@Suite struct HistoryErrorTests {
    /// A fresh history holding the fixture's first two entries.
    func makeHistory() throws -> String {
        let directory = try makeTemporaryDirectory() + "/history"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for name in ["000001-c84634d", "000002-b0ef9ad"] {
            try FileManager.default.copyItem(
                atPath: fixturesDirectory + "/history/" + name, toPath: directory + "/" + name)
        }
        return directory
    }

    func readError(_ directory: String) -> RegressionError? {
        do {
            _ = try PerformanceHistory.read(from: directory)
            return nil
        } catch {
            return error
        }
    }

    @Test func aCopyOfTheFixtureIsReadAndHiddenEntriesAreSkipped() throws {
        let directory = try makeHistory()
        try FileManager.default.createDirectory(atPath: directory + "/.git", withIntermediateDirectories: true)
        let history = try PerformanceHistory.read(from: directory)
        #expect(history.entries.map(\.commit) == ["c84634d", "b0ef9ad"])
    }

    @Test func aMissingDirectoryIsRefused() throws {
        let missing = try makeTemporaryDirectory() + "/nothing"
        #expect(
            readError(missing)?.description
                == "\(missing): no such directory; pass the history's directory (DIR/<seq>-<commit>/…)")
    }

    @Test func anEmptyDirectoryIsRefused() throws {
        let empty = try makeTemporaryDirectory()
        #expect(
            readError(empty)
                == .badHistory(
                    path: empty,
                    reason: "no history entries (<seq>-<commit> directories); the history is written by CI on main"))
    }

    @Test(arguments: ["notes.txt", "7-xyz1", "000003", "000003-abc", "-abcdef0", "000003_abcdef0"])
    func aMisnamedEntryIsRefused(name: String) throws {
        let directory = try makeHistory()
        try FileManager.default.createDirectory(atPath: directory + "/" + name, withIntermediateDirectories: true)
        let error = try #require(readError(directory))
        #expect(error.description.hasPrefix("\(directory)/\(name): not a history entry: names are <seq>-<commit>"))
    }

    @Test func aFileWithAnEntrysNameIsRefused() throws {
        let directory = try makeHistory()
        try writeText("{}", to: directory + "/000003-abcdef0")
        #expect(
            readError(directory)
                == .badHistory(
                    path: directory + "/000003-abcdef0",
                    reason: "not a directory: a history entry is a directory of <suite>.json reports"))
    }

    @Test func aRepeatedSequenceNumberIsRefused() throws {
        let directory = try makeHistory()
        try FileManager.default.copyItem(atPath: directory + "/000002-b0ef9ad", toPath: directory + "/2-abcdef0")
        let error = try #require(readError(directory))
        // Entries are read in name order: "000002-…" before "2-…".
        #expect(
            error
                == .badHistory(
                    path: directory + "/2-abcdef0",
                    reason: "sequence number 2 is also \(directory)/000002-b0ef9ad; give each commit its own"))
    }

    @Test func anEntryWithoutReportsIsRefused() throws {
        let directory = try makeHistory()
        try FileManager.default.createDirectory(
            atPath: directory + "/000003-abcdef0", withIntermediateDirectories: true)
        try writeText("not a report", to: directory + "/000003-abcdef0/notes.txt")
        #expect(
            readError(directory)
                == .badHistory(
                    path: directory + "/000003-abcdef0", reason: "holds no <suite>.json report; remove the empty entry")
        )
    }

    @Test func aMalformedReportIsRefusedWithItsPath() throws {
        let directory = try makeHistory()
        let path = directory + "/000002-b0ef9ad/micro.json"
        try writeText("{\"schema\": \"perfresult/1\", \"suite\": \"micro\", \"results\": [", to: path)
        let error = try #require(readError(directory))
        guard case .badReport = error else {
            Issue.record("expected a bad report, got \(error)")
            return
        }
        #expect(error.description.hasPrefix(path + ": "))
    }

    @Test func aReportNamedForAnotherSuiteIsRefused() throws {
        let directory = try makeHistory()
        let entry = directory + "/000002-b0ef9ad"
        try FileManager.default.moveItem(atPath: entry + "/pools.json", toPath: entry + "/other.json")
        #expect(
            readError(directory)
                == .badHistory(
                    path: entry + "/other.json",
                    reason: "at suite: the file holds suite \"pools\" but its name says \"other\"; name each report "
                        + "<suite>.json"))
    }
}
