public import PerfSupport

/// The `demo-service` command line, declared in the library so that tests cover every option and message: one
/// table of settings serves parsing, `--help` and `validate()`.
extension ServiceConfiguration {
    /// One numeric setting: its flag, where it goes in the configuration, and the values it may take.
    struct Setting<Value: Comparable & Sendable> {
        let keyPath: WritableKeyPath<ServiceConfiguration, Value>
        let range: ClosedRange<Value>
        let option: Option<Value>

        init(
            _ name: String, _ keyPath: WritableKeyPath<ServiceConfiguration, Value>, _ range: ClosedRange<Value>,
            _ kind: ValueKind<Value>, defaultText: String? = nil, help: String
        ) {
            self.keyPath = keyPath
            self.range = range
            option = Option(
                name, kind.within(range), default: ServiceConfiguration()[keyPath: keyPath], defaultText: defaultText,
                help: help)
        }
    }

    static var integerSettings: [Setting<Int>] {
        [
            Setting("port", \.port, 0...65535, .integer, help: "TCP port; 0 picks a free one"),
            Setting(
                "threads", \.threads, 1...256, .integer, defaultText: "\(onlineCores()), the online cores",
                help: "event-loop threads"),
            Setting(
                "max-connections", \.maxConnections, 1...1_000_000, .integer,
                help: "open connections; beyond it: 503 and close"),
            Setting(
                "max-header", \.maxHeaderBytes, 256...1_048_576, .integer.placeholder("BYTES"),
                help: "request head bytes; beyond it: 431"),
            Setting(
                "max-body", \.maxBodyBytes, 0...67_108_864, .integer.placeholder("BYTES"),
                help: "request body bytes; beyond it: 413"),
            Setting(
                "users", \.users, 1...1_000_000, .integer, help: "seeded users user0…user<N-1>, password password<i>"),
            Setting(
                "hash-rounds", \.hashRounds, 1...10_000_000, .integer,
                help: "rounds of the salted password hash (cost of a login)"),
            Setting("sessions", \.sessionCapacity, 1...10_000_000, .integer, help: "sessions kept by the LRU cache"),
            Setting("topics", \.maxTopics, 1...1_000_000, .integer, help: "distinct topics kept"),
            Setting("ring", \.ringCapacity, 1...1_000_000, .integer, help: "messages kept per topic"),
            Setting(
                "max-payload", \.maxPayloadBytes, 0...1_048_576, .integer.placeholder("BYTES"),
                help: "payload bytes per message; beyond it: 413"),
            Setting(
                "max-batch", \.maxBatchMessages, 1...100_000, .integer,
                help: "messages per /messages batch; beyond it: 413"),
        ]
    }

    static var durationSettings: [Setting<Duration>] {
        [
            Setting(
                "header-timeout", \.headerTimeout, .milliseconds(1)...(.seconds(3600)), .seconds.placeholder("TIME"),
                help: "time to complete a request head (and then its body), else close"),
            Setting(
                "idle-timeout", \.idleTimeout, .milliseconds(1)...(.seconds(86400)), .seconds.placeholder("TIME"),
                help: "silence before an idle connection is closed"),
            Setting(
                "drain-timeout", \.drainTimeout, .zero...(.seconds(3600)), .seconds.placeholder("TIME"),
                help: "time SIGTERM waits for in-flight requests"),
        ]
    }

    /// `--host ADDRESS`: a numeric IPv4 address.
    static let host = Option(
        "host",
        ValueKind(placeholder: "ADDRESS", expectation: "a numeric IPv4 address such as 127.0.0.1") {
            IPv4Address($0) == nil ? nil : $0
        }, default: ServiceConfiguration().host, help: "IPv4 address to listen on")

    /// `--pool on|off`.
    static let pool = Option(
        "pool", .choice(["on", "off"]), default: "on",
        help: "on: hot-path buffers and objects from pools; off: plain allocation")

    /// The command line of `demo-service`; `ServiceConfiguration(_:)` reads what it parsed.
    public static let command = Command(
        "demo-service",
        summary: """
            An HTTP/1.1 demo service for load tests: POST /login, POST /messages, GET /health, GET /metrics.
            Prints 'listening on HOST:PORT' once it accepts connections; SIGTERM or SIGINT drains and exits 0.
            Seeded credentials: user<i> / password<i> for i in 0..<users (e.g. user0 / password0).
            Durations are seconds (5, 0.25) or take a unit (250ms, 2m).
            """,
        options: [host, pool] + integerSettings.map { $0.option as any ArgumentDeclaration }
            + durationSettings.map { $0.option as any ArgumentDeclaration },
        footer: "Exit status: 0 after a clean stop, 2 for a bad flag or an address that cannot be used.")

    /// The configuration a command line of `command` asks for: the defaults, overridden by what it gave. Every
    /// value was checked while parsing.
    public init(_ parsed: ParsedArguments) {
        self.init()
        host = parsed[Self.host] ?? host
        pool = parsed[Self.pool] != "off"
        for setting in Self.integerSettings {
            if let value = parsed.given(setting.option) { self[keyPath: setting.keyPath] = value }
        }
        for setting in Self.durationSettings {
            if let value = parsed.given(setting.option) { self[keyPath: setting.keyPath] = value }
        }
    }
}
