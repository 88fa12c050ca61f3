import CLoadGen

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The listening TCP socket of LoadGen's servers (`TargetServer`, `Coordinator`, `MetricsServer`).
enum ListeningSocket {
    /// A socket listening on `host:port` (an IPv4 address; port 0 lets the system choose) with `SO_REUSEADDR`.
    /// - Parameter field: the setting that named `host`, for the error (`host`, `listen`, `metrics-address`).
    /// - Throws: `LoadGenError.invalidField` for a host that is not an IPv4 address, `.systemCallFailed` when the
    ///   socket cannot be made or bound (`EADDRINUSE`: the port is in use).
    static func open(host: String, port: Int, backlog: Int32, field: String) throws(LoadGenError) -> Int32 {
        var address = in_addr()
        guard inet_pton(AF_INET, host, &address) == 1 else {
            throw .invalidField(field: field, reason: "\"\(host)\" is not an IPv4 address", file: nil)
        }
        let fd = loadgen_tcp_socket()
        guard fd >= 0 else { throw .systemCallFailed(call: "socket", errno: errno) }
        _ = loadgen_set_reuseaddr(fd)
        guard loadgen_bind_listen_ipv4(fd, address.s_addr, UInt16(port), backlog) == 0 else {
            let code = errno
            close(fd)
            throw .systemCallFailed(call: "bind/listen on \(host):\(port)", errno: code)
        }
        return fd
    }
}
