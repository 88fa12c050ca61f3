import PerfResult
import Testing

@testable import LoadGen

// Every test here runs LoadGen's epoll engine or its in-process TargetServer: Linux only.
#if os(Linux)

/// Runs against `TargetServer` on 127.0.0.1, port 0. Every run is bounded by a count or a short
/// duration; verdicts rest on counts, never on timing.
@Suite struct EndToEndTests {
    private func run(_ configuration: LoadConfiguration) throws -> LoadResult {
        try LoadTest(configuration).run()
    }

    @Test func countedRunMatchesTheServerCountExactly() throws {
        let server = try TargetServer(TargetOptions())
        defer { server.stop() }
        var configuration = try configuration(for: server)
        configuration.connections = 8
        configuration.threads = 2
        configuration.pipelining = 4
        configuration.count = 3000
        configuration.duration = .seconds(20)
        let result = try run(configuration)
        #expect(result.sent == 3000)
        #expect(result.completed == 3000)
        #expect(result.statusCounts == [200: 3000])
        #expect(result.failures == 0)
        #expect(result.latency.totalCount == 3000)
        #expect(server.requestCount == 3000)
        #expect(
            result.bytesInWindow == 3000 * UInt64(ServerShared.buildResponse(TargetOptions(), closing: false).count))
    }

    @Test(arguments: [TargetOptions.BodyMode.chunked, .closeDelimited])
    func everyBodyModeCountsExactly(mode: TargetOptions.BodyMode) throws {
        var options = TargetOptions()
        options.mode = mode
        options.body = Array("a longer body, split into two chunks\n".utf8)
        let server = try TargetServer(options)
        defer { server.stop() }
        var configuration = try configuration(for: server)
        configuration.connections = 4
        configuration.threads = 1
        configuration.count = 400
        configuration.duration = .seconds(20)
        let result = try run(configuration)
        #expect(result.completed == 400)
        #expect(result.failures == 0)
        #expect(server.requestCount == 400)
    }

    @Test func requestsPipelinedBehindConnectionCloseAreSentAgain() throws {
        var options = TargetOptions()
        options.mode = .closeDelimited
        let server = try TargetServer(options)
        defer { server.stop() }
        var configuration = try configuration(for: server)
        configuration.connections = 2
        configuration.threads = 1
        configuration.pipelining = 4
        configuration.count = 200
        configuration.duration = .seconds(20)
        let result = try run(configuration)
        #expect(result.completed == 200)
        #expect(result.failures == 0)
        #expect(server.requestCount == 200)
    }

    @Test func warmupRequestsAreExcludedButCounted() throws {
        let server = try TargetServer(TargetOptions())
        defer { server.stop() }
        var configuration = try configuration(for: server)
        configuration.connections = 2
        configuration.threads = 1
        configuration.warmup = .milliseconds(200)
        configuration.duration = .milliseconds(300)
        let result = try run(configuration)
        #expect(result.warmupSent > 0)
        #expect(result.sent > 0)
        #expect(result.completed == result.sent - result.abandoned)
        #expect(result.latency.totalCount == result.completed)
        #expect(UInt64(server.requestCount) == result.warmupSent + result.sent)
    }

    @Test func perSecondSeriesAddsUpToTheWindow() throws {
        let server = try TargetServer(TargetOptions())
        defer { server.stop() }
        var configuration = try configuration(for: server)
        configuration.connections = 2
        configuration.threads = 2
        configuration.duration = .milliseconds(1500)
        let result = try run(configuration)
        #expect(result.perSecond.map(\.second) == [0, 1])
        #expect(result.perSecond.reduce(0) { $0 + $1.requests } == result.completedInWindow)
        #expect(result.perSecond.reduce(0) { $0 + $1.bytes } == result.bytesInWindow)
        #expect(result.windowNs == 1_500_000_000)
        #expect(result.completed == result.completedInWindow + result.drained)
    }

    @Test func openModelSendsEveryScheduledRequestOnce() throws {
        let server = try TargetServer(TargetOptions())
        defer { server.stop() }
        var configuration = try configuration(for: server)
        configuration.connections = 8
        configuration.threads = 2
        configuration.rate = 2000
        configuration.duration = .milliseconds(500)
        let result = try run(configuration)
        #expect(result.model == .open)
        #expect(result.sent + result.dropped == 1000)
        #expect(result.completed + result.abandoned + result.failures == result.sent)
        #expect(UInt64(server.requestCount) == result.sent)
        // Arrivals still unsent at the end (a slow machine, a sanitizer build) are censored into the corrected
        // histogram only: it holds every response the uncorrected one holds, plus those.
        #expect(result.latency.totalCount == result.uncorrectedLatency.totalCount + result.censored)
        #expect(result.latency.value(atPercentile: 50) >= result.uncorrectedLatency.value(atPercentile: 50))
    }

    @Test func openModelMeasuresOnlyTheArrivalsOfTheWindow() throws {
        let server = try TargetServer(TargetOptions())
        defer { server.stop() }
        var configuration = try configuration(for: server)
        configuration.connections = 4
        configuration.threads = 1
        configuration.rate = 2000
        configuration.warmup = .milliseconds(200)
        configuration.duration = .milliseconds(300)
        let result = try run(configuration)
        #expect(result.sent + result.dropped == 600)
        #expect(result.warmupSent + result.warmupSkipped == 400)
        #expect(UInt64(server.requestCount) == result.warmupSent + result.sent)
    }

    @Test func closingPeerIsCountedAsClosedByPeer() throws {
        var options = TargetOptions()
        options.fault = .init(.close, every: 5)
        let result = try faultRun(options, count: 100)
        #expect(result.errors.closedByPeer == 20)
        #expect(result.completed == 80)
    }

    @Test func resettingPeerIsCountedAsReadError() throws {
        var options = TargetOptions()
        options.fault = .init(.reset, every: 4)
        let result = try faultRun(options, count: 100)
        #expect(result.errors.read == 25)
        #expect(result.completed == 75)
    }

    @Test func malformedResponseIsCountedAsParseError() throws {
        var options = TargetOptions()
        options.fault = .init(.malformed, every: 10)
        let result = try faultRun(options, count: 100)
        #expect(result.errors.parse == 10)
        #expect(result.completed == 90)
    }

    @Test func hangingPeerIsCountedAsTimeout() throws {
        var options = TargetOptions()
        options.fault = .init(.hang, every: 10)
        let result = try faultRun(options, count: 30, timeout: .milliseconds(100))
        #expect(result.errors.timeout == 3)
        #expect(result.completed == 27)
    }

    /// One connection, no pipelining: each request is answered or faulted, so counts are exact.
    private func faultRun(_ options: TargetOptions, count: Int, timeout: Duration = .seconds(2)) throws -> LoadResult {
        let server = try TargetServer(options)
        defer { server.stop() }
        var configuration = try configuration(for: server)
        configuration.connections = 1
        configuration.threads = 1
        configuration.count = count
        configuration.duration = .seconds(20)
        configuration.timeout = timeout
        let result = try run(configuration)
        #expect(result.sent == UInt64(count))
        #expect(UInt64(server.requestCount) == result.sent)
        #expect(result.completed + result.errors.total - result.errors.connect == result.sent)
        return result
    }

    @Test func stallingPeerIsCountedAsTimeout() throws {
        var options = TargetOptions()
        options.stallEvery = .seconds(60)
        options.stallFor = .seconds(60)
        let result = try faultRun(options, count: 2, timeout: .milliseconds(50))
        #expect(result.errors.timeout == 2)
        #expect(result.completed == 0)
    }

    @Test func stallHoldsResponsesUntilItEnds() throws {
        var options = TargetOptions()
        options.stallEvery = .seconds(10)
        options.stallFor = .seconds(1)
        let shared = ServerShared(options: options)
        #expect(shared.dueTime(receivedAt: shared.startNs + 8_500_000_000) == shared.startNs + 8_500_000_000)
        #expect(shared.dueTime(receivedAt: shared.startNs + 9_500_000_000) == shared.startNs + 10_000_000_000)
        #expect(shared.dueTime(receivedAt: shared.startNs + 19_000_000_000) == shared.startNs + 20_000_000_000)
    }

    @Test func resetWhileWritingIsCountedAsWriteError() throws {
        var options = TargetOptions()
        options.fault = .init(.reset, every: 1)
        let server = try TargetServer(options)
        defer { server.stop() }
        var configuration = try configuration(for: server)
        configuration.connections = 1
        configuration.threads = 1
        configuration.count = 1
        configuration.duration = .seconds(10)
        configuration.requests = [RequestTemplate(method: "POST", body: [UInt8](repeating: 65, count: 32 << 20))]
        let result = try run(configuration)
        #expect(result.errors.write == 1)
        #expect(result.completed == 0)
    }

    @Test func refusedConnectionsAreCountedAsConnectErrors() throws {
        let server = try TargetServer(TargetOptions())
        let port = server.port
        server.stop()
        var configuration = LoadConfiguration(target: try Target(url: "http://127.0.0.1:\(port)/"))
        configuration.connections = 2
        configuration.threads = 1
        configuration.duration = .milliseconds(200)
        let result = try run(configuration)
        #expect(result.errors.connect > 0)
        #expect(result.completed == 0)
        #expect(result.errorRate == 1)
    }

    @Test func errorStatusCodesAreCountedByCode() throws {
        var options = TargetOptions()
        options.status = 503
        let server = try TargetServer(options)
        defer { server.stop() }
        var configuration = try configuration(for: server)
        configuration.connections = 2
        configuration.threads = 1
        configuration.count = 50
        configuration.duration = .seconds(20)
        let result = try run(configuration)
        #expect(result.statusCounts == [503: 50])
        #expect(result.httpErrors == 50)
        #expect(result.errorRate == 1)
    }

    @Test func delayedServerAddsItsDelayToEveryLatency() throws {
        var options = TargetOptions()
        options.delay = .milliseconds(20)
        let server = try TargetServer(options)
        defer { server.stop() }
        var configuration = try configuration(for: server)
        configuration.connections = 2
        configuration.threads = 1
        configuration.count = 10
        configuration.duration = .seconds(20)
        let result = try run(configuration)
        #expect(result.completed == 10)
        #expect(result.latency.minValue >= 20_000_000)
    }

    @Test func closedModelCorrectedLatencyStartsWhenTheConnectionCouldTakeTheRequest() throws {
        let server = try TargetServer(TargetOptions())
        defer { server.stop() }
        var configuration = try configuration(for: server)
        configuration.connections = 4
        configuration.threads = 1
        configuration.pipelining = 4
        configuration.count = 2000
        configuration.duration = .seconds(20)
        let result = try run(configuration)
        #expect(result.completed == 2000)
        #expect(result.latency.totalCount == result.uncorrectedLatency.totalCount)
        // Every request was due no later than its send, so the corrected distribution dominates.
        #expect(result.latency.mean >= result.uncorrectedLatency.mean)
        for percentile in [50.0, 90, 99, 100] {
            #expect(
                result.latency.value(atPercentile: percentile)
                    >= result.uncorrectedLatency.value(atPercentile: percentile))
        }
        #expect(result.meanRequestsInFlight > 0)
    }

    @Test func connectionStagesRunAndEnd() throws {
        let server = try TargetServer(TargetOptions())
        defer { server.stop() }
        var configuration = try configuration(for: server)
        configuration.threads = 2
        configuration.duration = nil
        configuration.stages = [
            .connections(4, for: .milliseconds(200), ramp: true), .connections(1, for: .milliseconds(200)),
        ]
        let result = try run(configuration)
        #expect(result.connections == 4)
        #expect(result.completed > 0)
        #expect(result.failures == 0)
        #expect(UInt64(server.requestCount) == result.sent + result.warmupSent)
    }

    @Test func stopEndsTheWindowEarly() throws {
        let server = try TargetServer(TargetOptions())
        defer { server.stop() }
        var configuration = try configuration(for: server)
        configuration.connections = 1
        configuration.threads = 1
        configuration.duration = .seconds(60)
        let test = try LoadTest(configuration)
        var calls = 0
        let result = try test.run { _ in
            calls += 1
            test.stop()
        }
        #expect(calls >= 1)
        #expect(result.windowNs < 30_000_000_000)
    }

    @Test func reportFileRoundTripsAndMergesExactly() throws {
        let server = try TargetServer(TargetOptions())
        defer { server.stop() }
        var configuration = try configuration(for: server)
        configuration.connections = 2
        configuration.threads = 1
        configuration.count = 500
        configuration.duration = .seconds(20)
        let result = try run(configuration)
        let path = temporaryPath("report.json")
        try LoadReport.write(
            [.init(name: "sample/total", result: result)], suite: "macro-sample",
            environment: .init(buildConfiguration: .debug, timestamp: "2026-01-01T00:00:00Z"), to: path)
        let (report, entries) = try LoadReport.read(from: path)
        #expect(report.suite == "macro-sample")
        #expect(report.results.first?["requestsPerSec"]?.samples?.count == result.perSecond.count)
        #expect(entries.count == 1)
        #expect(entries[0].result == result)
        let merged = result.merged(with: entries[0].result)
        #expect(merged.completed == 1000)
        var doubled = result.latency
        doubled.merge(result.latency)
        #expect(merged.latency == doubled)
        #expect(merged.perSecond.allSatisfy { $0.latencyP50Ns == nil })
    }
}

#endif
