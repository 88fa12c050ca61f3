import CLoadGen
public import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One TCP connection of the coordination protocol: a JSON object per line, each with a `type`; a `result`
/// line (`{"type": "result", "bytes": N}`) is followed by N bytes, the worker's report file. Every wait is
/// bounded by a deadline (`MonotonicClock`); a line longer than `maximumLine` or a payload longer than
/// `maximumPayload` is an error, as is anything that is not a JSON object with a string `type`.
public final class ControlChannel {
    /// The longest line accepted.
    public static let maximumLine = 1 << 20
    /// The largest result payload accepted.
    public static let maximumPayload = 1 << 28

    /// The connected, non-blocking socket.
    public let fd: Int32
    /// What messages name the other end by (`shard 2`, `127.0.0.1:40312`).
    public var peer: String
    private var buffer: [UInt8] = []
    private var closed = false

    /// Takes over the connected socket `fd` (closed with the channel).
    public init(fd: Int32, peer: String) {
        self.fd = fd
        self.peer = peer
        _ = loadgen_set_nodelay(fd)
    }

    deinit { close(fd) }

    /// Connects to `host:port`, retrying every 250 ms (the coordinator may not listen yet, its name may not
    /// resolve yet) until `deadlineNs`.
    /// - Throws: `LoadGenError.coordinationFailed` naming the address and the last error.
    public static func connect(host: String, port: Int, deadlineNs: UInt64) throws(LoadGenError) -> ControlChannel {
        var lastError = "no attempt"
        repeat {
            do {
                let address = try Target(url: "http://\(host):\(port)/").resolveIPv4()
                let fd = loadgen_tcp_socket()
                guard fd >= 0 else { throw LoadGenError.systemCallFailed(call: "socket", errno: errno) }
                if loadgen_connect_ipv4(fd, address, UInt16(port)) == 0 || errno == EINPROGRESS {
                    if wait(
                        fd, events: Int16(POLLOUT), deadlineNs: min(deadlineNs, MonotonicClock.now() + 2_000_000_000)),
                        loadgen_socket_error(fd) == 0
                    {
                        return ControlChannel(fd: fd, peer: "\(host):\(port)")
                    }
                    let code = loadgen_socket_error(fd)
                    lastError = code == 0 ? "timed out" : SystemError.text(for: code)
                } else {
                    lastError = SystemError.text(for: errno)
                }
                close(fd)
            } catch {
                lastError = "\(error)"
            }
            PosixThread.sleep(nanoseconds: 250_000_000)
        } while MonotonicClock.now() < deadlineNs
        throw .coordinationFailed(reason: "cannot connect to the coordinator at \(host):\(port): \(lastError)")
    }

    /// Sends `message` as one line.
    /// - Throws: `LoadGenError.coordinationFailed` when the peer is gone or does not read before `deadlineNs`.
    public func send(_ message: JSONValue, deadlineNs: UInt64) throws(LoadGenError) {
        // The writer breaks lines only between members (newlines inside strings are escaped): one line.
        var text = Array(message.serialized(indent: 0).utf8.filter { $0 != UInt8(ascii: "\n") })
        text.append(UInt8(ascii: "\n"))
        try send(bytes: text, deadlineNs: deadlineNs)
    }

