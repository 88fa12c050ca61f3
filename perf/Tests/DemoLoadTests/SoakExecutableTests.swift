import Foundation
import PerfResult
import PerfSupport
import SuiteTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `demo-load soak` run from the build folder: bad lengths refused, and SIGTERM mid-soak giving a partial report.
@Suite struct SoakExecutableTests {
    static let demoLoad = BuiltExecutable("demo-load", unsetting: ["PERF_PROFILE"])

    @Test(arguments: [
        ("25h", "--duration: 25h is out of range: it must be longer than 0 and at most 24h"),
        ("0", "--duration: 0 is out of range: it must be longer than 0 and at most 24h"),
        ("soon", "--duration: \"soon\" is not a duration such as 90s, 15m, 24h or 1h30m, or a number of seconds"),
        ("-5s", "--duration: \"-5s\" is not a duration such as 90s, 15m, 24h or 1h30m, or a number of seconds"),
    ])
    func aSoakLengthThatIsNotOneIsRefusedWithExitTwoWritingNothing(_ text: String, _ message: String) throws {
        let directory = try TemporaryDirectory(prefix: "demo-load-soak")
        let report = directory.path + "/soak.json"
        let run = try Self.demoLoad.run(["soak", "--duration", text, "--json", report], timeout: .seconds(60))
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(!AtomicFile.exists(report))
    }

    #if os(Linux)
    // The soak drives LoadGen's epoll engine: Linux only.
    @Test func sigtermMidSoakStopsItAndWritesAPartialReportWithTheSamplesSoFar() throws {
        let directory = try TemporaryDirectory(prefix: "demo-load-soak")
        let port = try #require(Self.freePort())
        let scenario = directory.path + "/soak.json"
        try Self.scenario(port: port).write(toFile: scenario, atomically: true, encoding: .utf8)
        let reportPath = directory.path + "/report.json"
        let outputPath = directory.path + "/stdout"
        let process = try ChildProcess(
            Self.demoLoad.path,
            [
                "soak", "--scenario", scenario, "--duration", "30s", "--warmup", "500ms", "--rate", "500", "--json",
                reportPath,
            ], environment: ProcessEnvironment.current().filter { $0.key != "PERF_PROFILE" }
        ).spawn(standardOutput: .file(path: outputPath, append: false), standardError: .discard)
        defer { _ = try? process.terminate(grace: .zero) }
        // The service answers once demo-load has started it; the warmup (500 ms) then samples begin.
        let deadline = MonotonicClock.now() + 30_000_000_000
        while !Self.accepts(port: port), MonotonicClock.now() < deadline, (try process.poll()) == nil {
            usleep(50_000)
        }
        #expect(Self.accepts(port: port), "the service never answered")
        usleep(2_500_000)
        process.send(SIGTERM)
        // Stopping is bounded: the load stops within 100 ms, the service drains, the report is written.
        let ended = try process.wait(timeout: .seconds(25))
        #expect(ended == .exited(143))
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        #expect(output.contains("partial       stopped by SIGTERM after"), "\(output)")
        #expect(output.contains("not a pass (exit 143)"))
        let report = try Report.read(from: reportPath)
        #expect(report.partial && report.suite == "soak-partial")
        let rss = try #require(report.results.first?["rssBytes"]?.samples)
        #expect(!rss.isEmpty && rss.count < 60)
        #expect(!Self.accepts(port: port), "the service still runs after the soak")
    }

    /// A soak scenario on `port`: one login request, the demo service with one event loop.
    static func scenario(port: Int) -> String {
        """
        {
          "target": "http://127.0.0.1:\(port)/",
          "requests": [{"method": "POST", "path": "/login", "headers": {"Content-Type": "application/json"},
                        "body": "{\\"user\\":\\"user0\\",\\"password\\":\\"password0\\"}"}],
          "connections": 4, "threads": 1, "rate": 500, "duration": "30s", "warmup": "500ms", "timeout": "2s",
          "grace": "1s",
          "service": {"command": "demo-service", "arguments": ["--port", "\(port)", "--threads", "1"],
                      "readiness": "http://127.0.0.1:\(port)/health", "timeout": "20s", "stopGrace": "10s"}
        }
        """
    }

    /// A port on 127.0.0.1 that was free a moment ago (bound to port 0, read back, closed).
    static func freePort() -> Int? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        defer { close(socket) }
        var address = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { return nil }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return named == 0 ? Int(UInt16(bigEndian: address.sin_port)) : nil
    }

    /// Whether something accepts connections on 127.0.0.1:`port`.
    static func accepts(port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = Self.loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        } == 0
    }

    static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        return address
    }
    #endif
}
