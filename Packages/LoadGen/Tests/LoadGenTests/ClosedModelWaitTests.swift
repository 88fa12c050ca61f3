import Testing

@testable import LoadGen

// Every test here runs LoadGen's epoll engine or its in-process TargetServer: Linux only.
#if os(Linux)

/// The closed model's corrected latency on a fixture where the client-side wait is known: a real
/// `WorkerLoop` with no socket, driven with chosen clock readings. A request is due when the response it
/// replaces was read (or the connection became ready); the write pass may come later, and that wait is in
/// the corrected latency and not in the uncorrected one.
@Suite struct ClosedModelWaitTests {
    private func loop(pipelining: Int) throws -> WorkerLoop {
        let plan = WorkerPlan(
            index: 0, workers: 1, address: 0x7F00_0001, port: 9, requests: [Array("GET / HTTP/1.1\r\n\r\n".utf8)],
            headRequests: [false], connections: 1, pipelining: pipelining, model: .closed,
            schedule: LoadSchedule(warmup: .zero, stages: [.connections(1, for: .seconds(10))]), countShare: nil,
            timeoutNs: 2_000_000_000, graceNs: 1_000_000_000, lateThresholdNs: 1_000_000, startNs: 0,
            measureStartNs: 0, deadlineNs: .max, control: RunControl(workers: 1))
        var loop = try WorkerLoop(plan: plan)
        loop.slots[0].phase = .open
        loop.slots[0].active = true
        return loop
    }

    private func histogram(_ values: [UInt64]) -> LatencyHistogram {
        var histogram = LatencyHistogram()
        for value in values { histogram.record(value) }
        return histogram
    }

    @Test func theWaitBeforeTheWriteIsInTheCorrectedLatencyOnly() throws {
        var loop = try loop(pipelining: 1)
        loop.slots[0].readySinceNs = 1_000
        loop.refill(0, now: 1_500) // A: due 1 000 (the connection was ready), written at 1 500
        loop.complete(0, status: 200, now: 3_000) // A answered: its position is free from 3 000
        loop.refill(0, now: 10_000) // B: due 3 000, written 7 000 ns later
        loop.complete(0, status: 200, now: 12_000)
        #expect(loop.corrected.snapshot() == histogram([2_000, 9_000]))
        #expect(loop.uncorrected.snapshot() == histogram([1_500, 2_000]))
        #expect(loop.tally.completed == 2)
    }

    @Test func eachPipelinedRequestIsDueWhenThePositionItTakesWasFreed() throws {
        var loop = try loop(pipelining: 2)
        loop.slots[0].readySinceNs = 1_000
        loop.refill(0, now: 1_000) // A and B: due and written at 1 000
        loop.complete(0, status: 200, now: 2_000) // A
        loop.complete(0, status: 200, now: 2_500) // B
        loop.refill(0, now: 4_000) // C takes A's position (free since 2 000), D takes B's (since 2 500)
        loop.complete(0, status: 200, now: 5_000) // C
        loop.complete(0, status: 200, now: 6_000) // D
        #expect(loop.corrected.snapshot() == histogram([1_000, 1_500, 3_000, 3_500]))
        #expect(loop.uncorrected.snapshot() == histogram([1_000, 1_500, 1_000, 2_000]))
    }
}

#endif
