/// One second of the measured window: what completed in it and how fast.
public struct SecondSample: Sendable, Hashable {
    /// The index of the second, 0 for the first second after the warmup.
    public var second: Int
    /// Responses that arrived during the second.
    public var requests: UInt64
    /// Failed requests and error responses (status ≥ 400) counted during the second.
    public var errors: UInt64
    /// Bytes read during the second.
    public var bytes: UInt64
    /// The median corrected latency of the responses of the second, in nanoseconds; `nil` for merged
    /// results (percentiles of several processes' seconds cannot be combined exactly).
    public var latencyP50Ns: UInt64?
    /// The 99th-percentile corrected latency of the responses of the second, in nanoseconds (or `nil`).
    public var latencyP99Ns: UInt64?

    /// Creates a sample.
    public init(
        second: Int, requests: UInt64, errors: UInt64, bytes: UInt64, latencyP50Ns: UInt64?, latencyP99Ns: UInt64?
    ) {
        self.second = second
        self.requests = requests
        self.errors = errors
        self.bytes = bytes
        self.latencyP50Ns = latencyP50Ns
        self.latencyP99Ns = latencyP99Ns
    }
}
