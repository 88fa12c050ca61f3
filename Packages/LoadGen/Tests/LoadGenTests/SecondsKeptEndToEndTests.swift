import Synchronization
import Testing

@testable import LoadGen

// The epoll engine and the in-process TargetServer: Linux only.
#if os(Linux)

/// A real run with `secondsKept` against `TargetServer` on 127.0.0.1: the per-second series keeps only the
/// last seconds, every count of the run stays whole. The open model fixes the arrivals (rate × duration), so
/// the checks rest on counts, never on timing.
@Suite struct SecondsKeptEndToEndTests {
    @Test func aRunKeepingTwoSecondsCountsEveryRequestAndSaysWhatItDropped() throws {
        let server = try TargetServer(TargetOptions())
        defer { server.stop() }
        var configuration = try configuration(for: server)
        configuration.connections = 4
        configuration.threads = 2
        configuration.rate = 500
        configuration.duration = .seconds(4)
        configuration.secondsKept = 2
        let completedSeen = Mutex<[UInt64]>([])
        let result = try LoadTest(configuration).run { progress in
            completedSeen.withLock { $0.append(progress.completed) }
        }
        #expect(result.sent + result.dropped == 2000)
        #expect(UInt64(server.requestCount) == result.sent)
        #expect(result.completed + result.abandoned + result.failures == result.sent)
        #expect(result.uncorrectedLatency.totalCount == result.completed)
        #expect(result.perSecond.count <= 2)
        #expect(result.secondsDropped == 2)
        #expect(result.perSecond.map(\.second) == [2, 3])
        // Progress counts every finished second, the dropped ones too: never beyond the window's responses.
        let seen = completedSeen.withLock { $0 }
        #expect(seen == seen.sorted())
        #expect((seen.last ?? 0) <= result.completedInWindow)
        #expect(result.summaryTable().contains("kept the last 2 s only"))
    }
}

#endif
