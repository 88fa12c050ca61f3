import Foundation
import MemProbe
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct LeakSnapshotTests {
    private func temporaryDirectory() -> String {
        var template = Array("/tmp/memprobe-tests-XXXXXX".utf8CString)
        let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        return path
    }

    private func leakReport() -> LeakReport {
        LeakReport(samples: SyntheticSeries.samples(live: { 5000 + Double($0) }), configuration: .init())
    }

    @Test func snapshotHoldsSamplesHeapStateCensusAndTheHeaptrackCommand() throws {
        let directory = temporaryDirectory() + "/nested/snapshots"
        let census = InstanceCensus()
        census.counter(named: "Session").increment()
        let location = try LeakSnapshot.write(
            leakReport(), spec: "lru-cache", directory: directory, census: census,
            arguments: ["/usr/bin/perf-memory", "--spec", "lru cache"])
        #expect(location.path.hasPrefix(directory + "/lru-cache-"))
        #expect(location.path.hasSuffix("Z.json"))
        #expect(location.heaptrackCommand.hasPrefix("heaptrack /"))
        #expect(location.heaptrackCommand.hasSuffix(" --spec 'lru cache'"))

        let data = try Data(contentsOf: URL(fileURLWithPath: location.path))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["spec"] as? String == "lru-cache")
        #expect(json["verdict"] as? String == "leak")
        #expect(json["decidingSignal"] as? String == "liveAllocations")
        #expect((json["samples"] as? [Any])?.count == 101)
        #expect((json["analyses"] as? [Any])?.count == 2)
        #expect(json["liveInstances"] as? [String: Int] == ["Session": 1])
        #expect(json["heaptrackCommand"] as? String == location.heaptrackCommand)
        #if os(Linux)
        #expect((json["smapsRollup"] as? String)?.contains("Rss:") == true)
        if AllocationCounter.isCompiledOutForSanitizer { // glibc's heap calls are compiled out with the counter
            #expect(json["mallocInfo"] == nil)
            #expect((json["allocationCounter"] as? String)?.hasPrefix("unavailable: ") == true)
        } else {
            #expect((json["mallocInfo"] as? String)?.hasPrefix("<malloc version=") == true)
            #expect(json["allocationCounter"] as? String == "available")
        }
        #endif
    }

    @Test func twoSnapshotsInOneSecondDoNotOverwriteEachOther() throws {
        let directory = temporaryDirectory()
        let first = try LeakSnapshot.write(leakReport(), spec: "same", directory: directory, census: InstanceCensus())
        let second = try LeakSnapshot.write(leakReport(), spec: "same", directory: directory, census: InstanceCensus())
        #expect(first.path != second.path)
    }

    @Test func specNameWithASlashIsRejected() {
        #expect(throws: MemProbeError.invalidSpecName("../escape")) {
            try LeakSnapshot.write(leakReport(), spec: "../escape", directory: temporaryDirectory())
        }
        #expect(
            MemProbeError.invalidSpecName("").description
                == "invalid spec name \"\": use letters, digits, '-', '_' or '.', e.g. \"lru-cache\"")
    }

    @Test func unwritableDirectoryIsReportedWithItsPath() {
        let file = temporaryDirectory() + "/plain-file"
        _ = FileManager.default.createFile(atPath: file, contents: Data())
        #expect(
            throws: MemProbeError.snapshotFailed(path: file + "/snapshots", reason: "Not a directory")
        ) {
            try LeakSnapshot.write(leakReport(), spec: "x", directory: file + "/snapshots")
        }
        #expect(
            MemProbeError.snapshotFailed(path: "/x", reason: "Permission denied").description
                == "/x: cannot write the snapshot: Permission denied; check that the directory is writable")
    }

    @Test func heaptrackCommandQuotesWhatTheShellWouldSplit() {
        let command = LeakSnapshot.heaptrackCommand(arguments: ["exe", "plain", "two words", "it's", ""])
        #expect(command.hasSuffix(" plain 'two words' 'it'\\''s' ''"))
    }
}
