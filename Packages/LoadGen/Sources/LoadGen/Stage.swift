/// One stage of a load shape: a level held (or reached by a linear ramp) for a duration.
///
/// A stage sets either a request rate (open model) or a number of connections (closed model); every
/// stage of a run sets the same one. Sustained load is one stage; a step is several; a spike is a short
/// high stage between two low ones; a ramp is a stage with `ramp: true`, which moves linearly from the
/// previous stage's level (0 for the first stage) to its own.
public struct Stage: Sendable, Hashable {
    /// How long the stage lasts.
    public var duration: Duration
    /// Requests per second at the end of the stage (open model), or `nil`.
    public var rate: Double?
    /// Connections at the end of the stage (closed model), or `nil`.
    public var connections: Int?
    /// Whether the level ramps linearly from the previous stage's level; otherwise it is held.
    public var ramp: Bool

    /// A stage of the open model.
    public static func rate(_ rate: Double, for duration: Duration, ramp: Bool = false) -> Stage {
        Stage(duration: duration, rate: rate, connections: nil, ramp: ramp)
    }

    /// A stage of the closed model.
    public static func connections(_ connections: Int, for duration: Duration, ramp: Bool = false) -> Stage {
        Stage(duration: duration, rate: nil, connections: connections, ramp: ramp)
    }

    /// The level at the end of the stage: the rate, or the connections.
    public var level: Double { rate ?? Double(connections ?? 0) }
}

/// How requests are issued.
public enum LoadModel: String, Sendable, Hashable {
    /// Every connection keeps `pipelining` requests in flight and sends the next one when a response
    /// arrives: the throughput is whatever the server sustains, and latency is measured from the send.
    case closed
    /// Requests are scheduled at a constant rate (or per stage) whatever the server does; latency is
    /// measured from the intended send time, so queueing behind a slow server counts
    /// (coordinated-omission correction).
    case open
}
