import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The server half of the demo service: epoll, eventfd and SO_REUSEPORT balancing, so Linux only. Elsewhere
// demo-service says so and exits 2; the service's logic (routes, JSON, sessions) builds everywhere.
#if os(Linux)

/// Opening the listening sockets: one per event loop, all bound to the same port with `SO_REUSEPORT`, so the
/// kernel spreads new connections over the loops without a shared accept lock.
enum ListeningSocket {
    /// Opens a non-blocking listening socket on `host:port` and returns it with the port actually bound.
    ///
    /// - Throws: `DemoServiceError.cannotListen` with the system's reason (address in use, permission denied).
    static func open(host: String, port: Int, backlog: Int32) throws(DemoServiceError) -> (fd: Int32, port: Int) {
        let address = "\(host):\(port)"
        guard let ip = IPv4Address(host) else {
            throw .invalidValue(flag: "--host", value: host, expected: "a numeric IPv4 address such as 127.0.0.1")
        }
        let fd = socket(
            AF_INET,
            Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
                | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .cannotListen(address: address, reason: SystemError.text(for: errno)) }
        var one: Int32 = 1
        let size = socklen_t(MemoryLayout<Int32>.size)
        guard setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, size) == 0,
            setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, size) == 0
        else {
            let reason = SystemError.text(for: errno)
            close(fd)
            throw .cannotListen(address: address, reason: reason)
        }
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = in_port_t(UInt16(port).bigEndian)
        socketAddress.sin_addr = ip.networkOrder
        let bound = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, backlog) == 0 else {
            let reason = SystemError.text(for: errno)
            close(fd)
            throw .cannotListen(address: address, reason: reason)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else {
            let reason = SystemError.text(for: errno)
            close(fd)
            throw .cannotListen(address: address, reason: reason)
        }
        return (fd, Int(UInt16(bigEndian: actual.sin_port)))
    }
}

#endif
