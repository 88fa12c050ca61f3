import Foundation
import Testing

@testable import PerfResult

@Suite struct AtomicFileTests {
    struct Interrupted: Error {}

    @Test func aWriteReplacesTheWholeFile() throws {
        let path = try makeTemporaryDirectory() + "/baseline.json"
        try AtomicFile.write(Array(repeating: UInt8(ascii: "a"), count: 100_000), to: path)
        try AtomicFile.write(Array("short".utf8), to: path)
        #expect(try AtomicFile.read(path) == Array("short".utf8))
    }

    @Test func anInterruptedWriteLeavesThePreviousFileIntactAndNoTemporaryFile() throws {
        let directory = try makeTemporaryDirectory()
        let path = directory + "/baseline.json"
        try sampleReport().write(to: path)
        let before = try AtomicFile.read(path)
        #expect(throws: PerfResultError.self) {
            try AtomicFile.write(Array("{\"half\":".utf8), to: path, beforeRename: { throw Interrupted() })
        }
        #expect(try AtomicFile.read(path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["baseline.json"])
    }

    @Test func writingIntoAMissingDirectoryFailsWithTheReason() throws {
        let path = try makeTemporaryDirectory() + "/missing/micro.json"
        #expect(throws: PerfResultError.writeFailed(path: path, reason: "No such file or directory")) {
            try sampleReport().write(to: path)
        }
        #expect(
            PerfResultError.writeFailed(path: path, reason: "No such file or directory").description
                == "\(path): cannot write: No such file or directory; the previous file, if any, is unchanged")
    }
}
