import CLoadGen
import PerfSupport
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 server for `GET /metrics` (the Prometheus text exposition of a `LiveFeed`), on its own
/// thread, one connection at a time, so that serving never runs on the load's threads: it waits in `poll` on
/// the listening socket (waking every 100 ms to see whether to stop), reads one request head (at most 8 KiB,
/// 2 s), answers it with `Connection: close` and closes. `GET` and `HEAD` of `/metrics` (with any query) get
/// 200; other paths 404; other methods 405; a request it cannot read 400.
///
/// ```swift
/// let feed = LiveFeed()
/// let server = try MetricsServer(host: "127.0.0.1", port: 9464, feed: feed)
/// defer { server.stop() }
/// ```
public final class MetricsServer: Sendable {
    /// The address it listens on.
    public let host: String
    /// The port it listens on (the one asked for, or the one the system chose for 0).
    public let port: Int
    /// Where the figures come from.
    public let feed: LiveFeed
    private let listenFD: Int32
    private let running = Atomic<Bool>(true)
    private let served = Atomic<Int>(0)
    private let thread = Mutex<PosixThread?>(nil)

    /// Listens on `host:port` (an IPv4 address; port 0 picks a free one) and starts serving.
    /// - Throws: `LoadGenError.invalidField` for an address that is not IPv4 or a port outside 0…65535,
    ///   `.systemCallFailed` when it cannot listen (`EADDRINUSE`: the port is in use) or start its thread.
    public init(host: String, port: Int, feed: LiveFeed) throws(LoadGenError) {
        guard (0...65535).contains(port) else {
            throw .invalidField(field: "metrics-port", reason: "must be in 0...65535, got \(port)", file: nil)
        }
        let fd = try ListeningSocket.open(host: host, port: port, backlog: 16, field: "metrics-address")
        self.host = host
        self.port = Int(loadgen_bound_port(fd))
        self.feed = feed
        listenFD = fd
        do {
            let started = try PosixThread.start { [self] in serveUntilStopped() }
            thread.withLock { $0 = started }
        } catch {
            close(fd)
            throw error
        }
    }

    /// The requests answered with figures so far.
    public var scrapes: Int { served.load(ordering: .relaxed) }

    /// Stops serving and closes the port: within about 100 ms, or when the request being answered is done (at
    /// most 4 s). Idempotent. The serving thread holds the server until then.
    public func stop() {
        running.store(false, ordering: .relaxed)
        let started = thread.withLock { thread -> PosixThread? in
            defer { thread = nil }
            return thread
        }
        guard let started else { return }
        started.join()
        close(listenFD)
    }

    private func serveUntilStopped() {
        while running.load(ordering: .relaxed) {
            guard ControlChannel.wait(listenFD, events: Int16(POLLIN), deadlineNs: MonotonicClock.now() + 100_000_000)
            else { continue }
            let fd = accept(listenFD, nil, nil)
            guard fd >= 0 else { continue }
            // Blocking, bounded: a client that sends or reads nothing holds the server 2 s at most each way.
            var limit = timeval(tv_sec: 2, tv_usec: 0)
            _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            answer(fd)
            close(fd)
        }
    }

    /// Reads one request head from `fd` and writes the answer.
    private func answer(_ fd: Int32) {
        var head: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return }
            head.append(contentsOf: chunk[..<count])
            guard head.count <= 8192 else { return write(fd, status: "431 Request Header Fields Too Large") }
            if head.withUnsafeBufferPointer({ loadgen_find_head_end($0.baseAddress, $0.count) }) >= 0 { break }
        }
        let requestLine = head.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }
        let parts = requestLine.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].starts(with: Array("HTTP/1.".utf8)) else {
            return write(fd, status: "400 Bad Request")
        }
        let method = String(decoding: parts[0], as: UTF8.self)
        let path = String(decoding: parts[1].prefix { $0 != UInt8(ascii: "?") }, as: UTF8.self)
        guard path == "/metrics" else { return write(fd, status: "404 Not Found", body: "loadgen serves /metrics\n") }
        guard method == "GET" || method == "HEAD" else {
            return write(fd, status: "405 Method Not Allowed", extra: "Allow: GET, HEAD\r\n")
        }
        let body = PrometheusText.render(feed.current())
        served.add(1, ordering: .relaxed)
        write(fd, status: "200 OK", contentType: PrometheusText.contentType, body: body, headOnly: method == "HEAD")
    }

    private func write(
        _ fd: Int32, status: String, contentType: String = "text/plain; charset=utf-8", extra: String = "",
        body: String = "", headOnly: Bool = false
    ) {
        let bytes = Array(body.utf8)
        var response = Array(
            ("HTTP/1.1 \(status)\r\nContent-Type: \(contentType)\r\nContent-Length: \(bytes.count)\r\n"
                + "\(extra)Connection: close\r\n\r\n").utf8)
        if !headOnly { response += bytes }
        var offset = 0
        while offset < response.count {
            let written = response.withUnsafeBytes { loadgen_send(fd, $0.baseAddress! + offset, $0.count - offset) }
            guard written > 0 else { return }
            offset += written
        }
    }
}
