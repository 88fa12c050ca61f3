import LoadGen
import PerfSupport

/// The command line of `loadgen-target`, declared once: the parser and `--help` are made from it.
enum TargetCommand {
    static let host = Option(
        "host", .string.placeholder("ADDRESS"), default: standard.host, help: "IPv4 address to listen on")
    static let port = Option("port", .integer, default: 8080, help: "port; 0 picks a free one, printed on start")
    static let threads = Option("threads", .integer, default: standard.threads, help: "event-loop threads")
    static let status = Option("status", .integer, default: standard.status, help: "response status")
    static let body = Option("body", .string, defaultText: "\"hello\\n\"", help: "response body")
    static let mode = Option(
        "mode", .choice(TargetOptions.BodyMode.self), default: standard.mode,
        help: "length (Content-Length), chunked, or close (close-delimited)")
    static let delay = Option("delay", .duration, help: "delay before each response, e.g. 5ms")
    static let stallEvery = Option(
        "stall-every", .duration.placeholder("PERIOD"),
        help: "stall periodically: the last --stall-for of every PERIOD answers nothing")
    static let stallFor = Option(
        "stall-for", .duration, help: "length of each stall (e.g. --stall-every 10s --stall-for 1s)")
    static let fault = Option(
        "fault", .choice(TargetOptions.Fault.Kind.self), help: "inject a fault: close, reset, malformed or hang")
    static let faultEvery = Option("fault-every", .integer, default: 1, help: "... into every N-th request")
    static let tlsCert = Option(
        "tls-cert", .path.placeholder("FILE"), help: "serve HTTPS with this PEM certificate (needs --tls-key)")
    static let tlsKey = Option("tls-key", .path.placeholder("FILE"), help: "the certificate's PEM private key")
    static let lifetime = Option("lifetime", .duration, default: .seconds(1800), help: "stop by itself after DURATION")

    /// The server's own defaults, which the options show; only the port differs (8080, not a free one).
    private static let standard = TargetOptions()

    static let command = Command(
        "loadgen-target",
        summary: """
            A small, fast HTTP/1.1 server for calibrating and testing load generators. Every request gets the
            same response. Stops on SIGTERM or SIGINT, or after --lifetime, and prints how many requests it
            received.
            """,
        options: [
            host, port, threads, status, body, mode, delay, stallEvery, stallFor, fault, faultEvery, tlsCert, tlsKey,
            lifetime,
        ])

    /// The server options and the lifetime `parsed` gives.
    /// - Throws: `UsageError` for `--fault-every` without `--fault`, or `--stall-for` without `--stall-every`.
    static func settings(_ parsed: ParsedArguments) throws(UsageError) -> (options: TargetOptions, lifetime: Duration) {
        try parsed.requires(faultEvery, fault)
        try parsed.requires(stallFor, stallEvery)
        try parsed.requires(tlsKey, tlsCert)
        try parsed.requires(tlsCert, tlsKey)
        var options = standard
        options.host = parsed[host] ?? standard.host
        options.port = parsed[port] ?? standard.port
        options.threads = parsed[threads] ?? standard.threads
        options.status = parsed[status] ?? standard.status
        options.body = parsed[body].map { Array($0.utf8) } ?? standard.body
        options.mode = parsed[mode] ?? standard.mode
        options.delay = parsed[delay] ?? standard.delay
        options.stallEvery = parsed[stallEvery]
        options.stallFor = parsed[stallFor] ?? standard.stallFor
        options.fault = parsed[fault].map { TargetOptions.Fault($0, every: parsed[faultEvery] ?? 1) }
        options.tlsCertificate = parsed[tlsCert]
        options.tlsKey = parsed[tlsKey]
        return (options, parsed[lifetime] ?? .seconds(1800))
    }
}
