import CLoadGen
import CLoadGenTLS
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A service's readiness check: one blocking `GET` of its readiness URL with short timeouts (never on a hot
/// path), over TLS for an `https://` URL, with the run's verification settings.
struct ReadinessProbe {
    let target: Target
    let address: UInt32
    /// The client context of an `https://` URL, made once for every try.
    let context: TLSContext?
    let serverName: String?
    let verifyHost: String?

    /// - Throws: `LoadGenError.invalidURL` / `.unresolvableHost` for the URL; for `https://`,
    ///   `.tlsUnavailable` without libssl and `.tlsSetupFailed` when the CA file cannot be loaded.
    init(url: String, tls settings: TLSSettings) throws(LoadGenError) {
        target = try Target(url: url)
        address = try target.resolveIPv4()
        context = target.isTLS ? try TLSContext.client(settings) : nil
        serverName = target.hostIsAddress ? nil : target.host
        verifyHost = settings.verify ? target.host : nil
    }

    /// One try: `nil` when the service answered 2xx or 3xx, otherwise what happened instead
    /// (`connection refused`, `answered 503`, `TLS: certificate verify failed: …`).
    func attempt() -> String? {
        let fd = loadgen_tcp_socket()
        guard fd >= 0 else { return "no socket: \(SystemError.text(for: errno))" }
        defer { close(fd) }
        if loadgen_connect_ipv4(fd, address, UInt16(target.port)) != 0 {
            guard errno == EINPROGRESS else { return SystemError.text(for: errno) }
            guard Self.wait(fd, for: Int16(POLLOUT)) else { return "no connection within 1 s" }
            let error = loadgen_socket_error(fd)
            guard error == 0 else { return SystemError.text(for: error) }
        }
        let request = Array("GET \(target.path) HTTP/1.1\r\nHost: \(target.host)\r\nConnection: close\r\n\r\n".utf8)
        var buffer = [UInt8](repeating: 0, count: 512)
        let received: Int
        switch context.map({ exchangeTLS(fd, $0, request, into: &buffer) }) ?? exchange(fd, request, into: &buffer) {
        case let .failure(reason): return reason.text
        case let .success(count): received = count
        }
        var parser = HTTPResponseParser()
        let step = buffer.withUnsafeBytes {
            parser.parse(UnsafeRawBufferPointer(rebasing: $0[0..<received]), headRequest: false)
        }
        guard step.event != .malformed, received >= 12 else { return "no HTTP response" }
        return (200..<400).contains(parser.statusCode) ? nil : "answered \(parser.statusCode)"
    }

    /// Why a try failed, for the timeout message.
    struct Failure: Error {
        var text: String
    }

    /// Plain HTTP: sends `request` and reads the status line (at least 12 bytes) into `buffer`.
    private func exchange(_ fd: Int32, _ request: [UInt8], into buffer: inout [UInt8]) -> Result<Int, Failure> {
        guard request.withUnsafeBytes({ loadgen_send(fd, $0.baseAddress, $0.count) }) == request.count else {
            return .failure(Failure(text: "cannot send: \(SystemError.text(for: errno))"))
        }
        var received = 0
        while received < 12, Self.wait(fd, for: Int16(POLLIN)) {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + received, $0.count - received) }
            if count <= 0 { break }
            received += count
        }
        return .success(received)
    }

    /// HTTPS: the handshake (verified as the run verifies), then `request` and the status line through OpenSSL.
    private func exchangeTLS(_ fd: Int32, _ context: TLSContext, _ request: [UInt8], into buffer: inout [UInt8])
        -> Result<Int, Failure>
    {
        let connection = UnsafeMutablePointer<lg_tls_conn>.allocate(capacity: 1)
        connection.initialize(to: lg_tls_conn())
        defer {
            lg_tls_release(connection)
            connection.deallocate()
        }
        func failed(_ duringHandshake: Bool) -> Result<Int, Failure> {
            .failure(Failure(text: "TLS: " + TLSFailureKey(connection.pointee, duringHandshake: duringHandshake).text))
        }
        /// Waits for what OpenSSL asked for; false on anything else or after 1 s.
        func waitFor(_ status: Int) -> Bool {
            switch status {
            case Int(LG_TLS_WANT_READ): return Self.wait(fd, for: Int16(POLLIN))
            case Int(LG_TLS_WANT_WRITE): return Self.wait(fd, for: Int16(POLLOUT))
            default: return false
            }
        }
        guard lg_tls_start(connection, context.pointer, fd, serverName, verifyHost, 0) == 0 else { return failed(true) }
        while true {
            let status = Int(lg_tls_handshake(connection))
            if status == Int(LG_TLS_DONE) { break }
            if status == Int(LG_TLS_ERROR) { return failed(true) }
            guard waitFor(status) else { return .failure(Failure(text: "TLS: no handshake within 1 s")) }
        }
        var sent = 0
        while sent < request.count {
            let written = request.withUnsafeBytes { bytes in
                var vector = iovec(
                    iov_base: UnsafeMutableRawPointer(mutating: bytes.baseAddress! + sent), iov_len: bytes.count - sent)
                return lg_tls_writev(connection, &vector, 1, nil, 0)
            }
            if written > 0 {
                sent += written
            } else if written == Int(LG_TLS_ERROR) || !waitFor(written) {
                return written == Int(LG_TLS_ERROR) ? failed(false) : .failure(Failure(text: "TLS: cannot send"))
            }
        }
        var received = 0
        while received < 12 {
            let count = buffer.withUnsafeMutableBytes {
                lg_tls_read(connection, $0.baseAddress! + received, $0.count - received)
            }
            if count > 0 {
                received += count
            } else if count == 0 || count == Int(LG_TLS_ERROR) || !waitFor(count) {
                break
            }
        }
        return .success(received)
    }

    private static func wait(_ fd: Int32, for events: Int16) -> Bool {
        var entry = pollfd(fd: fd, events: events, revents: 0)
        return poll(&entry, 1, 1000) == 1
    }
}
