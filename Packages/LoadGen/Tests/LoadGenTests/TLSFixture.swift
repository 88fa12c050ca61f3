import CLoadGen
import PerfResult
import PerfSupport
import Synchronization

@testable import LoadGen

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The fixture's directory, removed at exit (a C exit handler cannot capture it).
nonisolated(unsafe) private var fixtureDirectory: String?

/// Certificates made for the TLS tests at run time with the `openssl` command-line tool, in a temporary
/// directory (nothing is committed): a self-signed certificate for `localhost` and `127.0.0.1` and its key,
/// another self-signed one (a CA the server does not use), one naming another host, and an expired one.
struct TLSFixture: Sendable {
    /// `/usr/bin/openssl` (or the first on PATH); `nil` skips the TLS tests.
    static let openssl: String? = ["/usr/bin/openssl", "/usr/local/bin/openssl", "/bin/openssl"].first {
        access($0, X_OK) == 0
    }

    /// Whether the TLS tests can run: the tool to make certificates and the library to use them.
    static var available: Bool { openssl != nil && (try? TLSLibrary.load()) != nil }

    /// Made once per test process.
    static let shared: Swift.Result<TLSFixture, any Error> = Swift.Result { try TLSFixture() }

    let directory: String
    let key: String
    let certificate: String
    let otherCA: String
    let wrongHost: String
    let expired: String

    private init() throws {
        directory = temporaryPath("tls")
        guard mkdir(directory, 0o700) == 0 else { throw SystemError("mkdir \(directory)", code: errno) }
        // The keys and certificates go when the test process exits.
        fixtureDirectory = directory
        atexit {
            guard let directory = fixtureDirectory else { return }
            for name in ["key", "cert", "other-ca", "wrong-host", "expired", "expired.csr", "expired.ext"] {
                unlink(directory + "/" + (name.contains(".") ? name : name + ".pem"))
            }
            rmdir(directory)
        }
        key = directory + "/key.pem"
        certificate = directory + "/cert.pem"
        otherCA = directory + "/other-ca.pem"
        wrongHost = directory + "/wrong-host.pem"
        expired = directory + "/expired.pem"
        try TLSFixture.openssl(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key])
        try selfSigned(certificate, subject: "/CN=localhost", names: "DNS:localhost,IP:127.0.0.1")
        try selfSigned(otherCA, subject: "/CN=LoadGen other CA", names: "DNS:other-ca.invalid")
        try selfSigned(wrongHost, subject: "/CN=other.invalid", names: "DNS:other.invalid")
        // Expired: -days -1 puts notAfter a day before notBefore (now), which OpenSSL 3.0's x509 accepts.
        let request = directory + "/expired.csr"
        let extensions = directory + "/expired.ext"
        try AtomicFile.write(Array("subjectAltName=DNS:localhost,IP:127.0.0.1\n".utf8), to: extensions)
        try TLSFixture.openssl(["req", "-new", "-key", key, "-subj", "/CN=localhost", "-out", request])
        try TLSFixture.openssl([
            "x509", "-req", "-in", request, "-signkey", key, "-days", "-1", "-extfile", extensions, "-out", expired,
        ])
    }

    private func selfSigned(_ path: String, subject: String, names: String) throws {
        try TLSFixture.openssl([
            "req", "-x509", "-new", "-key", key, "-days", "2", "-subj", subject, "-addext", "subjectAltName=\(names)",
            "-out", path,
        ])
    }

    private static func openssl(_ arguments: [String]) throws {
        let outcome = try ChildProcess(openssl!, arguments, environment: ["PATH": "/usr/bin:/bin"]).run(
            timeout: .seconds(60))
        guard outcome.termination == .exited(0) else {
            throw SystemError("openssl \(arguments.joined(separator: " ")): \(outcome.standardErrorText)", code: 0)
        }
    }

    /// A TLS `TargetServer` with `certificate` (this fixture's by default) and the fixture's key.
    func server(certificate: String? = nil, options: TargetOptions = TargetOptions()) throws -> TargetServer {
        var options = options
        options.tlsCertificate = certificate ?? self.certificate
        options.tlsKey = key
        return try TargetServer(options)
    }
}

/// A server that is no TLS server: it accepts, reads what the client sent first (its ClientHello), then closes
/// (`closeAfterFirstRead`) or answers like an HTTP server on a plain port (`answerPlainHTTP`) and closes.
final class RawServer: Sendable {
    enum Behaviour: Sendable { case closeAfterFirstRead, answerPlainHTTP }

    let port: Int
    private let fd: Int32
    private final class StopFlag: Sendable { let value = Atomic<Bool>(false) }
    private let stopping = StopFlag()
    private let thread: Mutex<PosixThread?> = Mutex(nil)

    init(_ behaviour: Behaviour) throws {
        fd = loadgen_tcp_socket()
        _ = loadgen_set_reuseaddr(fd)
        var address = in_addr()
        _ = inet_pton(AF_INET, "127.0.0.1", &address)
        guard loadgen_bind_listen_ipv4(fd, address.s_addr, 0, 64) == 0 else { throw SystemError("bind", code: errno) }
        port = Int(loadgen_bound_port(fd))
        let listenFD = fd
        let stopping = self.stopping
        let started = try PosixThread.start {
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: 4096, alignment: 8)
            defer { buffer.deallocate() }
            while !stopping.value.load(ordering: .relaxed) {
                var listening = pollfd(fd: listenFD, events: Int16(POLLIN), revents: 0)
                guard poll(&listening, 1, 50) > 0 else { continue }
                let client = loadgen_accept(listenFD)
                guard client >= 0 else { continue }
                var readable = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
                if poll(&readable, 1, 2000) > 0, read(client, buffer, 4096) > 0, behaviour == .answerPlainHTTP {
                    let answer = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    _ = answer.withCString { loadgen_send(client, $0, strlen($0)) }
                }
                close(client)
            }
        }
        thread.withLock { $0 = started }
    }

    func stop() {
        stopping.value.store(true, ordering: .relaxed)
        if let started = thread.withLock({ value in
            defer { value = nil }; return value
        }) {
            started.join()
            close(fd)
        }
    }

    deinit { stop() }
}
