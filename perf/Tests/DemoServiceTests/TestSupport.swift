import DemoService

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A configuration for tests: an ephemeral port on 127.0.0.1, one event loop, cheap hashing.
func testConfiguration(_ adjust: (inout ServiceConfiguration) -> Void = { _ in }) -> ServiceConfiguration {
    var configuration = ServiceConfiguration()
    configuration.port = 0
    configuration.threads = 1
    configuration.users = 8
    configuration.hashRounds = 16
    configuration.sessionCapacity = 64
    configuration.drainTimeout = .seconds(5)
    adjust(&configuration)
    return configuration
}

#if os(Linux)
/// Starts a server for one test; the test must call `shutdown()` (use `defer`). The server is epoll: Linux only.
func startServer(_ adjust: (inout ServiceConfiguration) -> Void = { _ in }) throws -> DemoServer {
    try DemoServer.start(service: DemoService(configuration: testConfiguration(adjust)))
}
#endif

/// A service for in-process handler tests.
func makeService(_ adjust: (inout ServiceConfiguration) -> Void = { _ in }) throws -> DemoService {
    try DemoService(configuration: testConfiguration(adjust))
}

/// Calls a handler in-process with a UTF-8 body; returns the status and the body as text.
func call(_ service: DemoService, _ route: Route, _ method: HTTPMethod = .post, _ body: String = "")
    -> (status: HTTPStatus, body: String)
{
    let (response, bytes) = service.respond(route: route, method: method, body: Array(body.utf8))
    return (response.status, String(decoding: bytes, as: UTF8.self))
}

enum TestClientError: Error, Equatable {
    case connectFailed(Int32)
    case timedOut
    case closedBeforeResponse
    case malformedResponse(String)
}

/// A parsed HTTP response.
struct TestResponse {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: String

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

#if os(Linux)
// Talks to the epoll server over a socket (Glibc's socket constants): Linux only, like the server.
/// A blocking HTTP client over a raw socket, with a 5 s receive timeout so that no test can hang.
final class TestClient {
    let fd: Int32
    private var buffer: [UInt8] = []

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            Glibc.close(fd)
            throw TestClientError.connectFailed(code)
        }
    }

    deinit { Glibc.close(fd) }

    func send(_ text: String) {
        send(Array(text.utf8))
    }

    func send(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return }
                offset += sent
            }
        }
    }

    /// Reads one response framed by Content-Length (or a `100 Continue` interim line).
    func readResponse() throws -> TestResponse {
        var headEnd: Int?
        while headEnd == nil {
            headEnd = find([13, 10, 13, 10])
            if headEnd == nil { guard try fill() else { throw TestClientError.closedBeforeResponse } }
        }
        let head = String(decoding: buffer[0..<headEnd!], as: UTF8.self)
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw TestClientError.malformedResponse(head)
        }
        let headers = lines.filter { !$0.isEmpty }.map { line -> (String, String) in
            let parts = line.split(separator: ":", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]).trimmingSpaces : "")
        }
        var response = TestResponse(status: status, headers: headers, body: "")
        let length = Int(response.header("Content-Length") ?? "0") ?? 0
        let total = headEnd! + 4 + length
        while buffer.count < total { guard try fill() else { throw TestClientError.closedBeforeResponse } }
        response.body = String(decoding: buffer[(headEnd! + 4)..<total], as: UTF8.self)
        buffer.removeFirst(total)
        return response
    }

    /// Reads until the server closes; returns everything read (after any buffered bytes).
    func readUntilClosed() throws -> String {
        while try fill() {}
        defer { buffer.removeAll() }
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Reads more bytes; `false` at end of stream (or a reset), throws on timeout.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
        if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { throw TestClientError.timedOut }
        return false
    }

    private func find(_ pattern: [UInt8]) -> Int? {
        guard buffer.count >= pattern.count else { return nil }
        for start in 0...(buffer.count - pattern.count)
        where buffer[start..<(start + pattern.count)].elementsEqual(pattern) {
            return start
        }
        return nil
    }
}
#endif

/// A full request with Content-Length.
func request(_ method: String, _ path: String, body: String = "", headers: [String] = []) -> String {
    var text = "\(method) \(path) HTTP/1.1\r\nHost: test\r\n"
    for header in headers { text += header + "\r\n" }
    if !body.isEmpty || method == "POST" { text += "Content-Length: \(body.utf8.count)\r\n" }
    return text + "\r\n" + body
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}

/// Waits, bounded, until `condition` holds (for effects another thread makes visible asynchronously).
func eventually(_ condition: () -> Bool) -> Bool {
    for _ in 0..<500 {
        if condition() { return true }
        usleep(10_000)
    }
    return condition()
}
