import PerfResult
import PerfSupport

@testable import LoadGen

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One HTTP exchange with a server on 127.0.0.1: the status, the head and the body of the answer.
struct HTTPAnswer {
    var status: Int
    var head: String
    var body: String
}

/// Sends `request` (a whole request, head and all) to 127.0.0.1:`port` and reads the answer until the server
/// closes; every wait is bounded (2 s each way).
func exchange(port: Int, _ request: String) throws -> HTTPAnswer {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw SystemError("socket", code: errno) }
    defer { close(fd) }
    var limit = timeval(tv_sec: 2, tv_usec: 0)
    _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
    }
    guard connected == 0 else { throw SystemError("connect 127.0.0.1:\(port)", code: errno) }
    let bytes = Array(request.utf8)
    guard send(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else {
        throw SystemError("send", code: errno)
    }
    var answer: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = recv(fd, &chunk, chunk.count, 0)
        if count < 0 { throw SystemError("recv", code: errno) }
        if count == 0 { break }
        answer.append(contentsOf: chunk[..<count])
    }
    let text = String(decoding: answer, as: UTF8.self)
    guard let split = text.firstRange(of: "\r\n\r\n") else { throw SystemError("no HTTP head in the answer", code: 0) }
    let head = String(text[..<split.lowerBound])
    let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
    return HTTPAnswer(status: status, head: head, body: String(text[split.upperBound...]))
}

/// `GET /metrics` from 127.0.0.1:`port`: the exposition text.
func scrape(port: Int) throws -> String {
    try exchange(port: port, "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").body
}

/// The samples of an exposition: `name{labels}` → value as written (HELP and TYPE lines left out).
func samples(_ exposition: String) -> [String: String] {
    var values: [String: String] = [:]
    for line in exposition.split(separator: "\n") where !line.hasPrefix("#") {
        guard let space = line.lastIndex(of: " ") else { continue }
        values[String(line[..<space])] = String(line[line.index(after: space)...])
    }
    return values
}

/// The file at `path` once it has a line containing `text`, waiting up to `seconds`; `nil` if it never did.
func waitForText(_ text: String, in path: String, seconds: Double = 30) -> String? {
    let end = MonotonicClock.now() + UInt64(seconds * 1e9)
    while MonotonicClock.now() < end {
        if let bytes = try? AtomicFile.read(path) {
            let content = String(decoding: bytes, as: UTF8.self)
            if content.contains(text) { return content }
        }
        PosixThread.sleep(nanoseconds: 20_000_000)
    }
    return nil
}

/// The number right after `marker` in `text`.
func number(after marker: String, in text: String) -> Int? {
    guard let range = text.firstRange(of: marker) else { return nil }
    return Int(text[range.upperBound...].prefix { $0.isNumber })
}

/// The port of `Metrics       http://127.0.0.1:PORT/metrics` in a program's output at `path`, waiting for it.
func metricsPort(printedIn path: String) -> Int? {
    waitForText("/metrics (Prometheus", in: path).flatMap { number(after: "Metrics       http://127.0.0.1:", in: $0) }
}

/// `promtool` on PATH (Debian's prometheus package ships it), or `nil`: the check that uses it is skipped then.
let promtool: String? = (ProcessEnvironment.current()["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    .map { "\($0)/promtool" }.first { access($0, X_OK) == 0 }

/// `nil` when `a` and `b` are equal, else the exposition lines that differ (or that the buckets do): a readable
/// failure, where `#expect(a == b)` would print two histograms of 31 744 counts.
func difference(_ a: LiveFigures, _ b: LiveFigures) -> String? {
    guard a != b else { return nil }
    let left = PrometheusText.render(a).split(separator: "\n")
    let right = PrometheusText.render(b).split(separator: "\n")
    var lines = zip(left, right).filter { $0 != $1 }.map { "\($0) ≠ \($1)" }
    if !a.latency.nonZeroBuckets.elementsEqual(b.latency.nonZeroBuckets, by: { $0 == $1 }) {
        lines.append("the latency buckets differ")
    }
    if a.latency != b.latency, lines.isEmpty { lines.append("the latency extremes differ") }
    return lines.joined(separator: "\n")
}
