#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A numeric IPv4 address, parsed with `inet_pton`; the service listens on IPv4 only.
struct IPv4Address: Equatable {
    /// The address in network byte order, as `sockaddr_in.sin_addr` wants it.
    let networkOrder: in_addr

    /// Parses dotted-quad text such as `127.0.0.1`; `nil` for anything else (including host names).
    init?(_ text: String) {
        var address = in_addr()
        guard inet_pton(AF_INET, text, &address) == 1 else { return nil }
        networkOrder = address
    }

    static func == (left: IPv4Address, right: IPv4Address) -> Bool {
        left.networkOrder.s_addr == right.networkOrder.s_addr
    }
}
