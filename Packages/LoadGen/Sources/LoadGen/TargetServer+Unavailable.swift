#if !os(Linux)

/// `TargetServer` where LoadGen's epoll engine is not built (every system but Linux): the same interface,
/// but creating one throws `LoadGenError.requiresLinux`. The server itself is in TargetServer.swift.
public final class TargetServer: Sendable {
    /// The port the server listens on (never read: no instance exists here).
    public let port: Int
    /// The options it runs with.
    public let options: TargetOptions

    /// Never returns: the server runs on epoll.
    /// - Throws: `LoadGenError.requiresLinux`, always.
    public init(_ options: TargetOptions) throws(LoadGenError) {
        throw .requiresLinux(feature: "TargetServer (loadgen-target)")
    }

    /// Requests received so far: none.
    public var requestCount: Int { 0 }

    /// Does nothing: nothing runs.
    public func stop() {}
}

#endif