    /// Sends raw bytes (a result's payload).
    /// - Throws: as `send(_:deadlineNs:)`.
    public func send(bytes: [UInt8], deadlineNs: UInt64) throws(LoadGenError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                loadgen_send(fd, raw.baseAddress! + offset, raw.count - offset)
            }
            if written > 0 {
                offset += written
            } else if written < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                guard ControlChannel.wait(fd, events: Int16(POLLOUT), deadlineNs: deadlineNs) else {
                    throw .coordinationFailed(reason: "\(peer) did not read what was sent in time")
                }
            } else {
                throw .coordinationFailed(reason: "\(peer) is gone: \(SystemError.text(for: errno))")
            }
        }
    }

    /// The next message, waiting for it until `deadlineNs`.
    /// - Returns: the message (an object with a string `type`), or `nil` when the deadline passed first.
    /// - Throws: `LoadGenError.coordinationFailed` when the peer closed the connection or sent something that is
    ///   not a message (the text quotes the start of it).
    public func receive(deadlineNs: UInt64) throws(LoadGenError) -> JSONValue? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                return try ControlChannel.message(line, from: peer)
            }
            guard buffer.count <= ControlChannel.maximumLine else {
                throw .coordinationFailed(reason: "\(peer) sent a line longer than \(ControlChannel.maximumLine) bytes")
            }
            guard try fill(deadlineNs: deadlineNs) else { return nil }
        }
    }

    /// Exactly `count` bytes (a result's payload), waiting until `deadlineNs`.
    /// - Throws: `LoadGenError.coordinationFailed` when the peer closed first or the deadline passed.
    public func receive(count: Int, deadlineNs: UInt64) throws(LoadGenError) -> [UInt8] {
        guard (0...ControlChannel.maximumPayload).contains(count) else {
            throw .coordinationFailed(
                reason: "\(peer) announced \(count) bytes, more than \(ControlChannel.maximumPayload)")
        }
        while buffer.count < count {
            guard try fill(deadlineNs: deadlineNs) else {
                throw .coordinationFailed(reason: "\(peer) sent \(buffer.count) of \(count) bytes in time")
            }
        }
        let payload = Array(buffer[..<count])
        buffer.removeSubrange(..<count)
        return payload
    }

    /// Reads what has arrived into the buffer, waiting until `deadlineNs`.
    /// - Returns: `false` when the deadline passed without data.
    private func fill(deadlineNs: UInt64) throws(LoadGenError) -> Bool {
        guard !closed else { throw .coordinationFailed(reason: "\(peer) closed the connection") }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
                return true
            }
            if count == 0 {
                closed = true
                throw .coordinationFailed(reason: "\(peer) closed the connection")
            }
            guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else {
                closed = true
                throw .coordinationFailed(reason: "\(peer) is gone: \(SystemError.text(for: errno))")
            }
            guard ControlChannel.wait(fd, events: Int16(POLLIN), deadlineNs: deadlineNs) else { return false }
        }
    }

    /// A line as a message: a JSON object with a string `type`.
    static func message(_ line: [UInt8], from peer: String) throws(LoadGenError) -> JSONValue {
        let quoted = String(decoding: line.prefix(80), as: UTF8.self)
        let value: JSONValue
        do {
            value = try JSONValue.parse(line, path: peer)
        } catch {
            throw .coordinationFailed(reason: "\(peer) sent something that is not a message: \"\(quoted)\"")
        }
        guard value["type"]?.stringValue != nil else {
            throw .coordinationFailed(reason: "\(peer) sent a message without a type: \"\(quoted)\"")
        }
        return value
    }

    /// Waits until `fd` is ready for `events` or `deadlineNs` passes.
    /// - Returns: whether it is ready (an error or hang-up counts as ready: the next call reports it).
    static func wait(_ fd: Int32, events: Int16, deadlineNs: UInt64) -> Bool {
        while true {
            let now = MonotonicClock.now()
            let timeout = now >= deadlineNs ? 0 : Int32(min((deadlineNs - now + 999_999) / 1_000_000, 1_000_000))
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let status = poll(&entry, 1, timeout)
            if status > 0 { return true }
            if status < 0, errno == EINTR { continue }
            if MonotonicClock.now() >= deadlineNs { return false }
        }
    }
}

extension JSONValue {
    /// A protocol message: an object whose first member is `type`.
    static func message(_ type: String, _ members: [(String, JSONValue)] = []) -> JSONValue {
        .object([.init(key: "type", value: .string(type))] + members.map { .init(key: $0.0, value: $0.1) })
    }
}
