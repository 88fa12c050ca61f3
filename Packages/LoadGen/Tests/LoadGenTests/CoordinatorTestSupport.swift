import PerfResult
import PerfSupport
import Synchronization
import Testing

@testable import LoadGen

#if os(Linux)

/// A monotonic deadline `seconds` from now.
func soon(_ seconds: Double) -> UInt64 { MonotonicClock.now() + UInt64(seconds * 1e9) }

/// A hand-driven worker: sends what a test says, line by line, and reads what the coordinator answers.
final class FakeWorker {
    let channel: ControlChannel

    init(port: Int) throws {
        channel = try ControlChannel.connect(host: "127.0.0.1", port: port, deadlineNs: soon(5))
    }

    func send(_ line: String) throws {
        try channel.send(bytes: Array((line + "\n").utf8), deadlineNs: soon(2))
    }

    /// The next message (`nil` after 5 s without one).
    func receive() throws -> JSONValue? { try channel.receive(deadlineNs: soon(5)) }

    /// Hello, welcome and ready with a zero offset.
    func join(shard: Int, of count: Int, run: String = "loadgen") throws {
        try send(#"{"type": "hello", "run": "\#(run)", "shard": \#(shard), "shards": \#(count)}"#)
        #expect(try receive()?["type"]?.stringValue == "welcome")
        try send(#"{"type": "ready", "offsetNs": 0, "rttNs": 1000}"#)
    }

    /// Sends `bytes` as this worker's result.
    func sendResult(_ bytes: [UInt8]) throws {
        try send(#"{"type": "result", "bytes": \#(bytes.count)}"#)
        try channel.send(bytes: bytes, deadlineNs: soon(2))
    }
}

/// Runs a coordinator on its own thread while `body` plays the workers against its port; returns its run.
/// Every wait of the coordinator is bounded by `settings`, so the join ends even when `body` fails.
func coordinate(_ settings: CoordinatorSettings, _ body: (Int) throws -> Void) throws -> CoordinatedRun {
    try coordinating(settings) { coordinator in try body(coordinator.port) }
}

/// `coordinate`, with the coordinator itself handed to `body` (its live figures, its port).
/// `log` collects the coordinator's log lines.
func coordinating(
    _ settings: CoordinatorSettings, log: LogLines? = nil, _ body: (Coordinator) throws -> Void
) throws -> CoordinatedRun {
    let coordinator = try Coordinator(host: "127.0.0.1", port: 0, settings: settings)
    let outcome = Mutex<CoordinatedRun?>(nil)
    let thread = try PosixThread.spawn {
        let run = coordinator.run(log: { line in log?.append(line) })
        outcome.withLock { $0 = run }
    }
    do {
        try body(coordinator)
    } catch {
        thread.join()
        throw error
    }
    thread.join()
    return outcome.withLock { $0! }
}

/// Lines a coordinator logs on its thread, for a test to read.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    var all: [String] { lines.withLock { $0 } }
}

/// Settings with short bounds, for tests.
func settings(workers: Int) -> CoordinatorSettings {
    var settings = CoordinatorSettings(workers: workers)
    settings.readyTimeout = .seconds(2)
    settings.startDelay = .milliseconds(200)
    settings.silenceTimeout = .seconds(2)
    settings.abortGrace = .seconds(3)
    settings.runTimeout = .seconds(20)
    return settings
}

/// A real shard report: a short counted run against `server`.
func shardReport(_ server: TargetServer, shard: Shard) throws -> [UInt8] {
    var configuration = try configuration(for: server)
    configuration.connections = 2
    configuration.threads = 1
    configuration.count = 20
    configuration.shard = shard
    let result = try LoadTest(configuration).run()
    return try LoadReport.bytes(
        [.init(name: "fake/total", result: result)], suite: "macro-fake", environment: .capture())
}

#endif
