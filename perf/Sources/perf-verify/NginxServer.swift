import PerfResult
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// nginx on a loopback port, answering every request with a fixed 6-byte body from memory (`return 200`), one
/// process (`master_process off`), its files in the work directory; stopped with SIGTERM.
struct NginxServer {
    let process: SpawnedProcess
    let port: Int

    /// The configuration: nothing read from disk per request, no log per request.
    static func configuration(port: Int, directory: String) -> String {
        """
        daemon off;
        master_process off;
        worker_processes 1;
        pid \(directory)/nginx.pid;
        error_log \(directory)/nginx-error.log warn;
        events { worker_connections 4096; }
        http {
            access_log off;
            client_body_temp_path \(directory)/nginx-body;
            proxy_temp_path \(directory)/nginx-proxy;
            fastcgi_temp_path \(directory)/nginx-fastcgi;
            uwsgi_temp_path \(directory)/nginx-uwsgi;
            scgi_temp_path \(directory)/nginx-scgi;
            keepalive_requests 100000000;
            server {
                listen 127.0.0.1:\(port);
                location / { return 200 "hello\\n"; }
            }
        }

        """
    }

    /// Starts nginx and waits until it accepts connections (at most 5 s).
    /// - Throws: `VerifyFailure` when it cannot start or never listens.
    static func start(_ nginx: String, port: Int, context: VerifyContext) throws -> NginxServer {
        let configuration = context.file("nginx.conf")
        try PerfResultFile.write(self.configuration(port: port, directory: context.workDirectory), to: configuration)
        let process = try ChildProcess(
            nginx, ["-p", context.workDirectory, "-c", configuration], environment: context.environment
        ).spawn(standardOutput: .discard, standardError: .file(path: context.file("nginx-stderr.log"), append: false))
        for _ in 0..<100 {
            if acceptsConnections(port: port) { return NginxServer(process: process, port: port) }
            if let ending = try process.poll() {
                throw VerifyFailure("nginx ended (\(ending)) before listening; see \(context.file("nginx-stderr.log"))")
            }
            usleep(50_000)
        }
        try process.terminate(grace: .seconds(2))
        throw VerifyFailure("nginx did not listen on 127.0.0.1:\(port) within 5 s")
    }

    /// Stops it.
    func stop() {
        _ = try? process.terminate(grace: .seconds(5))
    }

    /// Whether something accepts a TCP connection on 127.0.0.1:`port`.
    static func acceptsConnections(port: Int) -> Bool {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0) // Darwin: a plain Int32, no SOCK_CLOEXEC (closed at once)
        #endif
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(0x7f00_0001).bigEndian
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return result == 0
    }
}

/// A check that could not run to its end, with why.
struct VerifyFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Text files the checks write (configurations).
enum PerfResultFile {
    static func write(_ text: String, to path: String) throws {
        try AtomicFile.write(Array(text.utf8), to: path)
    }
}
