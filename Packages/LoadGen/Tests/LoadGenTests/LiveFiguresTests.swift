import PerfSupport
import Testing

@testable import LoadGen

/// Figures with something in every field.
private func sampleFigures(scale: UInt64 = 1) -> LiveFigures {
    var figures = LiveFigures()
    figures.requests = 100 * scale
    figures.statuses = [1, 0, 90 * scale, 2, 5, 2]
    figures.errors.read = 3 * scale
    figures.errors.tls = 1
    figures.bytes = 12_345 * scale
    figures.lastSecondRequests = 40 * scale
    figures.inFlight = 2
    figures.connections = 8
    for value in stride(from: UInt64(40_000), to: 40_000 + 100 * scale * 997, by: 997) { figures.latency.record(value) }
    return figures
}

/// A progress message's `live` member as a line would carry it, read back.
private func roundTrip(_ live: JSONValue) throws -> LiveFigures {
    let line = Array(live.serialized(indent: 0).utf8)
    return try LiveFigures(message: try JSONValue.parse(line, path: "test"), from: "shard 1")
}

/// The figures `/metrics` serves: from a result, merged over shards, and over the coordination protocol.
@Suite struct LiveFiguresTests {
    @Test func theProgressMessageCarriesTheFiguresExactly() throws {
        let figures = sampleFigures()
        let read = try roundTrip(figures.message)
        #expect(difference(read, figures) == nil)
        #expect(read.latency.nonZeroBuckets.elementsEqual(figures.latency.nonZeroBuckets) { $0 == $1 })
    }

    @Test func unreadableLiveFiguresNameTheShardTheMemberAndWhatWasExpected() throws {
        func message(_ replacing: String, with value: JSONValue?) -> JSONValue {
            guard case let .object(members) = sampleFigures().message else { return .null }
            return .object(
                members.compactMap {
                    $0.key == replacing ? value.map { JSONValue.Member(key: replacing, value: $0) } : $0
                })
        }
        let cases: [(JSONValue, String)] = [
            (
                message("version", with: .number(2)),
                "shard 1 sent live figures of version 2; this loadgen reads version 1: run the same loadgen build "
                    + "on the coordinator and every worker"
            ),
            (
                message("version", with: nil),
                "shard 1 sent live figures that cannot be read: at live.version: expected an integer"
            ),
            (message("requests", with: .string("x")), "at live.requests: expected a count"),
            (message("statuses", with: .array([.number(1)])), "at live.statuses: expected 6 counts (other, 1xx … 5xx)"),
            (message("errors", with: .object([])), "at live.errors.connect: expected a count"),
            (
                message("latency", with: .object([.init(key: "buckets", value: .array([.number(1)]))])),
                "at live.latency: expected an object with count, sum, min, max and buckets"
            ),
            (
                message(
                    "latency",
                    with: .object([
                        .init(key: "count", value: .number(5)), .init(key: "sum", value: .number(1)),
                        .init(key: "min", value: .number(1)), .init(key: "max", value: .number(1)),
                        .init(key: "buckets", value: .array([.number(1), .number(1)])),
                    ])),
                "at live.latency: the buckets do not match count, min and max"
            ),
            (.array([]), "at live.: expected an object"),
        ]
        for (live, reason) in cases {
            #expect(throws: (any Error).self) { try roundTrip(live) }
            do {
                _ = try roundTrip(live)
            } catch {
                #expect("\(error)".contains(reason), "\(error)")
                #expect("\(error)".hasPrefix("shard 1 sent live figures"), "\(error)")
            }
        }
    }

