import PerfResult
import PerfSupport
import Synchronization
import Testing

@testable import LoadGen

#if canImport(Glibc)
import Glibc
#endif

#if os(Linux)

/// The coordination protocol over loopback, against workers driven by hand.
@Suite struct CoordinatorTests {
    @Test func aShardNotReadyInTimeAbortsTheRunNamingIt() throws {
        let run = try coordinate(settings(workers: 3)) { port in
            let first = try FakeWorker(port: port)
            try first.join(shard: 0, of: 3)
            let second = try FakeWorker(port: port)
            try second.send(#"{"type": "hello", "run": "loadgen", "shard": 2, "shards": 3}"#)
            #expect(try second.receive()?["type"]?.stringValue == "welcome")
            let abort = try first.receive()
            #expect(abort?["type"]?.stringValue == "abort")
            #expect(abort?["reason"]?.stringValue?.contains("never connected: shard 1") == true)
        }
        #expect(run.startAtEpochNs == nil)
        #expect(
            run.failure
                == "not every shard was ready within 2s (1 of 3 ready; never connected: shard 1; connected but not ready: shard 2)"
        )
    }

    @Test func refusedConnectionsSayWhyAndTheRunWaitsForTheRightShard() throws {
        let run = try coordinate(settings(workers: 2)) { port in
            for (line, reason) in [
                ("GET / HTTP/1.1", "sent something that is not a message: \"GET / HTTP/1.1\""),
                (#"{"shard": 0}"#, "sent a message without a type"),
                (#"{"type": "ready", "offsetNs": 0, "rttNs": 1}"#, "sent \"ready\" before hello"),
                (
                    #"{"type": "hello", "run": "other", "shard": 0, "shards": 2}"#,
                    "belongs to run \"other\", this is run \"loadgen\""
                ),
                (
                    #"{"type": "hello", "run": "loadgen", "shard": 0, "shards": 3}"#,
                    "is a shard of 3, this run has 2 workers"
                ),
                (#"{"type": "hello", "run": "loadgen", "shard": 5, "shards": 2}"#, "without a shard index in 0...1"),
            ] {
                let worker = try FakeWorker(port: port)
                try worker.send(line)
                let answer = (try? worker.receive()) ?? nil
                if line.hasPrefix("{\"type\"") {
                    #expect(answer?["type"]?.stringValue == "error", "\(line)")
                    #expect(
                        answer?["message"]?.stringValue?.contains(reason) == true,
                        "\(line): \(String(describing: answer))")
                }
            }
            let first = try FakeWorker(port: port)
            try first.join(shard: 0, of: 2)
            let duplicate = try FakeWorker(port: port)
            try duplicate.send(#"{"type": "hello", "run": "loadgen", "shard": 0, "shards": 2}"#)
            let answer = try duplicate.receive()
            #expect(answer?["message"]?.stringValue?.contains("is shard 0 too") == true)
            // Shard 0 stays connected until the coordinator gives up on shard 1.
            #expect(try first.receive()?["type"]?.stringValue == "abort")
        }
        let warnings = run.warnings.joined(separator: "\n")
        for reason in [
            "sent something that is not a message: \"GET / HTTP/1.1\"", "sent a message without a type",
            "sent \"ready\" before hello",
            "belongs to run \"other\", this is run \"loadgen\" (give both the same --run-id)",
            "is a shard of 3, this run has 2 workers", "is shard 0 too", "(a duplicate index)",
        ] {
            #expect(warnings.contains(reason), "\(reason) not in \(warnings)")
        }
        #expect(run.failure?.contains("1 of 2 ready; never connected: shard 1") == true, "\(run.failure ?? "")")
    }

    @Test func aShardThatDisconnectsMidRunAbortsTheOthersWhoseResultsArePartial() throws {
        let server = try TargetServer(TargetOptions())
        defer { server.stop() }
        let report = try shardReport(server, shard: try Shard(index: 0, count: 2))
        let run = try coordinate(settings(workers: 2)) { port in
            let first = try FakeWorker(port: port)
            try first.join(shard: 0, of: 2)
            let second = try FakeWorker(port: port)
            try second.join(shard: 1, of: 2)
            #expect(try first.receive()?["type"]?.stringValue == "start")
            #expect(try second.receive()?["type"]?.stringValue == "start")
            try first.send(#"{"type": "progress", "completed": 5, "errors": 0}"#)
            second.channel.peer = "gone"
            shutdown(second.channel.fd, Int32(SHUT_RDWR))
            let abort = try first.receive()
            #expect(abort?["type"]?.stringValue == "abort")
            #expect(abort?["reason"]?.stringValue?.hasPrefix("shard 1 failed during the run:") == true)
            try first.sendResult(report)
        }
        #expect(
            run.failure?.hasPrefix("shard 1 failed during the run: shard 1 (127.0.0.1:") == true, "\(run.failure ?? "")"
        )
        #expect(run.failure?.hasSuffix("closed the connection") == true, "\(run.failure ?? "")")
        #expect(run.partial)
        #expect(run.shards.map { $0.index } == [0])
        #expect(run.merged.first?.result.completed == 20)
        guard case let .object(members) = run.record.value else { Issue.record("no record"); return }
        #expect(members.first { $0.key == "partial" }?.value == .bool(true))
    }

    @Test func aSilentShardIsHungAndGarbageDuringTheRunAborts() throws {
        let silent = try coordinate(settings(workers: 1)) { port in
            let worker = try FakeWorker(port: port)
            try worker.join(shard: 0, of: 1)
            #expect(try worker.receive()?["type"]?.stringValue == "start")
            #expect(try worker.receive()?["type"]?.stringValue == "abort")
        }
        #expect(silent.failure == "shard 0 sent nothing for 2s: hung or unreachable")
        #expect(silent.partial && silent.shards.isEmpty)
        let garbled = try coordinate(settings(workers: 1)) { port in
            let worker = try FakeWorker(port: port)
            try worker.join(shard: 0, of: 1)
            #expect(try worker.receive()?["type"]?.stringValue == "start")
            try worker.send(#"{"type": "bogus"}"#)
            #expect(try worker.receive()?["type"]?.stringValue == "abort")
        }
        #expect(garbled.failure == "shard 0 failed during the run: shard 0 sent \"bogus\" during the run")
        let wrong = try coordinate(settings(workers: 2)) { port in
            let server = try TargetServer(TargetOptions())
            defer { server.stop() }
            let report = try shardReport(server, shard: try Shard(index: 1, count: 2))
            let first = try FakeWorker(port: port)
            try first.join(shard: 0, of: 2)
            let second = try FakeWorker(port: port)
            try second.join(shard: 1, of: 2)
            #expect(try first.receive()?["type"]?.stringValue == "start")
            try first.sendResult(report)
            try? second.sendResult(Array("not a report".utf8))
        }
        #expect(
            wrong.failure?.hasPrefix("shard 0 failed during the run: shard 0 sent the result of shard 1/2") == true,
            "\(wrong.failure ?? "")")
    }

    @Test func coordinatedShardsMergeToTheTargetsExactCount() throws {
        let server = try TargetServer(TargetOptions())
        defer { server.stop() }
        var whole = try configuration(for: server)
        whole.connections = 6
        whole.threads = 1
        whole.rate = 1500
        whole.duration = .seconds(1)
        let count = 3
        let reports = Mutex<[Int: LoadResult]>([:])
        let run = try coordinate(settings(workers: count)) { port in
            var threads: [PosixThread] = []
            for index in 0..<count {
                let shard = try Shard(index: index, count: count)
                var shared = try shard.apply(to: whole)
                shared.shard = shard
                let configuration = shared
                threads.append(
                    try PosixThread.spawn {
                        do {
                            let client = try CoordinatorClient.join(
                                host: "127.0.0.1", port: port, shard: shard, runID: "loadgen", deadlineNs: soon(10))
                            let clock = try client.measureClock(deadlineNs: soon(10))
                            try client.ready(clock, deadlineNs: soon(10))
                            var part = configuration
                            part.startAtEpochNs = try client.awaitStart(clock, deadlineNs: soon(10))
                            let result = try LoadTest(part).run()
                            reports.withLock { $0[index] = result }
                            try client.sendResult(
                                LoadReport.bytes(
                                    [.init(name: "e2e/total", result: result)], suite: "macro-e2e",
                                    environment: .capture()),
                                deadlineNs: soon(10))
                            _ = client.awaitDone(deadlineNs: soon(10))
                        } catch {
                            Issue.record("shard \(index): \(error)")
                        }
                    })
            }
            for thread in threads { thread.join() }
        }
        #expect(run.failure == nil)
        #expect(run.shards.map(\.index) == [0, 1, 2])
        let merged = try #require(run.merged.first?.result)
        let shards = reports.withLock { $0 }
        // Exact: every request the target received is in the merged result, and the merge adds bucket by bucket.
        #expect(merged.sent == UInt64(server.requestCount))
        #expect(merged.completed + merged.abandoned + merged.failures == merged.sent)
        #expect(merged.targetRate == 1500)
        #expect(merged.connections == 6)
        var buckets: [Int: UInt64] = [:]
        for result in shards.values {
            for (index, count) in result.latency.nonZeroBuckets { buckets[index, default: 0] += count }
        }
        #expect(Dictionary(uniqueKeysWithValues: merged.latency.nonZeroBuckets.map { ($0.index, $0.count) }) == buckets)
        #expect(shards.values.map(\.sent).reduce(0, +) == merged.sent)
        #expect(shards.keys.sorted().allSatisfy { shards[$0]?.shard?.index == $0 })
        #expect(run.startSkewNs != nil)
        #expect(run.shards.allSatisfy { $0.startOnCoordinatorClockNs != nil })
    }
}

#endif
