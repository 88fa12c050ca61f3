import PerfResult
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fork's own copy of an executable: identical bytes, beside the original, runnable, gone when removed.
@Suite struct ExecutableCopyTests {
    @Test func theCopyIsByteIdenticalExecutableAndBesideTheOriginal() throws {
        let directory = try makeTemporaryDirectory()
        let original = "\(directory)/tool"
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try AtomicFile.write(bytes, to: original)
        let copy = try #require(ExecutableCopy.make(of: original, tag: "head-3"))
        #expect(copy.path == "\(directory)/.tool.fork-\(getpid())-head-3")
        #expect(try AtomicFile.read(copy.path) == bytes)
        #expect(access(copy.path, X_OK) == 0)
        copy.remove()
        #expect(!AtomicFile.exists(copy.path))
        #expect(AtomicFile.exists(original))
    }

    @Test func aCopyLeftByAKilledRunIsReplaced() throws {
        let directory = try makeTemporaryDirectory()
        let original = "\(directory)/tool"
        try AtomicFile.write(Array("new".utf8), to: original)
        try AtomicFile.write(Array("stale".utf8), to: "\(directory)/.tool.fork-\(getpid())-base-1")
        let copy = try #require(ExecutableCopy.make(of: original, tag: "base-1"))
        #expect(try AtomicFile.read(copy.path) == Array("new".utf8))
        copy.remove()
    }

    @Test func noCopyOfAMissingExecutable() throws {
        let directory = try makeTemporaryDirectory()
        #expect(ExecutableCopy.make(of: "\(directory)/absent", tag: "head-1") == nil)
    }
}
