import PerfResult
import PerfSupport
import Synchronization
import Testing

@testable import LoadGen

#if os(Linux)

/// Figures of `requests` responses, each at 100 µs.
private func figures(requests: UInt64) -> LiveFigures {
    var figures = LiveFigures()
    figures.requests = requests
    figures.statuses[2] = requests
    figures.bytes = requests * 100
    figures.lastSecondRequests = requests / 2
    figures.connections = 3
    figures.latency.record(100_000, count: requests)
    return figures
}

/// A progress line with `live` figures.
private func progress(_ live: JSONValue) -> String {
    JSONValue.message("progress", [("completed", .number(1)), ("errors", .number(0)), ("live", live)])
        .serialized(indent: 0).split(separator: "\n").joined()
}

/// Waits (5 s at most) until `condition` holds for the coordinator's live figures; returns the last ones.
private func liveFigures(of coordinator: Coordinator, until condition: (LiveFigures) -> Bool) -> LiveFigures {
    let end = soon(5)
    var figures = coordinator.liveFigures()
    while !condition(figures), MonotonicClock.now() < end {
        PosixThread.sleep(nanoseconds: 10_000_000)
        figures = coordinator.liveFigures()
    }
    return figures
}

/// Live figures over the coordination protocol, with workers driven by hand.
@Suite struct CoordinatorLiveTests {
    @Test func theStartAsksForLiveFiguresAndTheCoordinatorSumsEachShardsLatest() throws {
        let server = try TargetServer(TargetOptions())
        defer { server.stop() }
        let reports = try (0..<2).map { try shardReport(server, shard: try Shard(index: $0, count: 2)) }
        var asked = settings(workers: 2)
        asked.liveFigures = true
        let run = try coordinating(asked) { coordinator in
            let workers = try (0..<2).map { _ in try FakeWorker(port: coordinator.port) }
            for (index, worker) in workers.enumerated() { try worker.join(shard: index, of: 2) }
            for worker in workers {
                let start = try worker.receive()
                #expect(start?["type"]?.stringValue == "start")
                #expect(start?["live"] == .bool(true))
            }
            try workers[0].send(progress(figures(requests: 100).message))
            try workers[0].send(progress(figures(requests: 150).message))
            try workers[1].send(progress(figures(requests: 40).message))
            let sum = liveFigures(of: coordinator) { $0.shards == 2 && $0.requests == 190 }
            // Each message replaces its shard's figures: 150 + 40, not 100 + 150 + 40.
            var expected = figures(requests: 150).merged(with: figures(requests: 40))
            expected.shards = 2
            #expect(difference(sum, expected) == nil)
            for (worker, report) in zip(workers, reports) { try worker.sendResult(report) }
        }
        #expect(run.failure == nil)
        #expect(run.shards.count == 2)
    }

    @Test func withoutMetricsTheStartAsksForNoLiveFigures() throws {
        let run = try coordinate(settings(workers: 1)) { port in
            let worker = try FakeWorker(port: port)
            try worker.join(shard: 0, of: 1)
            let start = try worker.receive()
            #expect(start?["type"]?.stringValue == "start")
            #expect(start?["live"] == nil)
            try worker.send(#"{"type": "bogus"}"#)
        }
        #expect(run.failure != nil)
    }

    @Test func liveFiguresOfAnotherVersionOrGarbledAbortTheRunNamingTheShard() throws {
        var asked = settings(workers: 1)
        asked.liveFigures = true
        guard case let .object(members) = figures(requests: 5).message else { return }
        let newer = JSONValue.object(
            members.map { $0.key == "version" ? .init(key: "version", value: .number(2)) : $0 })
        for (live, failure) in [
            (
                newer,
                "shard 0 failed during the run: shard 0 sent live figures of version 2; this loadgen reads version 1: "
                    + "run the same loadgen build on the coordinator and every worker"
            ),
            (
                JSONValue.string("lots"),
                "shard 0 failed during the run: shard 0 sent live figures that cannot be read: at live.: expected an object"
            ),
        ] {
            let run = try coordinate(asked) { port in
                let worker = try FakeWorker(port: port)
                try worker.join(shard: 0, of: 1)
                #expect(try worker.receive()?["type"]?.stringValue == "start")
                try worker.send(progress(live))
                let abort = try worker.receive()
                #expect(abort?["type"]?.stringValue == "abort")
            }
            #expect(run.failure == failure)
        }
    }

    @Test func aWorkerWithoutLiveFiguresIsLoggedOnceAndLeftOutNotAborted() throws {
        let server = try TargetServer(TargetOptions())
        defer { server.stop() }
        let report = try shardReport(server, shard: try Shard(index: 0, count: 1))
        var asked = settings(workers: 1)
        asked.liveFigures = true
        let log = LogLines()
        let run = try coordinating(asked, log: log) { coordinator in
            let worker = try FakeWorker(port: coordinator.port)
            try worker.join(shard: 0, of: 1)
            #expect(try worker.receive()?["type"]?.stringValue == "start")
            // What a loadgen from before live figures sends.
            try worker.send(#"{"type": "progress", "completed": 5, "errors": 0}"#)
            try worker.send(#"{"type": "progress", "completed": 9, "errors": 0}"#)
            try worker.sendResult(report)
            #expect(coordinator.liveFigures().shards == 0)
        }
        #expect(run.failure == nil)
        let lines = log.all.filter { $0.contains("sends no live figures") }
        #expect(lines == ["shard 0 sends no live figures (a loadgen without them?): /metrics leaves it out"])
    }
}

#endif
