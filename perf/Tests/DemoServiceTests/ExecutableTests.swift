import Glibc
import SuiteTestSupport
import Testing

/// The `demo-service` executable, spawned from the build folder next to the test bundle.
@Suite struct ExecutableTests {
    @Test func itPrintsTheEnvironmentAndPortServesAndExitsZeroOnSIGTERM() throws {
        let process = try SpawnedProcess(["--port", "0", "--threads", "1", "--users", "2", "--hash-rounds", "8"])
        defer { process.killIfRunning() }
        let listening = try #require(process.readStdoutLine { $0.hasPrefix("listening on ") })
        let port = try #require(Int(listening.split(separator: ":").last ?? ""))
        #expect(process.stdoutSoFar.hasPrefix("Swift "))
        let idle = try TestClient(port: port)
        idle.send(request("POST", "/login", body: #"{"user":"user1","password":"password1"}"#))
        #expect(try idle.readResponse().status == 200)

        kill(process.pid, SIGTERM)
        #expect(process.waitForExit() == 0)
        #expect(try idle.readUntilClosed() == "")
        _ = process.readStdoutLine { $0.hasPrefix("stopped:") }
        #expect(process.stdoutSoFar.contains("received SIGTERM: no longer accepting"))
        #expect(process.stdoutSoFar.contains("stopped: 1 connection(s) closed during the drain, 0 closed by force"))
    }

    @Test func thePoolFlagPicksTheAllocatorAndMetricsCountTheProcessAllocations() throws {
        let process = try SpawnedProcess([
            "--port", "0", "--threads", "1", "--users", "2", "--hash-rounds", "8", "--pool", "off",
        ])
        defer { process.killIfRunning() }
        let listening = try #require(process.readStdoutLine { $0.hasPrefix("listening on ") })
        let port = try #require(Int(listening.split(separator: ":").last ?? ""))
        #expect(process.stdoutSoFar.contains("allocator plain"))
        let client = try TestClient(port: port)
        client.send(request("GET", "/metrics"))
        let page = try client.readResponse().body
        #expect(page.contains(#"demo_pool_enabled{allocator="plain"} 0"#))
        let allocations = try #require(page.split(separator: "\n").first { $0.hasPrefix("demo_allocations_total ") })
        #expect((UInt64(allocations.split(separator: " ")[1]) ?? 0) > 0)
        #expect(page.contains("\ndemo_live_allocations "))
        #expect(page.contains("\ndemo_heap_in_use_bytes "))
        kill(process.pid, SIGTERM)
        #expect(process.waitForExit() == 0)
    }

    @Test func aBadFlagExitsTwoNamingTheFlag() throws {
        let process = try SpawnedProcess(["--threads", "zero"])
        defer { process.killIfRunning() }
        #expect(process.waitForExit() == 2)
        #expect(process.readAllStderr() == "demo-service: --threads: expected an integer from 1 to 256, got 'zero'\n")
    }

    @Test func helpExitsZero() throws {
        let process = try SpawnedProcess(["--help"])
        defer { process.killIfRunning() }
        #expect(process.waitForExit() == 0)
        _ = process.readStdoutLine { $0.hasPrefix("Exit status") }
        #expect(process.stdoutSoFar.hasPrefix("USAGE: demo-service"))
    }
}

struct SpawnError: Error, CustomStringConvertible {
    var description: String
}

/// A child process with piped stdout and stderr; every wait is bounded (10 s).
final class SpawnedProcess {
    let pid: pid_t
    private let stdoutFD: Int32
    private let stderrFD: Int32
    private(set) var stdoutSoFar = ""
    private var exitStatus: Int32?

    init(_ arguments: [String]) throws {
        let path = BuiltExecutable("demo-service").path
        guard access(path, X_OK) == 0 else {
            throw SpawnError(description: "\(path) is missing: run swift build (swift test builds it too)")
        }
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw SpawnError(description: "pipe failed") }
        // Children spawned by tests running in parallel must not inherit each other's pipes.
        for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], STDERR_FILENO)
        posix_spawn_file_actions_addclose(&actions, outPipe[0])
        posix_spawn_file_actions_addclose(&actions, errPipe[0])
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child = pid_t()
        let result = posix_spawn(&child, path, &actions, nil, argv, environ)
        close(outPipe[1])
        close(errPipe[1])
        guard result == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            throw SpawnError(description: "posix_spawn failed: \(result)")
        }
        pid = child
        stdoutFD = outPipe[0]
        stderrFD = errPipe[0]
    }

    deinit {
        close(stdoutFD)
        close(stderrFD)
    }

    /// Reads stdout until a line satisfies `predicate`; `nil` at end of stream or after 10 s.
    func readStdoutLine(where predicate: (String) -> Bool) -> String? {
        var scanned = 0
        let deadline = time(nil) + 10
        while true {
            let lines = stdoutSoFar.split(separator: "\n", omittingEmptySubsequences: false)
            for line in lines.dropLast().dropFirst(scanned) where predicate(String(line)) { return String(line) }
            scanned = max(0, lines.count - 1)
            guard time(nil) < deadline, let chunk = read(stdoutFD, timeoutMilliseconds: 500) else {
                if time(nil) >= deadline { return nil }
                continue
            }
            if chunk.isEmpty { return nil }
            stdoutSoFar += String(decoding: chunk, as: UTF8.self)
        }
    }

    /// Everything on stderr until it closes (bounded to 10 s).
    func readAllStderr() -> String {
        var text = ""
        let deadline = time(nil) + 10
        while time(nil) < deadline {
            guard let chunk = read(stderrFD, timeoutMilliseconds: 500) else { continue }
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        return text
    }

    /// The exit status, waiting up to 10 s; -1 if it did not exit normally in time.
    func waitForExit() -> Int32 {
        if let exitStatus { return exitStatus }
        for _ in 0..<1000 {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : -1
                exitStatus = code
                return code
            }
            usleep(10_000)
        }
        return -1
    }

    func killIfRunning() {
        guard exitStatus == nil else { return }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        exitStatus = -1
    }

    /// One read with a timeout: bytes, an empty array at end of stream, or `nil` on timeout.
    private func read(_ fd: Int32, timeoutMilliseconds: Int32) -> [UInt8]? {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, timeoutMilliseconds) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        return count > 0 ? Array(buffer[0..<count]) : []
    }
}
