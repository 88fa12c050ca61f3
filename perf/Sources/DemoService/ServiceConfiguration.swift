import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every setting of the demo service; each one has a flag of the `demo-service` executable.
///
/// Every limit is finite: connections, head and body sizes, batch and payload sizes, sessions, topics and ring
/// slots are all bounded, so memory stays bounded whatever clients send. `validate()` checks the ranges; the
/// service and the server call it before they start.
public struct ServiceConfiguration: Sendable, Equatable {
    /// The IPv4 address to listen on (`--host`).
    public var host = "127.0.0.1"
    /// The TCP port to listen on; 0 asks the kernel for a free one (`--port`).
    public var port = 8080
    /// Event-loop threads, each with its own epoll instance and `SO_REUSEPORT` socket (`--threads`).
    public var threads = ServiceConfiguration.onlineCores()
    /// Open connections the server accepts; the next one gets a 503 and is closed (`--max-connections`).
    public var maxConnections = 1024
    /// The longest request head (request line and headers) in bytes; longer gets a 431 (`--max-header`).
    public var maxHeaderBytes = 8192
    /// The longest request body in bytes; a longer Content-Length gets a 413 (`--max-body`).
    public var maxBodyBytes = 65536
    /// Time from a request's first byte (or from accept) until its head is complete, and again from the head
    /// until its body is complete; after it, the connection is closed without a response (`--header-timeout`).
    public var headerTimeout = Duration.seconds(5)
    /// Silence after which a keep-alive connection or a client that stopped reading is closed (`--idle-timeout`).
    public var idleTimeout = Duration.seconds(60)
    /// After SIGTERM, how long in-flight requests may take before their connections are closed (`--drain-timeout`).
    public var drainTimeout = Duration.seconds(10)
    /// Seeded users `user0` … `user<N-1>`, password `password<i>` (`--users`).
    public var users = 1000
    /// Rounds of the salted password hash: the fixed cost of every login attempt (`--hash-rounds`).
    public var hashRounds = 4096
    /// Sessions the LRU cache keeps; the least recently used is evicted beyond it (`--sessions`).
    public var sessionCapacity = 100_000
    /// Distinct topics `/messages` accepts; messages for further topics are rejected (`--topics`).
    public var maxTopics = 1024
    /// Messages each topic's ring buffer keeps; the oldest is overwritten beyond it (`--ring`).
    public var ringCapacity = 64
    /// The longest message payload in bytes after JSON unescaping; longer gets a 413 (`--max-payload`).
    public var maxPayloadBytes = 1024
    /// Messages one `/messages` batch may hold; more gets a 413 (`--max-batch`).
    public var maxBatchMessages = 100
    /// Whether the hot path's buffers and objects come from pools (`PooledAllocator`, `--pool on`) or are
    /// allocated fresh for every request (`PlainAllocator`, `--pool off`). Pooled by default: it allocates
    /// nothing per request in steady state and is no slower (perf/README.md, "demo service").
    public var pool = true

    /// The defaults above.
    public init() {}

    /// The longest topic name in bytes; a fixed protocol limit, not a flag.
    public static let maxTopicBytes = 64

    /// The cores this process may run on: the default for `threads`.
    public static func onlineCores() -> Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}

extension ServiceConfiguration {
    /// Checks every setting's range and the host's syntax, for configurations built in code (a parsed command
    /// line is checked already); the error names the flag to fix.
    ///
    /// - Throws: `DemoServiceError.invalidValue` for the first setting out of range.
    public func validate() throws(DemoServiceError) {
        try check(ServiceConfiguration.integerSettings) { "an integer from \($0.lowerBound) to \($0.upperBound)" }
        try check(ServiceConfiguration.durationSettings) {
            "a duration from \(UnitText.format($0.lowerBound)) to \(UnitText.format($0.upperBound))"
        }
        guard IPv4Address(host) != nil else {
            throw .invalidValue(flag: "--host", value: host, expected: "a numeric IPv4 address such as 127.0.0.1")
        }
    }

    private func check<Value>(_ settings: [Setting<Value>], expected: (ClosedRange<Value>) -> String)
        throws(DemoServiceError)
    {
        for setting in settings where !setting.range.contains(self[keyPath: setting.keyPath]) {
            throw .invalidValue(
                flag: "--\(setting.option.name)", value: "\(self[keyPath: setting.keyPath])",
                expected: expected(setting.range))
        }
    }
}
