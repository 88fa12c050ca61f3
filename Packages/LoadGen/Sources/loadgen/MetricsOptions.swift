import LoadGen
import PerfSupport
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `--metrics-port`, `--metrics-address` and `--metrics-linger`, shared by a run and `loadgen coordinate`: the
/// live figures at `GET /metrics` in the Prometheus text format, served by `MetricsServer` on its own thread.
enum MetricsOptions {
    static let port = Option(
        "metrics-port", .integer.placeholder("PORT"),
        help: "serve the live figures at http://ADDRESS:PORT/metrics, Prometheus text format (0: a free port, printed)")
    static let address = Option(
        "metrics-address", .string.placeholder("ADDRESS"), default: "127.0.0.1",
        help: "the IPv4 address /metrics listens on (0.0.0.0: every interface)")
    static let linger = Option(
        "metrics-linger", .duration, default: .zero,
        help: "keep serving the final figures this long after the run (e.g. one scrape interval, 15s)")

    /// The declarations, for a command's options.
    static let all: [any ArgumentDeclaration] = [port, address, linger]

    /// Starts serving when `--metrics-port` is given, and prints where.
    /// - Returns: the server, or `nil` without `--metrics-port`.
    /// - Throws: `UsageError` naming the flag: an address that is not IPv4, a port out of range or in use, or
    ///   `--metrics-address` / `--metrics-linger` without `--metrics-port`.
    static func start(_ parsed: ParsedArguments) throws(UsageError) -> MetricsServer? {
        try parsed.requires(address, port)
        try parsed.requires(linger, port)
        guard let number = parsed.given(port) else { return nil }
        let host = parsed[address] ?? "127.0.0.1"
        guard (0...65535).contains(number) else {
            throw UsageError("--metrics-port \(number): must be in 0...65535 (0 picks a free port)")
        }
        if let wait = parsed.given(linger), wait > .seconds(3600) {
            throw UsageError("--metrics-linger \(UnitText.format(wait)): must be at most 1h")
        }
        do {
            let server = try MetricsServer(host: host, port: number, feed: LiveFeed())
            print("Metrics       http://\(host):\(server.port)/metrics (Prometheus text format 0.0.4)")
            return server
        } catch {
            switch error {
            case .invalidField:
                throw UsageError("--metrics-address \(host): not an IPv4 address; give one such as 127.0.0.1")
            case .systemCallFailed(_, EADDRINUSE):
                throw UsageError(
                    "--metrics-port \(number): \(host):\(number) is in use by another process; "
                        + "choose another port (0 picks a free one)")
            case let .systemCallFailed(_, code) where code == EADDRNOTAVAIL:
                throw UsageError("--metrics-address \(host): no interface of this host has that address")
            default:
                throw UsageError("--metrics-port \(number): cannot serve on \(host):\(number): \(error)")
            }
        }
    }

    /// After the run: keeps serving the final figures for `--metrics-linger` (when the run finished; SIGINT or
    /// SIGTERM ends the wait), then stops the server. Bounded by the linger (at most 1 h) plus 100 ms.
    static func close(_ server: MetricsServer?, parsed: ParsedArguments) {
        guard let server else { return }
        let wait = (parsed[linger] ?? .zero).nanosecondsClamped
        if wait > 0, server.feed.current().finished {
            print("Metrics       serving the final figures for \(UnitText.format(parsed[linger] ?? .zero))")
            fflush(nil)
            // A run has these handlers already; `loadgen coordinate` gets them for the wait.
            _ = Run.interrupted.load(ordering: .relaxed)
            signal(SIGINT) { _ in Run.interrupted.store(true, ordering: .relaxed) }
            signal(SIGTERM) { _ in Run.interrupted.store(true, ordering: .relaxed) }
            let end = MonotonicClock.now() + wait
            while MonotonicClock.now() < end, !Run.interrupted.load(ordering: .relaxed) {
                PosixThread.sleep(nanoseconds: min(100_000_000, end - MonotonicClock.now()))
            }
        }
        server.stop()
        print("Metrics       stopped after \(server.scrapes) scrape\(server.scrapes == 1 ? "" : "s")")
    }
}
