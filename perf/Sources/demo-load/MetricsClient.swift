import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `GET /metrics` from the demo service on 127.0.0.1: one blocking request on a fresh connection with 5 s
/// timeouts. Used between measured windows and once a sample during a soak, never per request of the load.
enum MetricsClient {
    /// Fetches and parses the service's metrics page.
    /// - Throws: `DemoLoadError.scrape` when the service cannot be reached or does not answer 200.
    static func scrape(port: Int) throws(DemoLoadError) -> MetricsScrape {
        try MetricsScrape(text: try fetch(port: port, path: "/metrics"))
    }

    /// The body of a `GET` of `path`, answered 200 with `Connection: close`.
    static func fetch(port: Int, path: String) throws(DemoLoadError) -> String {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        let sendFlags = Int32(MSG_NOSIGNAL)
        #else
        // Darwin: plain Int32 constants, no SOCK_CLOEXEC and no MSG_NOSIGNAL (SO_NOSIGPIPE instead).
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        let sendFlags: Int32 = 0
        if fd >= 0 {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            var one: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        }
        #endif
        guard fd >= 0 else { throw .scrape("socket: \(SystemError.text(for: errno))") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(clamping: port).bigEndian)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            throw .scrape("cannot connect to 127.0.0.1:\(port): \(SystemError.text(for: errno))")
        }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        let sent = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, sendFlags) }
        guard sent == request.count else { throw .scrape("cannot send the request to 127.0.0.1:\(port)") }
        var response: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            guard count > 0 else {
                if errno == EINTR { continue }
                throw .scrape("no complete answer from 127.0.0.1:\(port) within 5 s")
            }
            response.append(contentsOf: chunk[0..<count])
        }
        let text = String(decoding: response, as: UTF8.self)
        guard let headEnd = text.firstRange(of: "\r\n\r\n") else {
            throw .scrape("the answer from 127.0.0.1:\(port) has no complete head")
        }
        let statusLine = text[..<headEnd.lowerBound].prefix { $0 != "\r" }
        guard statusLine.split(separator: " ").dropFirst().first == "200" else {
            throw .scrape("127.0.0.1:\(port)\(path) answered '\(statusLine)'")
        }
        return String(text[headEnd.upperBound...])
    }
}
