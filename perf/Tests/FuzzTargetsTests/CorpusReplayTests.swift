import FuzzTargets
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The committed seed corpora and crash inputs (perf/fuzz/) replayed through each target's checks, without libFuzzer.
@Suite struct CorpusReplayTests {
    static let fuzzDirectory: String = {
        // perf/Tests/FuzzTargetsTests/CorpusReplayTests.swift → perf/fuzz
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/fuzz"
    }()

    static func files(_ kind: String, _ target: String) -> [String] {
        let directory = "\(fuzzDirectory)/\(kind)/\(target)"
        return CorpusFiles.list(directory).filter { $0 != directory }
    }

    @Test(arguments: FuzzTarget.all.map(\.name))
    func everySeedKeepsTheProperties(_ name: String) throws {
        let target = try #require(FuzzTarget.named(name))
        let seeds = Self.files("corpus", name)
        #expect(seeds.count >= 4, "perf/fuzz/corpus/\(name) should hold the seed corpus")
        for path in seeds {
            let bytes = try #require(CorpusFiles.read(path))
            #expect(target.check(bytes) == nil, "\(path)")
        }
    }

    @Test(arguments: FuzzTarget.all.map(\.name))
    func everyCrashFoundIsFixed(_ name: String) throws {
        let target = try #require(FuzzTarget.named(name))
        for path in Self.files("crashes", name) {
            let bytes = try #require(CorpusFiles.read(path))
            #expect(target.check(bytes) == nil, "\(path)")
        }
    }

    @Test func everyTargetHasAnExecutableAndACorpusDirectory() {
        #expect(FuzzTarget.all.map(\.name) == ["http-response", "scenario", "http-request", "json", "report"])
        for target in FuzzTarget.all {
            #expect(!Self.files("corpus", target.name).isEmpty, "\(target.name)")
        }
    }

    @Test func theReplayerExitsOneNamingAFailingFileAndZeroWhenAllHold() throws {
        let target = FuzzTarget(name: "test", summary: "fails on a leading x") { bytes in
            bytes.first == UInt8(ascii: "x") ? PropertyFailure("leading x") : nil
        }
        let seeds = Self.files("corpus", "json")
        #expect(FuzzDriver.replay(target, arguments: seeds) == 0)
        let directory = "/tmp/fuzz-targets-tests-\(getpid())"
        #expect(mkdir(directory, 0o700) == 0)
        defer {
            unlink(directory + "/bad")
            rmdir(directory)
        }
        let file = try #require(fopen(directory + "/bad", "wb"))
        fputs("x marks it", file)
        fclose(file)
        #expect(FuzzDriver.replay(target, arguments: [directory]) == 1)
        #expect(FuzzDriver.replay(target, arguments: [directory + "/missing"]) == 1)
        #expect(FuzzDriver.replay(target, arguments: []) == 2)
    }
}
