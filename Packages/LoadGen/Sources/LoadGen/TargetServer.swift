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

// LoadGen's engine is epoll, so Linux only; elsewhere LoadTest.run and TargetServer throw
// LoadGenError.requiresLinux (TargetServer+Unavailable.swift).
#if os(Linux)

/// A small, fast HTTP/1.1 server for calibration and for LoadGen's own tests.
///
/// It answers every request with the same response, optionally after a delay or a stall, in
/// `Content-Length`, chunked or close-delimited form, and can inject faults (close, reset, malformed
/// response, hang) every n-th request. It counts the requests it received, so a test can check that a
/// load generator's count equals the server's exactly.
///
/// ```swift
/// let server = try TargetServer(TargetOptions())     // 127.0.0.1, a free port
/// defer { server.stop() }
/// print(server.port, server.requestCount)
/// ```
public final class TargetServer: Sendable {
    /// The port the server listens on.
    public let port: Int
    /// The options it runs with.
    public let options: TargetOptions
    private let shared: ServerShared
    private let listenFD: Int32
    private let threads: Mutex<[PosixThread]>

    /// Binds, listens and starts the server threads.
    /// - Throws: `LoadGenError.invalidField` for bad options, `.systemCallFailed` when the socket
    ///   cannot be bound (e.g. the port is in use).
    public init(_ options: TargetOptions) throws(LoadGenError) {
        func invalid(_ field: String, _ reason: String) -> LoadGenError {
            .invalidField(field: field, reason: reason, file: nil)
        }
        guard (0...65535).contains(options.port) else { throw invalid("port", "must be in 0...65535") }
        guard (1...64).contains(options.threads) else { throw invalid("threads", "must be in 1...64") }
        guard (100...599).contains(options.status) else { throw invalid("status", "must be in 100...599") }
        if let fault = options.fault, fault.every < 1 { throw invalid("fault", "every must be at least 1") }
        if let every = options.stallEvery, every <= .zero || options.stallFor <= .zero || options.stallFor > every {
            throw invalid("stall", "needs 0 < stallFor <= stallEvery")
        }
        guard (options.tlsCertificate == nil) == (options.tlsKey == nil) else {
            throw invalid("tls", "a TLS certificate needs its key, and a key its certificate")
        }
        let tls = try options.tlsCertificate.map { certificate throws(LoadGenError) in
            try TLSContext.server(certificate: certificate, key: options.tlsKey ?? "")
        }
        let fd = try ListeningSocket.open(host: options.host, port: options.port, backlog: 1024, field: "host")
        listenFD = fd
        port = Int(loadgen_bound_port(fd))
        self.options = options
        shared = ServerShared(options: options, tls: tls)
        threads = Mutex([])
        var started: [PosixThread] = []
        for _ in 0..<options.threads {
            let shared = self.shared
            do {
                let epfd = try ServerLoop.makeEventLoop(listenFD: fd, wakeFD: shared.wakeFD)
                started.append(
                    try PosixThread.start {
                        var loop = ServerLoop(epfd: epfd, listenFD: fd, shared: shared)
                        loop.run()
                    })
            } catch {
                shared.stop()
                for thread in started { thread.join() }
                close(fd)
                throw error
            }
        }
        threads.withLock { $0 = started }
    }

    deinit {
        stop()
    }

    /// Requests received so far (answered, delayed or faulted), over every thread.
    public var requestCount: Int {
        shared.requests.load(ordering: .relaxed)
    }

    /// Stops the threads, closes every connection and the listening socket. Idempotent.
    public func stop() {
        let running = threads.withLock { threads in
            defer { threads = [] }
            return threads
        }
        guard !running.isEmpty else { return }
        shared.stop()
        for thread in running { thread.join() }
        close(listenFD)
    }
}

/// What the server threads share: options, responses built once, the request counter, the stop signal.
final class ServerShared: Sendable {
    let options: TargetOptions
    let requests = Atomic<Int>(0)
    let stopping = Atomic<Bool>(false)
    /// One eventfd per thread would do as well; one shared counter wakes every loop.
    let wakeFD: Int32
    let startNs: UInt64
    let response: [UInt8]
    let closingResponse: [UInt8]
    /// With a TLS certificate: the server context.
    let tls: TLSContext?

    init(options: TargetOptions, tls: TLSContext? = nil) {
        self.options = options
        self.tls = tls
        wakeFD = loadgen_eventfd()
        startNs = MonotonicClock.now()
        response = ServerShared.buildResponse(options, closing: options.mode == .closeDelimited)
        closingResponse = ServerShared.buildResponse(options, closing: true)
    }

    deinit {
        close(wakeFD)
    }

    func stop() {
        stopping.store(true, ordering: .relaxed)
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
    }

    static func buildResponse(_ options: TargetOptions, closing: Bool) -> [UInt8] {
        let reason = options.status == 200 ? "OK" : "Status \(options.status)"
        var head = "HTTP/1.1 \(options.status) \(reason)\r\nContent-Type: text/plain\r\n"
        let body = options.body
        var tail: [UInt8] = body
        switch options.mode {
        case .contentLength:
            head += "Content-Length: \(body.count)\r\n"
            if closing { head += "Connection: close\r\n" }
        case .chunked:
            head += "Transfer-Encoding: chunked\r\n"
            if closing { head += "Connection: close\r\n" }
            let half = body.count / 2
            tail = []
            for part in [body[..<half], body[half...]] where !part.isEmpty {
                tail += Array("\(String(part.count, radix: 16))\r\n".utf8) + part + Array("\r\n".utf8)
            }
            tail += Array("0\r\n\r\n".utf8)
        case .closeDelimited:
            head += "Connection: close\r\n"
        }
        return Array((head + "\r\n").utf8) + tail
    }

    /// When a request received at `now` may be answered: after the delay, and after the stall it falls in.
    func dueTime(receivedAt now: UInt64) -> UInt64 {
        var due = now + options.delay.nanosecondsClamped
        if let every = options.stallEvery {
            let period = every.nanosecondsClamped
            let stall = options.stallFor.nanosecondsClamped
            let phase = (due - startNs) % period
            if phase >= period - stall { due += period - phase }
        }
        return due
    }
}

#endif
