import PerfSupport
import SuiteTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `demo-service` executable, spawned from the build folder next to the test bundle.
@Suite struct ExecutableTests {
    static let path = BuiltExecutable("demo-service").path

    #if os(Linux)
    // These serve over the epoll server: Linux only.
    @Test func itPrintsTheEnvironmentAndPortServesAndExitsZeroOnSIGTERM() throws {
        let service = try RunningService(["--port", "0", "--threads", "1", "--users", "2", "--hash-rounds", "8"])
        defer { service.stop() }
        let listening = try #require(service.waitForLine { $0.hasPrefix("listening on ") })
        let port = try #require(Int(listening.split(separator: ":").last ?? ""))
        #expect(service.output.hasPrefix("Swift "))
        let idle = try TestClient(port: port)
        idle.send(request("POST", "/login", body: #"{"user":"user1","password":"password1"}"#))
        #expect(try idle.readResponse().status == 200)

        service.process.send(SIGTERM)
        #expect(try service.process.wait(timeout: .seconds(10)) == .exited(0))
        #expect(try idle.readUntilClosed() == "")
        _ = service.waitForLine { $0.hasPrefix("stopped:") }
        #expect(service.output.contains("received SIGTERM: no longer accepting"))
        #expect(service.output.contains("stopped: 1 connection(s) closed during the drain, 0 closed by force"))
    }

    @Test(.disabled(if: SanitizerBuild.isActive, "sanitizer build: MemProbe's allocation counter is compiled out"))
    func thePoolFlagPicksTheAllocatorAndMetricsCountTheProcessAllocations() throws {
        let service = try RunningService([
            "--port", "0", "--threads", "1", "--users", "2", "--hash-rounds", "8", "--pool", "off",
        ])
        defer { service.stop() }
        let listening = try #require(service.waitForLine { $0.hasPrefix("listening on ") })
        let port = try #require(Int(listening.split(separator: ":").last ?? ""))
        #expect(service.output.contains("allocator plain"))
        let client = try TestClient(port: port)
        client.send(request("GET", "/metrics"))
        let page = try client.readResponse().body
        #expect(page.contains(#"demo_pool_enabled{allocator="plain"} 0"#))
        let allocations = try #require(page.split(separator: "\n").first { $0.hasPrefix("demo_allocations_total ") })
        #expect((UInt64(allocations.split(separator: " ")[1]) ?? 0) > 0)
        #expect(page.contains("\ndemo_live_allocations "))
        #expect(page.contains("\ndemo_heap_in_use_bytes "))
        service.process.send(SIGTERM)
        #expect(try service.process.wait(timeout: .seconds(10)) == .exited(0))
    }
    #else
    @Test func elsewhereItSaysItNeedsLinuxAndExitsTwo() throws {
        let outcome = try ChildProcess(Self.path, ["--port", "0"]).run(timeout: .seconds(30))
        #expect(outcome.termination == .exited(2))
        #expect(outcome.standardErrorText.hasPrefix("demo-service: the demo service's event loop needs Linux"))
    }
    #endif

    @Test func aBadFlagExitsTwoNamingTheFlag() throws {
        let outcome = try ChildProcess(Self.path, ["--threads", "zero"]).run(timeout: .seconds(10))
        #expect(outcome.termination == .exited(2))
        #expect(outcome.standardOutputText == "")
        #expect(outcome.standardErrorText == "demo-service: --threads: \"zero\" is not a whole number\n")
    }

    @Test func helpExitsZero() throws {
        let outcome = try ChildProcess(Self.path, ["--help"]).run(timeout: .seconds(10))
        #expect(outcome.termination == .exited(0))
        #expect(outcome.standardOutputText.hasPrefix("Usage: demo-service [options]"))
        #expect(outcome.standardOutputText.contains("\nExit status: 0 after a clean stop"))
    }
}

/// `demo-service` started from the build folder, its standard output going to a file that the test reads as it
/// grows; every wait is bounded (10 s).
final class RunningService {
    let process: SpawnedProcess
    private let directory: TemporaryDirectory
    private let outputPath: String

    init(_ arguments: [String]) throws {
        directory = try TemporaryDirectory(prefix: "demo-service-test")
        outputPath = directory.path + "/stdout"
        process = try ChildProcess(ExecutableTests.path, arguments, environment: ProcessEnvironment.current())
            .spawn(standardOutput: .file(path: outputPath, append: false), standardError: .discard)
    }

    /// Everything the service has written to standard output so far.
    var output: String {
        let descriptor = open(outputPath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return "" }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The first complete line of standard output that satisfies `predicate`; `nil` when the service ended or
    /// 10 s passed without one.
    func waitForLine(where predicate: (String) -> Bool) -> String? {
        let deadline = MonotonicClock.now() + 10_000_000_000
        while true {
            let ended = (try? process.poll()) != nil
            let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            if let line = lines.first(where: { predicate(String($0)) }) { return String(line) }
            guard !ended, MonotonicClock.now() < deadline else { return nil }
            usleep(10_000)
        }
    }

    /// Stops the service if it still runs (SIGKILL: a test that needs a clean stop sends SIGTERM itself).
    func stop() {
        _ = try? process.terminate(grace: .zero)
    }
}