    @Test func mergedFiguresAddUpFieldByFieldAndBucketByBucket() {
        let one = sampleFigures()
        let two = sampleFigures(scale: 3)
        let sum = one.merged(with: two)
        #expect(sum.requests == 400)
        #expect(sum.statuses == [2, 0, 360, 4, 10, 4])
        #expect(sum.errors.read == 12 && sum.errors.tls == 2)
        #expect(sum.bytes == 12_345 * 4)
        #expect(sum.lastSecondRequests == 160)
        #expect(sum.inFlight == 4 && sum.connections == 16 && sum.shards == 2)
        var latency = one.latency
        latency.merge(two.latency)
        #expect(sum.latency.nonZeroBuckets.elementsEqual(latency.nonZeroBuckets) { $0 == $1 })
        #expect(sum.latency.sum == latency.sum && sum.latency.minValue == latency.minValue)
        #expect(!sum.finished)
    }

    @Test func theFinalFiguresOfAResultAreItsExactCountsAndLastWholeSecond() {
        var histogram = LatencyHistogram()
        histogram.record(70_000, count: 12)
        var errors = ErrorCounts()
        errors.timeout = 4
        let result = LoadResult(
            target: "http://127.0.0.1:1/", model: .open, connections: 2, threads: 1, pipelining: 1, targetRate: 5,
            startedAtEpochNs: 0, windowNs: 2_500_000_000, sent: 16, warmupSent: 0, warmupSkipped: 0, completed: 12,
            completedInWindow: 11, drained: 1, abandoned: 0, late: 0, dropped: 0, censored: 0, bytesInWindow: 777,
            httpErrors: 2, outOfRange: 0, errors: errors, statusCounts: [200: 10, 503: 2], latency: histogram,
            uncorrectedLatency: histogram,
            perSecond: [
                SecondSample(second: 0, requests: 5, errors: 0, bytes: 1, latencyP50Ns: nil, latencyP99Ns: nil),
                SecondSample(second: 1, requests: 4, errors: 0, bytes: 1, latencyP50Ns: nil, latencyP99Ns: nil),
                SecondSample(second: 2, requests: 2, errors: 0, bytes: 1, latencyP50Ns: nil, latencyP99Ns: nil),
            ], clientCPUNs: 0)
        let figures = LiveFigures(result: result)
        #expect(figures.requests == 12)
        #expect(figures.statuses == [0, 0, 10, 0, 0, 2])
        #expect(figures.errors == errors)
        #expect(figures.bytes == 777)
        // Second 2 is half a second (the window is 2.5 s): second 1 is the last whole one.
        #expect(figures.lastSecondRequests == 4)
        #expect(figures.latency.nonZeroBuckets.elementsEqual(histogram.nonZeroBuckets) { $0 == $1 })
        #expect(figures.inFlight == 0 && figures.connections == 0)
        #expect(figures.finished)
    }

    @Test func aFeedServesNothingThenItsProviderThenTheFinalFigures() {
        let feed = LiveFeed()
        #expect(difference(feed.current(), LiveFigures()) == nil)
        feed.follow { sampleFigures() }
        #expect(difference(feed.current(), sampleFigures()) == nil)
        feed.finish(sampleFigures(scale: 2))
        var final = sampleFigures(scale: 2)
        final.finished = true
        #expect(difference(feed.current(), final) == nil)
    }

    #if os(Linux)
    @Test func aTestsLiveFiguresHoldEveryResponseOfItsWindowOnceItHasRun() throws {
        let server = try TargetServer(TargetOptions())
        defer { server.stop() }
        var configuration = try configuration(for: server)
        configuration.connections = 4
        configuration.threads = 2
        configuration.count = 300
        let test = try LoadTest(configuration)
        #expect(difference(test.liveFigures(), LiveFigures()) == nil)
        let result = try test.run()
        let live = test.liveFigures()
        #expect(result.completed == 300 && result.completedInWindow == 300)
        #expect(live.requests == result.completedInWindow)
        #expect(live.statuses == [0, 0, 300, 0, 0, 0])
        #expect(live.bytes == result.bytesInWindow)
        #expect(live.errors == result.errors)
        #expect(live.latency.nonZeroBuckets.elementsEqual(result.latency.nonZeroBuckets) { $0 == $1 })
        #expect(live.latency.sum == result.latency.sum)
        #expect(!live.finished)
    }
    #endif
}
