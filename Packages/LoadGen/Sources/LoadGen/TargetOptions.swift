/// How `TargetServer` (and the `loadgen-target` tool) answers.
public struct TargetOptions: Sendable, Hashable {
    /// How the response body is delimited.
    public enum BodyMode: String, Sendable, Hashable, CaseIterable {
        /// `Content-Length`, keep-alive.
        case contentLength = "length"
        /// `Transfer-Encoding: chunked` in two chunks, keep-alive.
        case chunked
        /// No length: the body ends when the server closes the connection after it.
        case closeDelimited = "close"
    }

    /// A deliberate failure injected into every `every`-th request (counted per server thread).
    public struct Fault: Sendable, Hashable {
        /// What goes wrong.
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            /// Close the connection (FIN) without answering: the client sees it closed by the peer.
            case close
            /// Reset the connection (RST): the client sees a read or write error.
            case reset
            /// Answer with bytes that are not HTTP: the client sees a parse error.
            case malformed
            /// Never answer and never read again on that connection: the client times out.
            case hang
        }

        /// What goes wrong.
        public var kind: Kind
        /// Every how many requests (1 = every request).
        public var every: Int

        /// Creates a fault.
        public init(_ kind: Kind, every: Int) {
            self.kind = kind
            self.every = every
        }
    }

    /// The IPv4 address to listen on; loopback by default.
    public var host = "127.0.0.1"
    /// The port; 0 picks a free one (read it from `TargetServer.port`).
    public var port = 0
    /// Event-loop threads.
    public var threads = 1
    /// The status code of every response.
    public var status = 200
    /// The body of every response.
    public var body: [UInt8] = Array("hello\n".utf8)
    /// How the body is delimited.
    public var mode = BodyMode.contentLength
    /// A fixed delay before each response.
    public var delay: Duration = .zero
    /// Stalls: every `stallEvery`, the last `stallFor` of the period answers nothing; responses to
    /// requests received in a stall go out when it ends (e.g. 1 s every 10 s: stalls at 9–10 s, 19–20 s…).
    public var stallEvery: Duration?
    /// How long each stall lasts.
    public var stallFor: Duration = .zero
    /// A failure injected into every n-th request.
    public var fault: Fault?
    /// HTTPS: a PEM certificate (chain) and its private key; the server then speaks TLS 1.2/1.3 only (through the
    /// system's OpenSSL 3, loaded when the server starts).
    public var tlsCertificate: String?
    public var tlsKey: String?

    /// Options with the defaults: `200 hello\n` with `Content-Length`, no delay, no stall, no fault.
    public init() {}
}
