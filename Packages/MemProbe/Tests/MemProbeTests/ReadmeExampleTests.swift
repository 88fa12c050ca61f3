import Foundation
import MemProbe
import PerfResult
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// README: test-only imports: Foundation, PerfResult, Glibc, Darwin (the checks and the temporary directory)

/// The Swift examples of README.md, kept identical to it by Scripts/check-readme-examples.py (`make lint`).
@Suite struct ReadmeExampleTests {
    @Test(.needsAllocationCounter) func theAllocationSitesExampleRecordsTheSplitsAllocations() {
        // README: begin memprobe-allocation-sites
        let recording = AllocationSites.record(frames: 4) {
            let words = "to be or not to be".split(separator: " ") // the work whose allocations we place
            precondition(words.count == 6)
        }
        for site in recording.sites.prefix(3) { // most allocations first
            let chain = site.frames.map(\.displayName).joined(separator: " ← ")
            print("\(site.allocations) allocations, \(site.bytes) bytes: \(chain)")
        }
        // README: end memprobe-allocation-sites
        #if os(Linux)
        #expect(recording.failure == nil)
        #expect(recording.sites.contains { $0.frames.contains { $0.function?.contains("split") == true } })
        #else
        #expect(recording.failure != nil)
        #endif
    }

    @Test(.needsAllocationCounter) func theLeakCheckCatchesTheLeakWritesASnapshotAndTheProbeCountsAllocations() async {
        // In a child process: the check reads the whole process's memory, which other tests move, and the
        // snapshot goes to perf/results/snapshots under the working directory, a fresh temporary one there.
        await #expect(processExitsWith: .success) {
            let directory = try #require(enterNewTemporaryDirectory())
            defer { try? FileManager.default.removeItem(atPath: directory) }
            // README: begin memprobe-leak-check
            var sessions: [Int: [UInt8]] = [:] // the workload under test: it never evicts
            let check = try LeakCheck(.init(length: .iterations(50_000), sampleEvery: 500))
            let report = check.run { i in sessions[i] = [UInt8](repeating: 0, count: 64) } // one iteration
            print(report.summary) // the verdict with its numbers
            if report.isLeak {
                let snapshot = try LeakSnapshot.write(report, spec: "session-cache")
                print("snapshot: \(snapshot.path)")
                print("call stacks: \(snapshot.heaptrackCommand)")
            }

            let probe = AllocationProbe() // a PerfResult Probe for MicroBench
            probe.start()
            let squares = (0..<1_000).map { $0 * $0 } // the measured work
            probe.stop()
            let allocations = probe.metrics(operations: 1) // [allocsPerOp, bytesPerOp]; [] where not counted
            // README: end memprobe-leak-check

            #expect(sessions.count == 50_000 && squares.count == 1_000)
            #if os(Linux)
            #expect(report.isLeak, "\(report.summary)")
            let snapshots = (try? FileManager.default.contentsOfDirectory(atPath: "perf/results/snapshots")) ?? []
            #expect(snapshots.count == 1 && snapshots.allSatisfy { $0.hasPrefix("session-cache-") })
            #endif
            if AllocationCounter.availability == .available {
                #expect(allocations.map(\.key) == ["allocsPerOp", "bytesPerOp"])
                #expect(allocations.first?.value ?? 0 >= 1)
            } else {
                #expect(allocations.isEmpty)
            }
        }
    }

    // README: begin memprobe-census
    final class Session {
        static let census = InstanceCensus.shared.counter(for: Session.self)
        init() { Self.census.increment() }
        deinit { Self.census.decrement() }
    }
    // README: end memprobe-census

    @Test func theCensusCountsTheLiveSessions() {
        var sessions = [Session(), Session()]
        #expect(Session.census.count == 2)
        #expect(InstanceCensus.shared.liveInstances()[String(reflecting: Session.self)] == 2)
        sessions.removeLast()
        #expect(Session.census.count == 1)
        sessions.removeAll()
        #expect(Session.census.count == 0)
    }
}

/// Creates a directory under /tmp and makes it the working directory; its path, or nil when either fails.
/// Only for a child process of an exit test: the working directory is the whole process's.
private func enterNewTemporaryDirectory() -> String? {
    var template = Array("/tmp/memprobe-readme-XXXXXX".utf8CString)
    let path = template.withUnsafeMutableBufferPointer { buffer in
        mkdtemp(buffer.baseAddress!).map { String(cString: $0) }
    }
    guard let path, chdir(path) == 0 else { return nil }
    return path
}
