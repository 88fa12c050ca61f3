import CLoadGen

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a load test sends its requests: an `http://` or `https://` URL split into host, port and path.
public struct Target: Sendable, Hashable, CustomStringConvertible {
    /// Whether the URL is `https://`: requests go over TLS (the system's OpenSSL 3, loaded when a run starts).
    public var isTLS = false
    /// The host as written, e.g. `127.0.0.1` or `localhost`; sent in the `Host` header.
    public var host: String
    /// The TCP port (80, or 443 for https, when the URL has none).
    public var port: Int
    /// The path and query, starting with `/`.
    public var path: String

    /// Parses `http://host[:port][/path]` or `https://host[:port][/path]`: HTTP/1.1 over IPv4, plain or TLS.
    /// - Throws: `LoadGenError.invalidURL` naming what is wrong.
    public init(url: String) throws(LoadGenError) {
        let scheme: String
        if url.hasPrefix("http://") {
            scheme = "http://"
        } else if url.hasPrefix("https://") {
            scheme = "https://"
            isTLS = true
        } else {
            throw .invalidURL(url, reason: "it does not start with http:// or https://")
        }
        let rest = url.dropFirst(scheme.count)
        let slash = rest.firstIndex(of: "/")
        let authority = slash.map { rest[..<$0] } ?? rest
        path = slash.map { String(rest[$0...]) } ?? "/"
        guard !authority.isEmpty else { throw .invalidURL(url, reason: "the host is missing") }
        guard !authority.contains("@"), !authority.hasPrefix("[") else {
            throw .invalidURL(url, reason: "user info and IPv6 addresses are not supported")
        }
        if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            guard let port = Int(authority[authority.index(after: colon)...]), (1...65535).contains(port) else {
                throw .invalidURL(url, reason: "the port is not a number in 1...65535")
            }
            self.port = port
        } else {
            host = String(authority)
            port = isTLS ? 443 : 80
        }
        guard !host.isEmpty else { throw .invalidURL(url, reason: "the host is missing") }
        guard path.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw .invalidURL(url, reason: "the path has spaces or non-ASCII characters; percent-encode them")
        }
    }

    /// The URL, `http://host:port/path` (or `https://`).
    public var description: String { "\(isTLS ? "https" : "http")://\(host):\(port)\(path)" }

    /// Whether the host is an IPv4 address literal (then no SNI is sent, and the certificate must name the address).
    public var hostIsAddress: Bool {
        var address = in_addr()
        return inet_pton(AF_INET, host, &address) == 1
    }

    /// Whether the host is a loopback address (`127.0.0.0/8` or `localhost`).
    public var isLoopback: Bool {
        if host == "localhost" { return true }
        guard let address = try? resolveIPv4() else { return false }
        return UInt32(bigEndian: address) >> 24 == 127
    }

    /// The IPv4 address of the host, in network byte order.
    /// - Throws: `LoadGenError.unresolvableHost`.
    public func resolveIPv4() throws(LoadGenError) -> UInt32 {
        var address = in_addr()
        if inet_pton(AF_INET, host, &address) == 1 { return address.s_addr }
        var hints = addrinfo()
        hints.ai_family = AF_INET
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM // a plain Int32 on Darwin
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0, let first = list, let socketAddress = first.pointee.ai_addr else {
            throw .unresolvableHost(host, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }
        return socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr.s_addr }
    }
}
