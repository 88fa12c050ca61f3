import Testing

@testable import LoadGen

// Every test here runs LoadGen's epoll engine or its in-process TargetServer: Linux only.
#if os(Linux)

/// Coordinated-omission correction in the open model, against an in-process `TargetServer` that stalls
/// or answers slowly. The fixtures force latencies of hundreds of milliseconds; the margins are wide
/// (half the stall against a quarter of it), so a busy machine cannot tip a verdict.
@Suite struct CoordinatedOmissionTests {
    /// 1 000 requests/s on 2 connections while the server answers nothing for 400 ms of every second:
    /// two requests wait out each stall on the wire, the ~400 due during it wait in the client. Any 1.5 s
    /// window holds a whole stall.
    @Test func openModelCorrectedTailIncludesAStallTheUncorrectedMisses() throws {
        var options = TargetOptions()
        options.stallEvery = .seconds(1)
        options.stallFor = .milliseconds(400)
        let server = try TargetServer(options)
        defer { server.stop() }
        var configuration = try configuration(for: server)
        configuration.connections = 2
        configuration.threads = 1
        configuration.rate = 1000
        configuration.duration = .milliseconds(1500)
        let result = try LoadTest(configuration).run()
        #expect(result.failures == 0)
        #expect(result.sent + result.dropped == 1500)
        let stall: UInt64 = 400_000_000
        // A quarter or more of the requests were due during a stall: p99 is deep inside their waits.
        #expect(result.latency.value(atPercentile: 99) >= stall / 2)
        #expect(result.latency.maxValue >= stall / 2)
        // Only the requests written before a stall waited on the wire: fewer than 1 % of them.
        #expect(result.uncorrectedLatency.value(atPercentile: 99) < stall / 4)
    }

    /// 2 000 requests/s for 0.5 s to a server that answers each after 50 ms, on 2 connections: about 20
    /// are sent, the rest never. Every one of the 1 000 is accounted for, and the corrected histogram holds
    /// each unsent one at its wait when sending stopped (deadline − scheduled time), which the schedule gives.
    @Test func overloadedOpenModelCountsEveryScheduledRequest() throws {
        var options = TargetOptions()
        options.delay = .milliseconds(50)
        let server = try TargetServer(options)
        defer { server.stop() }
        var configuration = try configuration(for: server)
        configuration.connections = 2
        configuration.threads = 1
        configuration.rate = 2000
        configuration.duration = .milliseconds(500)
        let result = try LoadTest(configuration).run()
        #expect(result.sent + result.dropped == 1000)
        #expect(result.sent < 100)
        #expect(UInt64(server.requestCount) == result.sent)
        #expect(result.completed + result.abandoned + result.failures == result.sent)
        #expect(result.censored == result.dropped)
        #expect(result.latency.totalCount == result.completed + result.censored)
        #expect(result.uncorrectedLatency.totalCount == result.completed)
        // One worker sends arrivals in order: the unsent ones are those from `sent` on.
        let expected = unsentWaits(of: configuration, sent: result.sent)
        #expect(expected.totalCount == result.dropped)
        for (bucket, count) in expected.nonZeroBuckets {
            #expect(result.latency.count(atBucket: bucket) >= count, "bucket \(bucket)")
        }
        // Sent requests took 50 ms at least; the unsent ones' waits go down to nearly 0.
        #expect(result.uncorrectedLatency.minValue >= 50_000_000)
        #expect(result.latency.minValue == expected.minValue)
    }

    /// A server that answers nothing during the run: no response at all, so the corrected histogram is
    /// exactly the unsent requests' waits, bucket for bucket, sum and extremes.
    @Test func unsentRequestsAreCensoredAtTheirWaitWhenSendingStopped() throws {
        var options = TargetOptions()
        options.stallEvery = .seconds(60)
        options.stallFor = .seconds(60)
        let server = try TargetServer(options)
        defer { server.stop() }
        var configuration = try configuration(for: server)
        configuration.connections = 1
        configuration.threads = 1
        configuration.rate = 1000
        configuration.duration = .milliseconds(300)
        configuration.grace = .milliseconds(100)
        let result = try LoadTest(configuration).run()
        #expect(result.sent == 1)
        #expect(result.abandoned == 1)
        #expect(result.completed == 0)
        #expect(result.dropped == 299)
        #expect(result.censored == 299)
        #expect(result.uncorrectedLatency.totalCount == 0)
        #expect(result.latency == unsentWaits(of: configuration, sent: 1))
        #expect(result.latency.maxValue == 299_000_000)
        #expect(result.latency.minValue == 1_000_000)
    }

    /// The waits of arrivals `sent`, `sent` + 1, … of a one-worker run with no warmup: deadline − arrival time.
    private func unsentWaits(of configuration: LoadConfiguration, sent: UInt64) -> LatencyHistogram {
        let schedule = LoadSchedule(warmup: configuration.warmup, stages: configuration.effectiveStages)
        var waits = LatencyHistogram()
        var k = sent
        while let time = schedule.arrivalTime(of: k), time < schedule.totalNs {
            waits.record(schedule.totalNs - time)
            k += 1
        }
        return waits
    }
}

#endif
